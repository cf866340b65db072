// Applications, offers and placements as the web sees them: the API's shapes (libs/matching/src/applications/dto) and
// the Chinese labels of its codes (application-status.ts, application-lifecycle.ts). Plain data, shared by the phone
// pages and the consoles; test/browser/applications.browser-spec.ts checks that these labels equal the API's.

export type ApplicationStatus =
  | 'applied' | 'screening' | 'offered' | 'accepted' | 'placed' | 'arrived' | 'left'
  | 'declined' | 'withdrawn' | 'rejected';
export type ApplicationAction = 'screen' | 'offer' | 'accept' | 'decline' | 'withdraw' | 'reject' | 'place' | 'arrive' | 'leave';
export type ConsentMethod = 'in_person' | 'phone' | 'wechat' | 'written';
export type SubsidyKind = 'one_off_hiring' | 'on_job_training' | 'transport' | 'social_insurance';

export const APPLICATION_STATUS_ZH: Record<ApplicationStatus, string> = {
  applied: '已报名', screening: '筛选中', offered: '已发录用意向', accepted: '已接受', placed: '已录用', arrived: '已到岗',
  left: '已离职', declined: '已拒绝', withdrawn: '已撤回', rejected: '未通过',
};
export const APPLICATION_ACTION_ZH: Record<ApplicationAction, string> = {
  screen: '进入筛选', offer: '发录用意向', accept: '接受', decline: '拒绝', withdraw: '撤回', reject: '不予录用',
  place: '确认录用', arrive: '确认到岗', leave: '登记离职',
};
export const CONSENT_METHOD_ZH: Record<ConsentMethod, string> = { in_person: '当面确认', phone: '电话确认', wechat: '微信确认', written: '书面签字' };
export const SUBSIDY_KIND_ZH: Record<SubsidyKind, string> = {
  one_off_hiring: '一次性吸纳就业补贴', on_job_training: '以工代训（岗位技能培训）补贴',
  transport: '一次性交通补贴', social_insurance: '社会保险补贴',
};
export const CHANNEL_ZH: Record<string, string> = { worker: '本人报名', broker: '经纪人代报', employer: '企业邀请' };

/** Still in the pipeline for its order (one per worker and order). */
export const OPEN_STATUSES: ApplicationStatus[] = ['applied', 'screening', 'offered', 'accepted', 'placed', 'arrived'];
/** Over: the 已结束 column. */
export const ENDED_STATUSES: ApplicationStatus[] = ['left', 'declined', 'withdrawn', 'rejected'];
/** Actions that must say why (the API refuses them without a reason). */
export const REASON_REQUIRED: ApplicationAction[] = ['decline', 'withdraw', 'reject', 'leave'];
/** Actions a broker takes for the worker: they need the worker's recorded consent. */
export const ON_BEHALF_OF_WORKER: ApplicationAction[] = ['accept', 'decline'];
/** Actions that cannot be undone: asked for confirmation. */
export const FINAL_ACTIONS: ApplicationAction[] = ['accept', 'decline', 'withdraw', 'reject', 'place', 'arrive', 'leave'];

export interface ApplicationJob {
  id: string;
  title: string;
  employerName: string;
  category: string;
  workPlace: string;
  wageMin: number;
  wageMax: number;
  startDate: string;
  status: string;
}

export interface ApplicationWorker {
  id: string;
  name: string;
  sex: 'M' | 'F';
  age: number;
  homeCounty: string;
  mobile?: string;
}

export interface ApplicationEvent {
  fromStatus?: ApplicationStatus;
  toStatus: ApplicationStatus;
  toStatusZh: string;
  actorRole: string;
  actorId?: string;
  reason: string;
  at: string;
}

export interface SubsidyClaim {
  id: string;
  kind: SubsidyKind;
  kindZh: string;
  amount: number;
  note: string;
  claimedAt: string;
}

/** GET /api/applications (items), GET /api/applications/:id (with events and subsidies). */
export interface Application {
  id: string;
  status: ApplicationStatus;
  statusZh: string;
  channel: 'worker' | 'broker' | 'employer';
  job: ApplicationJob;
  worker: ApplicationWorker;
  consentMethod?: ConsentMethod;
  consentNote: string;
  reason: string;
  offerScore?: number;
  offeredAt?: string;
  acceptedAt?: string;
  startDate?: string;
  arrivedOn?: string;
  leftOn?: string;
  /** what the signed-in user may do now */
  actions: ApplicationAction[];
  version: number;
  createdAt: string;
  updatedAt: string;
  events?: ApplicationEvent[];
  subsidies?: SubsidyClaim[];
}

export interface ApplicationPage {
  items: Application[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TransitionInput {
  action: ApplicationAction;
  reason?: string;
  startDate?: string;
  date?: string;
  consent?: { method: ConsentMethod; note?: string };
}

/** 5500-7000 (one number when both ends are equal). */
export function wageRange(j: Pick<ApplicationJob, 'wageMin' | 'wageMax'>): string {
  return j.wageMin === j.wageMax ? `${j.wageMin}` : `${j.wageMin}-${j.wageMax}`;
}

/** 2026-11-25T08:30:00Z → 11月25日 16:30 (Beijing time). */
export function shortTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Today in Beijing, YYYY-MM-DD. */
export function beijingToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
