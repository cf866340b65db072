import { Outbox } from '@daogang/platform';
import { JOB_ORDER_STATUS_ZH, JOBS_TOPIC } from '@daogang/jobs';
import type { JobOrderStatus } from '@daogang/jobs';
import type { EntityManager } from 'typeorm';
import { HeadcountExceededError, JobNotOpenError } from './matching.errors.js';

/**
 * A job order's places, taken and given back in the caller's transaction by one conditional UPDATE each: PostgreSQL
 * serialises concurrent accepts on the order's row and re-checks the condition after the wait, so the headcount is
 * never exceeded (the CHECK constraint places_filled <= headcount stands behind it). The order turns `filled` with its
 * last place and back to `published` when a place is given back before its expiry — only if it was the headcount that
 * filled it (an order the employer paused and then marked filled stays as the employer left it).
 */
export async function takePlace(manager: EntityManager, outbox: Outbox, jobOrderId: string): Promise<void> {
  const [rows]: [Array<{ id: string }>, number] = await manager.query(
    `UPDATE job_orders
        SET places_filled = places_filled + 1,
            status = CASE WHEN places_filled + 1 >= headcount THEN 'filled' ELSE status END,
            updated_at = now()
      WHERE id = $1 AND status = 'published' AND places_filled < headcount
      RETURNING id`,
    [jobOrderId],
  );
  if (!rows.length) {
    const [job]: Array<{ status: JobOrderStatus; headcount: number }> = await manager.query(
      'SELECT status, headcount FROM job_orders WHERE id = $1', [jobOrderId],
    );
    if (job.status === 'published' || job.status === 'filled') throw new HeadcountExceededError(job.headcount);
    throw new JobNotOpenError(JOB_ORDER_STATUS_ZH[job.status]);
  }
  await outbox.record(manager, JOBS_TOPIC, [jobOrderId]);
}

export async function givePlaceBack(manager: EntityManager, outbox: Outbox, jobOrderId: string, today: string): Promise<void> {
  await manager.query(
    `UPDATE job_orders
        SET places_filled = places_filled - 1,
            status = CASE WHEN status = 'filled' AND places_filled = headcount AND expires_on >= $2::date THEN 'published' ELSE status END,
            updated_at = now()
      WHERE id = $1 AND places_filled > 0`,
    [jobOrderId, today],
  );
  await outbox.record(manager, JOBS_TOPIC, [jobOrderId]);
}
