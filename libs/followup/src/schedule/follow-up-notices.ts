import { NotificationRequest, NotificationTemplate } from '@daogang/notifications';
import type { FollowUpStatus } from '../entities/follow-up.entity.js';

/** A follow-up one scan step moved, as the step's statement answers it (follow-up-schedule.sql.ts). */
export interface MovedFollowUp {
  id: string;
  /** The new status; `cancelled` when the placement had ended (no notice). */
  status: FollowUpStatus;
  application_id: string;
  broker_id: string | null;
  county_code: string;
  day_offset: number;
  due_on: string;
  worker_id: string;
  name: string;
  user_id: string | null;
  mobile_encrypted: string | null;
  mobile_hash?: string | null;
  mobile_masked: string | null;
  employer: string;
  broker_name: string | null;
}

export type ScanStep = 'due' | 'overdue' | 'escalated';

/** Where the messages lead in the web app. */
export const STAFF_LINK = '/console/follow-ups';
export const WORKER_LINK = '/m/check-in';

/**
 * One key per follow-up and step (the notifications lib appends the recipient): a retried or concurrent scan records
 * nothing twice, and the key is written in the transaction that moved the row.
 */
export const followUpNoticeKey = (followUpId: string, what: 'due' | 'check-in' | 'overdue' | 'escalated') => `follow-up:${followUpId}:${what}`;

const staffParams = (row: MovedFollowUp) => ({ name: row.name, employer: row.employer, day: row.day_offset, dueOn: row.due_on });

/**
 * Became due: the broker's inbox (今天到期), and the worker's invitation to check in on the web (inbox when they have
 * an account, SMS when a mobile is on file). No broker assigned: officers see it in their lists, nobody is messaged.
 */
export function dueNotices(rows: MovedFollowUp[]): NotificationRequest[] {
  const requests: NotificationRequest[] = [];
  for (const row of rows) {
    if (row.status !== 'due') continue;
    if (row.broker_id) {
      requests.push({
        template: NotificationTemplate.FollowUpDue, dedupeKey: followUpNoticeKey(row.id, 'due'), link: STAFF_LINK,
        params: staffParams(row), to: [{ userId: row.broker_id }],
      });
    }
    const sms = row.mobile_encrypted && row.mobile_masked
      ? { workerId: row.worker_id, mobileEncrypted: row.mobile_encrypted, mobileMasked: row.mobile_masked, mobileHash: row.mobile_hash ?? null }
      : null;
    if (row.user_id || sms) {
      requests.push({
        template: NotificationTemplate.FollowUpCheckIn, dedupeKey: followUpNoticeKey(row.id, 'check-in'), link: WORKER_LINK,
        params: { employer: row.employer, day: row.day_offset }, to: [{ userId: row.user_id, sms }],
      });
    }
  }
  return requests;
}

/** Became overdue: the broker's inbox. */
export function overdueNotices(rows: MovedFollowUp[]): NotificationRequest[] {
  return rows
    .filter((row) => row.status === 'overdue' && row.broker_id)
    .map((row) => ({
      template: NotificationTemplate.FollowUpOverdue, dedupeKey: followUpNoticeKey(row.id, 'overdue'), link: STAFF_LINK,
      params: staffParams(row), to: [{ userId: row.broker_id }],
    }));
}

/** Escalated: the inbox of every active officer of the worker's county. */
export function escalatedNotices(rows: MovedFollowUp[], officersByCounty: Map<string, string[]>): NotificationRequest[] {
  return rows
    .filter((row) => row.status === 'overdue' && officersByCounty.get(row.county_code)?.length)
    .map((row) => ({
      template: NotificationTemplate.FollowUpEscalated, dedupeKey: followUpNoticeKey(row.id, 'escalated'), link: STAFF_LINK,
      params: { ...staffParams(row), broker: row.broker_name ?? '未分配' },
      to: officersByCounty.get(row.county_code)!.map((userId) => ({ userId })),
    }));
}
