import { NotificationRecipient, NotificationRequest, NotificationTemplate } from '@daogang/notifications';
import type { EntityManager } from 'typeorm';
import type { ApplicationStatus } from './application-status.js';
import type { LoadedApplication } from './application.mapper.js';

/** Which message a move sends, and to whom: `worker` (inbox + SMS) or `hiring` (the employer's and the broker's inboxes). */
const NOTICES: Partial<Record<ApplicationStatus, { template: NotificationTemplate; to: 'worker' | 'hiring' }>> = {
  applied: { template: NotificationTemplate.ApplicationReceived, to: 'hiring' },
  offered: { template: NotificationTemplate.OfferReceived, to: 'worker' },
  accepted: { template: NotificationTemplate.OfferAccepted, to: 'hiring' },
  declined: { template: NotificationTemplate.OfferDeclined, to: 'hiring' },
  rejected: { template: NotificationTemplate.ApplicationRejected, to: 'worker' },
  placed: { template: NotificationTemplate.PlacementConfirmed, to: 'worker' },
};

/**
 * The notification for one application event, recorded in the same transaction (a rolled-back move sends nothing).
 * The event id is the de-duplication key: a retried request or job never sends the same message twice.
 */
export async function noticeFor(
  manager: EntityManager,
  a: LoadedApplication,
  eventId: string,
  options: { invited?: boolean; withdrawnBy?: 'worker' | 'hiring' } = {},
): Promise<NotificationRequest | null> {
  let notice = NOTICES[a.status];
  if (a.status === 'offered' && options.invited) notice = { template: NotificationTemplate.Invited, to: 'worker' };
  if (a.status === 'withdrawn') {
    notice = { template: NotificationTemplate.ApplicationWithdrawn, to: options.withdrawnBy === 'worker' ? 'hiring' : 'worker' };
  }
  if (!notice) return null;
  const job = a.jobOrder;
  const params = {
    name: a.worker.name, employer: job.employer.name, title: job.title,
    wage: job.wageMin === job.wageMax ? `${job.wageMin}元` : `${job.wageMin}–${job.wageMax}元`,
    startDate: a.startDate ?? job.startDate, reason: a.reason || '无',
  };
  const to = notice.to === 'worker' ? [workerRecipient(a)] : await hiringRecipients(manager, a);
  if (!to.length) return null;
  return {
    template: notice.template, params, dedupeKey: `application-event:${eventId}`, to,
    link: notice.to === 'worker' ? '/m/applications' : `/console/job-orders/${job.id}/pipeline`,
  };
}

function workerRecipient(a: LoadedApplication): NotificationRecipient {
  const w = a.worker;
  return {
    userId: w.userId,
    sms: w.mobileEncrypted && w.mobileMasked ? { workerId: w.id, mobileEncrypted: w.mobileEncrypted, mobileMasked: w.mobileMasked, mobileHash: w.mobileHash } : null,
  };
}

/** The employer's active accounts and the brokers of the worker's home county: inbox only. */
async function hiringRecipients(manager: EntityManager, a: LoadedApplication): Promise<NotificationRecipient[]> {
  const rows: Array<{ id: string }> = await manager.query(
    // Two indexed lookups (users.employer_id, user_counties.county_code); one OR across them read every user.
    `SELECT id FROM (
       SELECT u.id FROM users u WHERE u.employer_id = $1 AND u.role = 'employer' AND u.status = 'active'
       UNION
       SELECT u.id FROM user_counties c JOIN users u ON u.id = c.user_id
        WHERE c.county_code = $2 AND u.role = 'broker' AND u.status = 'active'
     ) r
     ORDER BY id LIMIT 50`,
    [a.employerId, a.workerCountyCode],
  );
  return rows.map((r) => ({ userId: r.id }));
}
