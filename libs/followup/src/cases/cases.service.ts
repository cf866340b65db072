import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, beijingDay, ConflictError, NotFoundError, Role, ValidationFailedError } from '@daogang/platform';
import { ACTIVE_PLACEMENT_STATUSES, ApplicationMovesService, ApplicationsService, MatchingService } from '@daogang/matching';
import type { JobMatchPageDto } from '@daogang/matching';
import { RegionsService } from '@daogang/registry';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseReason, FollowUpCase } from '../entities/case.entity.js';
import { CASE_OUTCOME_ZH, CaseDto, CasePageDto, CaseQueryDto, CloseCaseDto } from './dto/case.dto.js';
import { CASE_REASON_ZH } from './risk-rules.js';
import { CaseFlagsService } from './case-flags.service.js';
import { FollowUpScheduleService } from '../schedule/follow-up-schedule.service.js';

/** Categories of public-welfare posts (公益性岗位): a worker back home is offered these and local jobs first. */
export const PUBLIC_WELFARE_CATEGORIES = ['护林员', '保洁', '养老护理'];

interface CaseRow {
  id: string; application_id: string; worker_id: string; worker_name: string; employer_name: string; job_title: string; county_code: string;
  reasons: CaseReason[]; status: 'open' | 'closed'; due_on: string; owner_id: string | null; outcome: FollowUpCase['outcome'];
  outcome_note: string; new_application_id: string | null; created_at: Date; closed_at: Date | null;
}

const CASE_SELECT = `
  SELECT c.id, c.application_id, c.worker_id, w.name AS worker_name, e.name AS employer_name, j.title AS job_title, c.county_code,
         c.reasons, c.status, to_char(c.due_on, 'YYYY-MM-DD') AS due_on, c.owner_id, c.outcome, c.outcome_note, c.new_application_id,
         c.created_at, c.closed_at
    FROM follow_up_cases c
    JOIN applications a ON a.id = c.application_id
    JOIN workers w ON w.id = c.worker_id
    JOIN job_orders j ON j.id = a.job_order_id
    JOIN employers e ON e.id = j.employer_id`;

