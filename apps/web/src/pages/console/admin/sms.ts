// The SMS outbox as admins read it (GET /api/admin/sms; libs/notifications dto/sms-message.dto.ts): its shapes and the
// Chinese labels of its codes. test/browser/matches.browser-spec.ts checks the labels equal the API's.

export type SmsStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';

export const SMS_STATUS_ZH: Record<SmsStatus, string> = {
  pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败', unknown: '结果未知',
};

/** The templates' inbox titles (libs/notifications templates.ts), naming what each SMS is about. */
export const SMS_TEMPLATE_ZH: Record<string, string> = {
  offer_received: '收到录用意向',
  invited: '企业邀请您报名',
  application_received: '收到新的报名',
  offer_accepted: '录用意向已接受',
  offer_declined: '录用意向被拒绝',
  application_rejected: '报名未通过',
  application_withdrawn: '报名已撤回',
  placement_confirmed: '录用已确认',
  trip_confirmed: '出行安排已确定',
  trip_reminder: '出发提醒',
  trip_changed: '出行安排有变',
  trip_cancelled: '车次已取消',
  follow_up_due: '回访到期',
  follow_up_check_in: '请报个平安',
  follow_up_overdue: '回访已逾期',
  follow_up_escalated: '回访逾期未处理',
};

export interface SmsMessage {
  id: string;
  template: string;
  body: string;
  /** 139****0001: the full number never leaves the API */
  mobileMasked: string;
  status: SmsStatus;
  statusName: string;
  /** calls to the SMS provider so far */
  attempts: number;
  /** the last failure's reason ('' when none) */
  error: string;
  provider?: string;
  providerMessageId?: string;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
}

export interface SmsPage {
  items: SmsMessage[];
  total: number;
  page: number;
  pageSize: number;
}

export function smsTagType(status: SmsStatus): 'success' | 'info' | 'warning' | 'danger' | 'primary' {
  switch (status) {
    case 'sent':
      return 'success';
    case 'failed':
      return 'danger';
    case 'unknown':
      return 'warning';
    case 'sending':
      return 'primary';
    default:
      return 'info';
  }
}
