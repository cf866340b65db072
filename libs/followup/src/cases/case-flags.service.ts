import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, beijingDay } from '@daogang/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseReason } from '../entities/case.entity.js';
import { caseDueInDays } from './risk-rules.js';

/**
 * Opening cases, shared by the API (visits, check-ins) and the worker (the schedule scan flags two missed follow-ups):
 * one open case per placement, more reasons added to it while it is open, owned by the placement's broker.
 */
@Injectable()
export class CaseFlagsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens a case for the placement, or adds the reasons to its open case. In the caller's transaction. */
  async flag(manager: EntityManager, placement: { applicationId: string; workerId: string; countyCode: string }, reasons: CaseReason[], by: string | null): Promise<string | null> {
    if (!reasons.length) return null;
    const owner = await this.ownerOf(manager, placement.applicationId, placement.countyCode);
    const due = addDays(beijingDay(), caseDueInDays(reasons));
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO follow_up_cases (application_id, worker_id, county_code, owner_id, reasons, due_on, opened_by)
       VALUES ($1, $2, $3, $4, $5::text[], $6::date, $7)
       ON CONFLICT (application_id) WHERE status = 'open' DO UPDATE
         SET reasons = ARRAY(SELECT DISTINCT unnest(follow_up_cases.reasons || EXCLUDED.reasons) ORDER BY 1),
             due_on = LEAST(follow_up_cases.due_on, EXCLUDED.due_on), updated_at = now()
       RETURNING id`,
      [placement.applicationId, placement.workerId, placement.countyCode, owner, reasons, due, by],
    );
    return row.id;
  }

  /** Placements still arrived with two or more missed (overdue) follow-ups get a case, once. Idempotent. */
  async flagMissedFollowUps(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const missed: Array<{ application_id: string; worker_id: string; county_code: string }> = await manager.query(
        `SELECT f.application_id, f.worker_id, f.county_code FROM follow_ups f JOIN applications a ON a.id = f.application_id
          WHERE f.status = 'overdue' AND a.status = 'arrived'
          GROUP BY f.application_id, f.worker_id, f.county_code HAVING count(*) >= 2
         EXCEPT
         SELECT c.application_id, c.worker_id, c.county_code FROM follow_up_cases c WHERE 'missed_follow_ups' = ANY(c.reasons)`,
      );
      for (const m of missed) await this.flag(manager, { applicationId: m.application_id, workerId: m.worker_id, countyCode: m.county_code }, ['missed_follow_ups'], null);
      return missed.length;
    });
  }

  private async ownerOf(manager: EntityManager, applicationId: string, county: string): Promise<string | null> {
    const [row]: Array<{ id: string | null }> = await manager.query(
      `SELECT coalesce(
         (SELECT broker_id FROM follow_ups WHERE application_id = $1 AND broker_id IS NOT NULL ORDER BY day_offset LIMIT 1),
         (SELECT u.id FROM users u JOIN user_counties c ON c.user_id = u.id WHERE u.role = 'broker' AND u.status = 'active' AND c.county_code = $2 ORDER BY u.created_at, u.id LIMIT 1)
       ) AS id`,
      [applicationId, county],
    );
    return row?.id ?? null;
  }
}