/**
 * 帮扶工单: a placement at risk gets one open case (more reasons are added to it while it is open), owned by the broker
 * of the worker's county, due in 2 days for arrears, injury or a call for help and 7 otherwise. It ends resolved, with
 * a changed job (a new placement of the same worker), or with the worker gone home — then the old placement is left,
 * the worker's status and the household's zero-employment flag follow, and local jobs come first in the suggestions.
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly moves: ApplicationMovesService,
    private readonly matching: MatchingService,
    private readonly regions: RegionsService,
    private readonly flags: CaseFlagsService,
    private readonly schedule: FollowUpScheduleService,
  ) {}

  /** Opens a case for the placement, or adds the reasons to its open case. In the caller's transaction. */
  flag(manager: EntityManager, placement: { applicationId: string; workerId: string; countyCode: string }, reasons: CaseReason[], by: string | null): Promise<string | null> {
    return this.flags.flag(manager, placement, reasons, by);
  }

  async list(user: AuthUser, query: CaseQueryDto): Promise<CasePageDto> {
    const { where, params } = this.scope(user, query.status);
    const [rows, [{ n }]] = await Promise.all([
      this.dataSource.query(`${CASE_SELECT} ${where} ORDER BY c.status = 'open' DESC, c.due_on, c.created_at LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`, params) as Promise<CaseRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS n FROM follow_up_cases c ${where}`, params) as Promise<Array<{ n: number }>>,
    ]);
    return { items: rows.map((r) => this.toDto(r)), total: n, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<CaseDto> {
    return this.toDto(await this.row(this.dataSource.manager, user, id));
  }

  /** Closes the case with its outcome; a changed job or going home ends the old placement first (status, household). */
  async close(user: AuthUser, id: string, dto: CloseCaseDto): Promise<CaseDto> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.row(manager, user, id, true);
      if (c.status === 'closed') throw new ConflictError('工单已关闭', { reason: 'CASE_CLOSED' });
      if (dto.outcome === 'changed_job') {
        if (!dto.newApplicationId) throw new ValidationFailedError([{ field: 'newApplicationId', message: '换工作请选择新的录用' }]);
        const [fresh]: Array<{ worker_id: string; status: string }> = await manager.query('SELECT worker_id, status FROM applications WHERE id = $1', [dto.newApplicationId]);
        if (!fresh || fresh.worker_id !== c.worker_id || !ACTIVE_PLACEMENT_STATUSES.includes(fresh.status as never)) {
          throw new ValidationFailedError([{ field: 'newApplicationId', message: '须是该务工人员已接受、已录用或已到岗的新岗位' }]);
        }
      }
      if (dto.outcome === 'left_home') await this.endPlacement(manager, user, c.application_id, dto.note || '离职返乡');
      await manager.query(
        `UPDATE follow_up_cases SET status = 'closed', outcome = $2, outcome_note = $3, new_application_id = $4, closed_at = now(), updated_at = now() WHERE id = $1`,
        [id, dto.outcome, dto.note, dto.newApplicationId ?? null],
      );
    });
    return this.get(user, id);
  }

  /**
   * Jobs for the worker of the case, the same ranking as everywhere, re-ordered for someone back home: jobs in their
   * home county (扶贫车间, local firms) first, then public-welfare posts in their province, then the rest.
   */
  async recommendations(user: AuthUser, id: string): Promise<JobMatchPageDto> {
    const c = await this.row(this.dataSource.manager, user, id);
    const page = await this.matching.jobsFor(user, c.worker_id, { limit: 50 });
    const home = c.county_code;
    const province = this.regions.county(home)?.province.code;
    const tier = (item: JobMatchPageDto['items'][number]) => {
      const county = item.job.workCountyCode;
      if (county === home) return 0;
      if (PUBLIC_WELFARE_CATEGORIES.includes(item.job.category) && this.regions.county(county)?.province.code === province) return 1;
      return 2;
    };
    const items = [...page.items].sort((a, b) => tier(a) - tier(b) || b.score - a.score).slice(0, 20).map((item, i) => ({ ...item, rank: i + 1 }));
    return { ...page, items };
  }

  /** The placement ends (离职): the applications' own move, so the worker's status and household follow. */
  async endPlacement(manager: EntityManager, user: AuthUser, applicationId: string, reason: string, day = beijingDay()): Promise<void> {
    const a = await this.applications.lockVisible(manager, user, applicationId);
    if (a.status === 'arrived') await this.moves.move(manager, user, a, { action: 'leave', reason: reason.slice(0, 200), date: day });
    else if (a.status === 'placed' || a.status === 'accepted') await this.moves.move(manager, user, a, { action: 'withdraw', reason: reason.slice(0, 200) });
    await this.schedule.cancelFor(manager, applicationId);
  }

  private scope(user: AuthUser, status?: string): { where: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (user.role === Role.Broker || user.role === Role.Officer) {
      params.push(user.countyCodes);
      clauses.push(`c.county_code = ANY($${params.length})`);
    }
    if (status) {
      params.push(status);
      clauses.push(`c.status = $${params.length}`);
    }
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  private async row(manager: EntityManager, user: AuthUser, id: string, lock = false): Promise<CaseRow> {
    const { where, params } = this.scope(user);
    params.push(id);
    const rows: CaseRow[] = await manager.query(
      `${CASE_SELECT} ${where ? `${where} AND` : 'WHERE'} c.id = $${params.length}${lock ? ' FOR UPDATE OF c' : ''}`, params,
    );
    if (!rows.length) throw new NotFoundError('帮扶工单', id);
    return rows[0];
  }

  private toDto(r: CaseRow): CaseDto {
    return {
      id: r.id, applicationId: r.application_id, workerId: r.worker_id, workerName: r.worker_name, employerName: r.employer_name,
      jobTitle: r.job_title, homeCountyCode: r.county_code, homeCounty: this.regions.fullName(r.county_code), reasons: r.reasons,
      reasonsZh: r.reasons.map((x) => CASE_REASON_ZH[x]), status: r.status, dueOn: r.due_on,
      overdue: r.status === 'open' && r.due_on < beijingDay(), ...(r.owner_id ? { ownerId: r.owner_id } : {}),
      ...(r.outcome ? { outcome: r.outcome, outcomeZh: CASE_OUTCOME_ZH[r.outcome] } : {}), outcomeNote: r.outcome_note,
      ...(r.new_application_id ? { newApplicationId: r.new_application_id } : {}),
      createdAt: new Date(r.created_at).toISOString(), ...(r.closed_at ? { closedAt: new Date(r.closed_at).toISOString() } : {}),
    };
  }
}
