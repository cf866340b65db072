import { ApplicationsService } from '@daogang/matching';
import { AuthUser, DomainError, Role } from '@daogang/platform';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * A pipeline to click through, made through the same service the API uses (so events, places and messages are real):
 * the demo worker holds an offer from Xiamen to accept or decline; a Linxia worker has applied; another has accepted
 * and been placed (for the employer's placement and subsidy screens).
 */
export async function seedDemoApplications(
  app: INestApplicationContext,
  dataSource: DataSource,
  users: { broker: string; employer: string; employerId: string; workerUserId: string },
): Promise<void> {
  const applications = app.get(ApplicationsService);
  const broker: AuthUser = { id: users.broker, role: Role.Broker, countyCodes: ['622921', '622925'] };
  const employer: AuthUser = { id: users.employer, role: Role.Employer, employerId: users.employerId, countyCodes: [] };
  const consent = { method: 'phone' as const, note: '电话联系本人，同意报名' };
  const [order] = await dataSource.query(
    `SELECT id FROM job_orders WHERE employer_id = $1 AND status = 'published' ORDER BY headcount DESC, id LIMIT 1`, [users.employerId],
  );
  const workers: Array<{ id: string; user_id: string | null }> = await dataSource.query(
    `SELECT id, user_id FROM workers WHERE home_county_code IN ('622921', '622925') AND employment_status = 'not_employed' ORDER BY user_id NULLS LAST, name`,
  );
  const attempt = async <T>(step: () => Promise<T>): Promise<T | null> => {
    try {
      return await step();
    } catch (error) {
      if (error instanceof DomainError) return null; // e.g. a demo worker outside the order's age range: skip them
      throw error;
    }
  };
  const offered = { action: 'offer' as const };
  let placed = false;
  let applied = false;
  for (const w of workers) {
    const a = await attempt(() => applications.create(broker, { jobOrderId: order.id, workerId: w.id, consent }));
    if (!a) continue;
    if (w.user_id === users.workerUserId) {
      await applications.transition(broker, a.id, offered);
    } else if (!applied) {
      applied = true;
    } else if (!placed) {
      await applications.transition(employer, a.id, offered);
      await applications.transition(broker, a.id, { action: 'accept', consent: { method: 'in_person', note: '村委会当面确认' } });
      const start = new Date(Date.now() + 75 * 86_400_000).toISOString().slice(0, 10);
      await applications.transition(employer, a.id, { action: 'place', startDate: start });
      placed = true;
    }
    if (applied && placed) break; // the demo worker sorts first
  }
}
