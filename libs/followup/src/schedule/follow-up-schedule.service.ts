import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, beijingDay } from '@daogang/platform';
import { PLACEMENT_ARRIVED_TOPIC, PLACEMENT_ENDED_TOPIC } from '@daogang/matching';
import { NotificationRequest, NotificationsService } from '@daogang/notifications';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, beijingMidnight, isDay, scanInstant } from './follow-up-days.js';
import { dueNotices, escalatedNotices, MovedFollowUp, overdueNotices, ScanStep } from './follow-up-notices.js';
import {
  ADVANCE_CURSOR, CANCEL_ENDED, ARRIVALS_AFTER, CANCEL_FOR_APPLICATION, ENSURE_CURSOR, ESCALATE_OVERDUE, FOLLOW_UP_CURSOR, INSERT_FOLLOW_UPS,
  LOCK_CURSOR, MARK_OVERDUE, OFFICERS_OF_COUNTIES, PROMOTE_DUE, RECENT_ARRIVALS,
} from './follow-up-schedule.sql.js';

/** Outbox rows per creation transaction. */
const ARRIVALS_PAGE = 2000;
/** Follow-ups moved per scan transaction. */
const SCAN_BATCH = 2000;
/** SMS of a scan are queued once its batches are done, or every this many during a long catch-up. */
const SMS_FLUSH = 20_000;
/**
 * How far back each creation run reads arrivals again (transactions commit out of id order). Arrivals are few and
 * doing one twice inserts nothing, so this is generous: an arrival transaction would have to stay open this long
 * between its outbox insert and its commit to be missed.
 */
const OVERLAP_SECONDS = 120;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CreateFollowUpsResult {
  /** Distinct arrivals looked at (new ones and the overlap read again). */
  arrivals: number;
  /** Follow-ups inserted now. */
  created: number;
  /** The outbox id the cursor stands at. */
  cursor: string;
}

export interface CreateFollowUpsOptions {
  pageSize?: number;
  /** Test hook, inside each page's transaction after the insert and before the cursor moves: throwing rolls the page back. */
  onPage?: (page: number, manager: EntityManager) => Promise<void> | void;
}

export interface ScanResult {
  due: number;
  overdue: number;
  escalated: number;
  /** Reached by a step after their placement had ended. */
  cancelled: number;
  batches: number;
}

export interface ScanOptions {
  /** Which steps to run, in this order (default all: due, overdue, escalated). */
  steps?: ScanStep[];
  /** Follow-ups per transaction (default 2,000). */
  batchSize?: number;
  /** The instant stamped on the rows moved (default: now, moved to `today` — see scanInstant). */
  now?: Date;
  /** Test hook, inside each batch's transaction after its notices are recorded: throwing rolls that batch back. */
  onBatch?: (step: ScanStep, batch: number, manager: EntityManager) => Promise<void> | void;
}

interface Step {
  step: ScanStep;
  sql: string;
  params: unknown[];
  notices: (manager: EntityManager, rows: MovedFollowUp[]) => Promise<NotificationRequest[]>;
}

/**
 * 回访计划: the follow-ups of every placement that arrived, and their way from scheduled to due, overdue and escalated.
 * PostgreSQL is the source of truth and every change is a conditional statement inside a transaction that also records
 * its notifications (keyed per follow-up and step) — so a job retried, run twice, run concurrently or cut off by a
 * restart at any moment neither loses nor repeats a follow-up or a reminder. SMS are queued once the batches are done,
 * without holding the scan up; what a crash leaves unqueued the SMS sweeper sends.
 */
