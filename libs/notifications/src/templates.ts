import { NotificationTemplate } from './notification-request.js';

/**
 * The Chinese text of every notification: an inbox title and body, and a short SMS. `{param}` placeholders are filled
 * from the request's params; a placeholder without a value is a programming error and throws. SMS carry no personal
 * ID numbers and stay short (one 70-character segment where the names allow): the details are in the inbox.
 * Parameters: `name` (the worker), `employer`, `title` (the job), `wage` (e.g. `4500–6000元`, monthly), `reason`,
 * `startDate` — each template needs the ones it names. Trips: `trip` (the code), `pickup` (stop name), `time` (Beijing
 * time, e.g. `2月27日 06:30`), `seat`, `destination`, `coordinator` and `phone` (the coordinator's), `before` (24小时/2小时).
 * Follow-ups: `day` (days after arrival, e.g. 30), `dueOn` (the day it was due), `broker` (the broker's name or 未分配).
 */
interface TemplateText {
  title: string;
  body: string;
  /** Without the signature; `【SMS_SIGNATURE】` is put in front when rendered. */
  sms: string;
}

export const TEMPLATES: Record<NotificationTemplate, TemplateText> = {
  [NotificationTemplate.OfferReceived]: {
    title: '收到录用意向',
    body: '{employer}向您发出「{title}」岗位（月薪{wage}）的录用意向，请在“我的报名”中查看详情并答复。',
    sms: '{employer}向您发出{title}岗位的录用意向，请登录到岗查看并答复。',
  },
  [NotificationTemplate.Invited]: {
    title: '企业邀请您报名',
    body: '{employer}邀请您报名「{title}」岗位（月薪{wage}），感兴趣可在岗位详情中报名。',
    sms: '{employer}邀请您报名{title}岗位，请登录到岗查看。',
  },
  [NotificationTemplate.ApplicationReceived]: {
    title: '收到新的报名',
    body: '{name}报名了「{title}」岗位，请及时筛选。',
    sms: '{name}报名了{title}岗位，请登录到岗处理。',
  },
  [NotificationTemplate.OfferAccepted]: {
    title: '录用意向已接受',
    body: '{name}接受了「{title}」岗位的录用意向，请确认录用并安排到岗日期。',
    sms: '{name}已接受{title}岗位的录用意向，请登录到岗确认录用。',
  },
  [NotificationTemplate.OfferDeclined]: {
    title: '录用意向被拒绝',
    body: '{name}拒绝了「{title}」岗位的录用意向。',
    sms: '{name}拒绝了{title}岗位的录用意向。',
  },
  [NotificationTemplate.ApplicationRejected]: {
    title: '报名未通过',
    body: '很遗憾，您报名的「{title}」岗位未通过筛选，原因：{reason}。可以看看其他岗位。',
    sms: '您报名的{title}岗位未通过筛选，详情请登录到岗查看。',
  },
  [NotificationTemplate.ApplicationWithdrawn]: {
    title: '报名已撤回',
    body: '{name}在「{title}」岗位（{employer}）的报名已撤回，原因：{reason}。',
    sms: '{name}在{title}岗位的报名已撤回，详情请登录到岗查看。',
  },
  [NotificationTemplate.PlacementConfirmed]: {
    title: '录用已确认',
    body: '恭喜！{employer}已确认录用您（{title}），到岗日期{startDate}。出行安排会另行通知。',
    sms: '{employer}已确认录用您（{title}），{startDate}到岗，请留意出行安排。',
  },
  [NotificationTemplate.TripConfirmed]: {
    title: '出行安排已确定',
    body: '您乘坐{trip}次车前往{destination}：{time}在{pickup}上车，座位{seat}号。带队：{coordinator}，电话{phone}。',
    sms: '{time}在{pickup}上车（{trip}次，{seat}号座）前往{destination}。带队{coordinator}：{phone}',
  },
  [NotificationTemplate.TripReminder]: {
    title: '出发提醒',
    body: '{before}后出发：{time}在{pickup}上车，{trip}次车{seat}号座。请带好身份证，提前15分钟到达。带队电话{phone}。',
    sms: '提醒：{time}在{pickup}上车（{trip}次{seat}号座），请带好证件提前到。带队电话{phone}',
  },
  [NotificationTemplate.TripChanged]: {
    title: '出行安排有变',
    body: '您的出行安排已调整：{time}在{pickup}上车，{trip}次车{seat}号座。如有疑问请联系{coordinator}，电话{phone}。',
    sms: '出行有变：{time}在{pickup}上车（{trip}次{seat}号座）。带队电话{phone}',
  },
  [NotificationTemplate.TripCancelled]: {
    title: '车次已取消',
    body: '{trip}次车已取消，我们会尽快为您重新安排，请留意通知。如有疑问请联系{coordinator}，电话{phone}。',
    sms: '{trip}次车已取消，将为您重新安排，请留意通知。带队电话{phone}',
  },
  [NotificationTemplate.FollowUpDue]: {
    title: '回访到期',
    body: '{name}（{employer}）第{day}天回访今天到期，请电话或上门了解工作和生活情况，并在回访台账中登记。',
    sms: '{name}第{day}天回访今天到期，请登录到岗登记回访。',
  },
  [NotificationTemplate.FollowUpCheckIn]: {
    title: '请报个平安',
    body: '您在{employer}已到岗{day}天，工作和生活还顺利吗？请点“报平安”告诉我们；遇到工资、住宿或其他困难，也可以直接求助。',
    sms: '您到岗已满{day}天，工作还顺利吗？请登录到岗点“报平安”，有困难可直接求助。',
  },
  [NotificationTemplate.FollowUpOverdue]: {
    title: '回访已逾期',
    body: '{name}（{employer}）第{day}天回访应于{dueOn}完成，已逾期，请尽快回访并登记。',
    sms: '{name}第{day}天回访已逾期，请尽快登录到岗登记回访。',
  },
  [NotificationTemplate.FollowUpEscalated]: {
    title: '回访逾期未处理',
    body: '{name}（{employer}）第{day}天回访应于{dueOn}完成，逾期多日仍未回访，负责经纪人：{broker}。请督促跟进。',
    sms: '{name}第{day}天回访逾期未处理（经纪人{broker}），请登录到岗查看。',
  },
};

export interface RenderedNotification {
  title: string;
  body: string;
  sms: string;
}

/** Longest value of one parameter inside an SMS (a long employer name would split it into several segments). */
const SMS_PARAM_MAX = 20;
/** 18-character resident ID number (last character may be X). */
const ID_NUMBER = /\d{17}[\dXx]/;

function fill(text: string, params: Record<string, string | number>, template: string, clip?: number): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined || value === null || String(value).trim() === '') {
      throw new Error(`notification template ${template}: parameter "${key}" is missing`);
    }
    const filled = String(value).trim();
    return clip ? cut(filled, clip) : filled;
  });
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Fills a template: the inbox title and body, and the SMS with `【signature】` in front. */
export function renderNotification(
  template: NotificationTemplate,
  params: Record<string, string | number>,
  signature: string,
): RenderedNotification {
  const text = TEMPLATES[template];
  if (!text) throw new Error(`unknown notification template ${template}`);
  const sms = `【${signature}】${fill(text.sms, params, template, SMS_PARAM_MAX)}`;
  if (ID_NUMBER.test(sms)) throw new Error(`notification template ${template}: an SMS must not carry an ID number`);
  // The lengths of the inbox and outbox columns.
  return { title: cut(fill(text.title, params, template), 60), body: cut(fill(text.body, params, template), 500), sms: cut(sms, 500) };
}
