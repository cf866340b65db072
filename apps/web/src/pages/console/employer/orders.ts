// Helpers of the employer's console pages (企业信息, 招聘订单): tag colours, the lifecycle call and its errors.
import { api, ApiError } from '../../../api';
import type { JobOrder, Transition } from '../../jobs';

type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary';

export function verificationTagType(v: string): TagType {
  return v === 'verified' ? 'success' : v === 'rejected' ? 'danger' : 'warning';
}

export function orderTagType(status: string): TagType {
  switch (status) {
    case 'published':
      return 'success';
    case 'paused':
      return 'warning';
    case 'filled':
      return 'primary';
    default:
      return 'info';
  }
}

/** The labels of the order form's fields, for messages that name a field (e.g. 还不能发布: 到岗日期已过). */
export const ORDER_FIELD_ZH: Record<string, string> = {
  title: '招聘标题', description: '岗位描述', category: '工种', headcount: '招聘人数', wageMin: '月薪下限', wageMax: '月薪上限',
  pieceRate: '计件工资', pieceRateNote: '计件说明', benefits: '福利', workCountyCode: '工作地', workAddress: '工作地址', lng: '经度', lat: '纬度',
  shift: '班制', startDate: '到岗日期', expiresOn: '招聘截止日期', ageMin: '最低年龄', ageMax: '最高年龄', requiredSkills: '技能要求',
  requiredCertificates: '证书要求', trainingOffered: '提供培训', trainingNote: '培训说明', accessible: '适合残疾人', employerId: '企业',
};

/** POST /api/job-orders/:id/transitions with the version read. */
export function transition(order: JobOrder, action: Transition, reason?: string): Promise<JobOrder> {
  return api<JobOrder>(`/api/job-orders/${encodeURIComponent(order.id)}/transitions`, {
    method: 'POST',
    body: { action, version: order.version, ...(reason ? { reason } : {}) },
  });
}

/** What a refused lifecycle action tells the employer. */
export interface ActionProblem {
  /** forbidden: not verified (403); stale: someone saved first (409 with currentVersion); refused: other 409s and 400s */
  kind: 'forbidden' | 'stale' | 'refused' | 'other';
  message: string;
  /** field messages of a 400 (e.g. 到岗日期已过，请修改后再发布), with the field's label */
  details: string[];
}

export function actionProblem(e: unknown): ActionProblem {
  if (!(e instanceof ApiError)) return { kind: 'other', message: '操作失败，请稍后再试', details: [] };
  const details = Object.entries(e.fieldErrors).map(([field, message]) => `${ORDER_FIELD_ZH[field] ?? field}：${message}`);
  if (e.status === 403) return { kind: 'forbidden', message: e.message, details };
  if (e.status === 409 && e.details.currentVersion !== undefined) return { kind: 'stale', message: e.message, details };
  if (e.status === 409 || e.status === 400) return { kind: 'refused', message: e.message, details };
  return { kind: 'other', message: e.message, details };
}