@Injectable()
export class FollowUpScheduleService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(FollowUpScheduleService.name);
  /** SMS being queued after a batch's commit (the scan does not wait for Redis; a graceful shutdown does). */
  private readonly dispatching = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The CreateFollowUps job: follow-ups for the arrivals in the outbox after the stored cursor, page by page; each page
   * inserts and advances the cursor in one transaction, under the cursor's row lock.
   */
  async createFromArrivals(options: CreateFollowUpsOptions = {}): Promise<CreateFollowUpsResult> {
    const pageSize = options.pageSize ?? ARRIVALS_PAGE;
    const programmes = JSON.stringify(this.config.followUpProgrammes);
    const result: CreateFollowUpsResult = { arrivals: 0, created: 0, cursor: '0' };
    for (let page = 1; ; page++) {
      const done = await this.dataSource.transaction(async (manager) => {
        await manager.query(ENSURE_CURSOR, [FOLLOW_UP_CURSOR]);
        const [{ last_id: cursor }]: Array<{ last_id: string }> = await manager.query(LOCK_CURSOR, [FOLLOW_UP_CURSOR]);
        const topics = [PLACEMENT_ARRIVED_TOPIC, PLACEMENT_ENDED_TOPIC];
        const rows: Array<{ id: string; topic: string; key: string }> = await manager.query(ARRIVALS_AFTER, [topics, cursor, pageSize]);
        const events = [...rows];
        if (page === 1) events.push(...(await manager.query(RECENT_ARRIVALS, [topics, cursor, OVERLAP_SECONDS]) as Array<{ topic: string; key: string }>).map((r) => ({ id: '', ...r })));
        const of = (topic: string) => [...new Set(events.filter((e) => e.topic === topic).map((e) => e.key))].filter((key) => UUID.test(key)).sort();
        const ids = of(PLACEMENT_ARRIVED_TOPIC);
        const inserted: unknown[] = ids.length ? await manager.query(INSERT_FOLLOW_UPS, [ids, programmes]) : [];
        // A placement that ended however it ended (a visit, the employer, a withdrawal): its open follow-ups go.
        const ended = of(PLACEMENT_ENDED_TOPIC);
        if (ended.length) await manager.query(CANCEL_ENDED, [ended]);
        await options.onPage?.(page, manager);
        const next = rows.length ? rows[rows.length - 1].id : cursor;
        if (next !== cursor) await manager.query(ADVANCE_CURSOR, [FOLLOW_UP_CURSOR, next]);
        return { rows: rows.length, arrivals: ids.length, created: inserted.length, cursor: next };
      });
      result.arrivals += done.arrivals;
      result.created += done.created;
      result.cursor = done.cursor;
      if (done.rows < pageSize) break;
    }
    if (result.created) this.logger.log(`follow-ups created: ${result.created} (outbox cursor ${result.cursor})`);
    return result;
  }

  /**
   * The ScanFollowUps job, for a Beijing day: scheduled → due (reminder to the broker, check-in invitation to the
   * worker), due → overdue after the grace days (to the broker), overdue for the escalation days → escalated (to the
   * county's officers). Each batch is one transaction: the rows move and their notices are recorded together.
   */
  async scan(today = beijingDay(), options: ScanOptions = {}): Promise<ScanResult> {
    if (!isDay(today)) throw new Error(`scan: "${today}" is not a day (YYYY-MM-DD)`);
    const size = options.batchSize ?? SCAN_BATCH;
    const at = options.now ?? scanInstant(today);
    const grace = this.config.FOLLOWUP_GRACE_DAYS;
    const escalate = this.config.FOLLOWUP_ESCALATE_DAYS;
    const all: Step[] = [
      { step: 'due', sql: PROMOTE_DUE, params: [today, size, at], notices: async (_, rows) => dueNotices(rows) },
      { step: 'overdue', sql: MARK_OVERDUE, params: [addDays(today, -grace), size, at], notices: async (_, rows) => overdueNotices(rows) },
      {
        step: 'escalated', sql: ESCALATE_OVERDUE,
        params: [addDays(today, -grace - escalate), size, at, beijingMidnight(addDays(today, 1 - escalate))],
        notices: async (manager, rows) => escalatedNotices(rows, await this.officers(manager, rows)),
      },
    ];
    const steps = options.steps ? all.filter((s) => options.steps!.includes(s.step)) : all;
    const result: ScanResult = { due: 0, overdue: 0, escalated: 0, cancelled: 0, batches: 0 };
    // Committed SMS are queued after the batches (queueing while they run slows them down on a small machine); a
    // crash before that leaves them pending for the SMS sweeper.
    const sms: string[] = [];
    try {
      for (const step of steps) {
        for (let batch = 1; ; batch++) {
          const { moved, smsIds } = await this.dataSource.transaction(async (manager) => {
            const rows: MovedFollowUp[] = await manager.query(step.sql, step.params);
            const ids = await this.notifications.record(manager, await step.notices(manager, rows));
            await options.onBatch?.(step.step, batch, manager);
            return { moved: rows, smsIds: ids };
          });
          sms.push(...smsIds);
          if (sms.length >= SMS_FLUSH) this.dispatch(sms.splice(0));
          result.batches++;
          for (const row of moved) {
            if (row.status === 'cancelled') result.cancelled++;
            else result[step.step]++;
          }
          if (moved.length < size) break;
        }
      }
    } finally {
      this.dispatch(sms);
    }
    if (result.due || result.overdue || result.escalated || result.cancelled) {
      this.logger.log(`follow-up scan ${today}: ${result.due} due, ${result.overdue} overdue, ${result.escalated} escalated, ${result.cancelled} cancelled`);
    }
    return result;
  }

  /**
   * The placement ended (left, withdrawn): its open follow-ups are cancelled, in the caller's transaction. Call it
   * with the application locked, as the leaving flow has it. Returns how many were cancelled.
   */
  async cancelFor(manager: EntityManager, applicationId: string): Promise<number> {
    const [rows]: [Array<{ id: string }>, number] = await manager.query(CANCEL_FOR_APPLICATION, [applicationId]);
    return rows.length;
  }

  /** Resolves once the SMS of the scans so far are queued (or left to the SMS sweeper). */
  async settled(): Promise<void> {
    await Promise.all([...this.dispatching]);
  }

  /** Before the queues close: the SMS of committed batches are handed over; a crash leaves them to the SMS sweeper. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /**
   * Committed SMS go to the notifications queue without holding the caller up. Never throws (Redis away: the rows stay
   * pending and the SMS sweeper sends them within minutes, as it does for any SMS a crash left unqueued).
   */
  private dispatch(smsIds: string[]): void {
    if (!smsIds.length) return;
    // Off the scan's path (BullMQ builds the jobs synchronously), a batch's worth at a time.
    const queued: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        for (let i = 0; i < smsIds.length; i += SCAN_BATCH) await this.notifications.dispatch(smsIds.slice(i, i + SCAN_BATCH));
      })
      .finally(() => this.dispatching.delete(queued));
    this.dispatching.add(queued);
  }

  private async officers(manager: EntityManager, rows: MovedFollowUp[]): Promise<Map<string, string[]>> {
    const counties = [...new Set(rows.filter((r) => r.status === 'overdue').map((r) => r.county_code))];
    const byCounty = new Map<string, string[]>();
    if (!counties.length) return byCounty;
    const officers: Array<{ county_code: string; id: string }> = await manager.query(OFFICERS_OF_COUNTIES, [counties]);
    for (const o of officers) byCounty.set(o.county_code, [...(byCounty.get(o.county_code) ?? []), o.id]);
    return byCounty;
  }
}
