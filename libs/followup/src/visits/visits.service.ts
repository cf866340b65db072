import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, beijingDay, ConflictError, NotFoundError } from '@daogang/platform';
import { ApplicationsService } from '@daogang/matching';
import type { DataSource, EntityManager } from 'typeorm';
import { CasesService } from '../cases/cases.service.js';
import { CASE_REASON_ZH, riskReasons } from '../cases/risk-rules.js';
import { Visit } from '../entities/visit.entity.js';
import type { RecordVisitDto, SelfCheckInDto, VisitDto } from './dto/visit.dto.js';

/** A visit made up to this many days before a follow-up is due counts for it. */
const EARLY_DAYS = 3;

/**
 * 回访记录: a broker's call or visit, or the worker's own check-in, for a placement that has arrived. The visit answers
 * the earliest follow-up due (or overdue, or due within three days); its risks open or extend the placement's case; a
 * worker no longer employed ends the placement (status, household, follow-ups cancelled) and gets a case for re-placement.
 * All in one transaction.
 */
@Injectable()
export class VisitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly cases: CasesService,
  ) {}

  async record(user: AuthUser, applicationId: string, dto: RecordVisitDto): Promise<VisitDto> {
    return this.dataSource.transaction((manager) => this.write(manager, user, applicationId, {
      channel: dto.channel, stillEmployed: dto.stillEmployed, wagePaidOnTime: dto.wagePaidOnTime ?? null, monthlyWage: dto.monthlyWage ?? null,
      hoursPerWeek: dto.hoursPerWeek ?? null, housingOk: dto.housingOk ?? null, foodOk: dto.foodOk ?? null, problems: dto.problems ?? [],
      intentToLeave: dto.intentToLeave ?? false, needsHelp: false, notes: dto.notes ?? '',
    }));
  }

  /** 报平安: the worker's own check-in on their placement that has arrived. */
  async selfCheckIn(user: AuthUser, dto: SelfCheckInDto): Promise<VisitDto> {
    return this.dataSource.transaction(async (manager) => {
      const [own]: Array<{ id: string }> = await manager.query(
        `SELECT a.id FROM applications a JOIN workers w ON w.id = a.worker_id WHERE w.user_id = $1 AND a.status = 'arrived' ORDER BY a.arrived_on DESC LIMIT 1`,
        [user.id],
      );
      if (!own) throw new ConflictError('您目前没有在岗的工作，无需报平安', { reason: 'NOT_PLACED' });
      return this.write(manager, user, own.id, {
        channel: 'self_check_in', stillEmployed: true, wagePaidOnTime: null, monthlyWage: null, hoursPerWeek: null, housingOk: null, foodOk: null,
        problems: [], intentToLeave: false, needsHelp: dto.answer === 'need_help', notes: dto.note ?? '',
      });
    });
  }

  async list(user: AuthUser, applicationId: string): Promise<VisitDto[]> {
    const visible = await this.applications.scoped(this.dataSource.manager, user).andWhere('a.id = :id', { id: applicationId }).getExists();
    if (!visible) throw new NotFoundError('录用', applicationId);
    const rows = await this.dataSource.getRepository(Visit).find({ where: { applicationId }, order: { visitedAt: 'DESC' } });
    return rows.map((v) => toDto(v, [], undefined, undefined));
  }

  private async write(manager: EntityManager, user: AuthUser, applicationId: string, facts: Omit<Visit, 'id' | 'applicationId' | 'workerId' | 'followUpId' | 'recordedBy' | 'visitedAt' | 'createdAt'>): Promise<VisitDto> {
    const a = await this.applications.lockVisible(manager, user, applicationId);
    if (a.status !== 'arrived') throw new ConflictError('只有已到岗的录用才能记录回访', { reason: 'NOT_ARRIVED' });
    const today = beijingDay();
    const [followUp]: Array<{ id: string; day_offset: number }> = await manager.query(
      `SELECT id, day_offset FROM follow_ups
        WHERE application_id = $1 AND (status IN ('due', 'overdue') OR (status = 'scheduled' AND due_on <= $2::date + $3::int))
        ORDER BY due_on LIMIT 1 FOR UPDATE`,
      [applicationId, today, EARLY_DAYS],
    );
    const [previous]: Array<{ monthly_wage: number }> = await manager.query(
      'SELECT monthly_wage FROM follow_up_visits WHERE application_id = $1 AND monthly_wage IS NOT NULL ORDER BY visited_at DESC LIMIT 1', [applicationId],
    );
    const visit = await manager.getRepository(Visit).save(manager.getRepository(Visit).create({
      ...facts, applicationId, workerId: a.workerId, followUpId: followUp?.id ?? null, recordedBy: user.id, visitedAt: new Date(),
    }));
    if (followUp) {
      await manager.query(`UPDATE follow_ups SET status = 'done', done_at = now(), visit_id = $2, updated_at = now() WHERE id = $1`, [followUp.id, visit.id]);
    }
    const risks = riskReasons(facts, previous?.monthly_wage ?? null);
    const placement = { applicationId, workerId: a.workerId, countyCode: a.workerCountyCode };
    if (!facts.stillEmployed) await this.cases.endPlacement(manager, user, applicationId, facts.notes || '回访得知已离职', today);
    const caseId = await this.cases.flag(manager, placement, risks, user.id);
    return toDto(visit, risks.map((r) => CASE_REASON_ZH[r]), followUp?.day_offset, caseId ?? undefined);
  }
}

function toDto(v: Visit, risks: string[], followUpDay: number | undefined, caseId: string | undefined): VisitDto {
  return {
    id: v.id, applicationId: v.applicationId, ...(v.followUpId ? { followUpId: v.followUpId } : {}), ...(followUpDay ? { followUpDay } : {}),
    channel: v.channel, stillEmployed: v.stillEmployed,
    ...(v.wagePaidOnTime !== null ? { wagePaidOnTime: v.wagePaidOnTime } : {}), ...(v.monthlyWage !== null ? { monthlyWage: v.monthlyWage } : {}),
    ...(v.hoursPerWeek !== null ? { hoursPerWeek: v.hoursPerWeek } : {}), ...(v.housingOk !== null ? { housingOk: v.housingOk } : {}),
    ...(v.foodOk !== null ? { foodOk: v.foodOk } : {}), problems: v.problems, intentToLeave: v.intentToLeave, needsHelp: v.needsHelp,
    notes: v.notes, visitedAt: v.visitedAt.toISOString(), ...(caseId ? { caseId } : {}), risks,
  };
}
