// The pipeline board and batch offers of the console (brokers and employers): the board's columns, tag colours, and
// the batch offer call with its idempotency key.
import { api, ApiError } from '../../../api';
import type { ApplicationAction, ApplicationStatus } from '../../applications';

export interface BoardColumn {
  key: string;
  title: string;
  statuses: ApplicationStatus[];
  /** 已结束: folded unless opened */
  collapsed?: boolean;
}

/** The columns of 报名看板, in pipeline order; declined, withdrawn, rejected and left share the folded 已结束. */
export const BOARD_COLUMNS: BoardColumn[] = [
  { key: 'applied', title: '已报名', statuses: ['applied'] },
  { key: 'screening', title: '筛选中', statuses: ['screening'] },
  { key: 'offered', title: '已发录用意向', statuses: ['offered'] },
  { key: 'accepted', title: '已接受', statuses: ['accepted'] },
  { key: 'placed', title: '已录用', statuses: ['placed'] },
  { key: 'arrived', title: '已到岗', statuses: ['arrived'] },
  { key: 'ended', title: '已结束', statuses: ['declined', 'withdrawn', 'rejected', 'left'], collapsed: true },
];

type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary';
export function applicationTagType(status: ApplicationStatus): TagType {
  switch (status) {
    case 'offered':
      return 'warning';
    case 'accepted':
    case 'placed':
    case 'arrived':
      return 'success';
    case 'rejected':
    case 'declined':
    case 'withdrawn':
      return 'danger';
    case 'left':
      return 'info';
    default:
      return 'primary';
  }
}

/** The order of the buttons on a card, and their look. */
export const ACTION_BUTTONS: Array<{ action: ApplicationAction; type: 'primary' | 'success' | 'warning' | 'danger' | 'default' }> = [
  { action: 'screen', type: 'default' },
  { action: 'offer', type: 'primary' },
  { action: 'accept', type: 'success' },
  { action: 'place', type: 'success' },
  { action: 'arrive', type: 'success' },
  { action: 'decline', type: 'danger' },
  { action: 'reject', type: 'danger' },
  { action: 'withdraw', type: 'danger' },
  { action: 'leave', type: 'warning' },
];

export interface BatchOfferItem {
  workerId: string;
  outcome: 'offered' | 'already_offered' | 'failed';
  applicationId?: string;
  reason?: string;
}
export interface BatchOfferResult {
  jobOrderId: string;
  idempotencyKey: string;
  offered: number;
  failed: number;
  replayed: boolean;
  items: BatchOfferItem[];
}

export const OUTCOME_ZH: Record<BatchOfferItem['outcome'], string> = { offered: '已发送', already_offered: '之前已发送', failed: '未发送' };

/** A fresh idempotency key: one per click of 发送 (reused when the same batch is sent again after a network error). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** POST /api/job-orders/:id/offers. */
export function sendOffers(jobOrderId: string, workerIds: string[], idempotencyKey: string): Promise<BatchOfferResult> {
  return api<BatchOfferResult>(`/api/job-orders/${encodeURIComponent(jobOrderId)}/offers`, {
    method: 'POST',
    body: { workerIds, idempotencyKey },
  });
}

/** A network error or a timeout: the batch may or may not have been sent, so the retry must reuse the key. */
export function isNetworkError(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 0 || e.status >= 500);
}

export function errorText(e: unknown, fallback = '操作失败，请稍后再试'): string {
  return e instanceof ApiError ? e.message : fallback;
}
