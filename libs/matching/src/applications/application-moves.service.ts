import { Injectable } from '@nestjs/common';
import { AuthUser, beijingDay, ConflictError, ForbiddenError, Outbox, Role, ValidationFailedError } from '@daogang/platform';
import type { FieldError } from '@daogang/platform';
import { JOB_ORDER_STATUS_ZH } from '@daogang/jobs';
import type { JobOrderStatus } from '@daogang/jobs';
import { NotificationRequest } from '@daogang/notifications';
import { announceWorkers, EmploymentStatus, RegionsService, WorkerStatusService } from '@daogang/registry';
import { QueryFailedError } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { mayAct, nextApplicationStatus, ON_BEHALF_OF_WORKER, REASON_REQUIRED } from './application-lifecycle.js';
import type { ApplicationAction } from './application-lifecycle.js';
import { noticeFor } from './application-notices.js';
import { ACTIVE_PLACEMENT_STATUSES, PLACEMENT_ARRIVED_TOPIC, PLACEMENT_ENDED_TOPIC } from './application-status.js';
import type { ApplicationChannel, ApplicationStatus } from './application-status.js';
import type { LoadedApplication } from './application.mapper.js';
import type { ApplicationTransitionDto, ConsentDto } from './dto/application-input.dto.js';
import { Application } from './entities/application.entity.js';
import { ApplicationEvent } from './entities/application-event.entity.js';
import { AlreadyPlacedError, JobNotOpenError } from './matching.errors.js';
import { givePlaceBack, takePlace } from './places.js';
import { MatchingService } from '../ranking/matching.service.js';

export interface Moved {
  application: LoadedApplication;
  notice: NotificationRequest | null;
}

/**
 * Every change of an application's state, in the caller's transaction: the state machine, who may act, the reasons
 * and consent it needs, the places of the order, the worker's employment status, one event row, the outbox and the
 * notification. The HTTP edge and the batch offers both come through here.
 */
@Injectable()
export class ApplicationMovesService {
  constructor(
    private readonly outbox: Outbox,
    private readonly statuses: WorkerStatusService,
    private readonly regions: RegionsService,
    private readonly matching: MatchingService,
  ) {}

  /** A new application (or invitation / offer) with its first event; `a` comes from `draftApplication`. */
  async open(
    manager: EntityManager,
    user: AuthUser,
    a: LoadedApplication,
    how: { status: 'applied' | 'offered'; channel: ApplicationChannel; consent?: ConsentDto },
  ): Promise<Moved> {
    a.status = how.status;
    a.channel = how.channel;
    a.createdBy = user.id;
    if (how.consent) Object.assign(a, { consentMethod: how.consent.method, consentNote: how.consent.note ?? '', consentAt: new Date() });
    if (how.status === 'offered') await this.offered(manager, a);
    const { jobOrder, worker, ...row } = a;
    try {
      const saved = await manager.getRepository(Application).save(manager.getRepository(Application).create(row));
      Object.assign(a, saved, { jobOrder, worker });
    } catch (error) {
      if (isUniqueViolation(error, 'applications_one_open_per_order')) throw new ConflictError('已报名该岗位，无需重复报名', { reason: 'ALREADY_APPLIED' });
      throw error;
    }
    const eventId = await this.event(manager, user, a, null, '');
    return { application: a, notice: await noticeFor(manager, a, eventId, { invited: how.channel === 'employer' && how.status === 'offered' }) };
  }

  /** One move of a locked, loaded application. Throws a domain error (4xx) when the move is not allowed. */
  async move(manager: EntityManager, user: AuthUser, a: LoadedApplication, input: ApplicationTransitionDto): Promise<Moved> {
    const { action } = input;
    if (!mayAct(user.role, action)) throw new ForbiddenError(`${roleActs(user.role)}不能执行此操作`);
    if (input.version !== undefined && input.version !== a.version) {
      throw new ConflictError('该报名已被他人更新，请刷新后重试', { currentVersion: a.version });
    }
    const from = a.status;
    const to = nextApplicationStatus(from, action);
    this.validateInput(user, a, input);
    const today = beijingDay();

    switch (to) {
      case 'offered':
        await this.offered(manager, a);
        break;
      case 'accepted':
        await this.assertNoOtherPlacement(manager, a);
        await takePlace(manager, this.outbox, a.jobOrderId);
        a.acceptedAt = new Date();
        break;
      case 'placed':
        a.startDate = input.startDate!;
        break;
      case 'arrived':
        a.arrivedOn = input.date ?? today;
        await this.outbox.record(manager, PLACEMENT_ARRIVED_TOPIC, [a.id]);
        await this.statuses.change(manager, a.workerId, this.employedStatus(a), {
          by: user.id, source: 'placement', note: `到岗：${a.jobOrder.employer.name} ${a.jobOrder.title}`.slice(0, 200),
        });
        break;
      case 'left':
        a.leftOn = input.date ?? today;
        await this.outbox.record(manager, PLACEMENT_ENDED_TOPIC, [a.id]);
        await this.statuses.change(manager, a.workerId, EmploymentStatus.NotEmployed, {
          by: user.id, source: 'placement', note: `离职：${a.jobOrder.employer.name}，${input.reason}`.slice(0, 200),
        });
        break;
      case 'withdrawn':
        if (ACTIVE_PLACEMENT_STATUSES.includes(from)) {
          await givePlaceBack(manager, this.outbox, a.jobOrderId, today);
          await this.outbox.record(manager, PLACEMENT_ENDED_TOPIC, [a.id]);
        }
        break;
    }
    if (ON_BEHALF_OF_WORKER.includes(action) && input.consent) {
      Object.assign(a, { consentMethod: input.consent.method, consentNote: input.consent.note ?? '', consentAt: new Date() });
    }
    a.status = to;
    if (input.reason) a.reason = input.reason;
    const { jobOrder, worker, ...row } = a;
    try {
      const saved = await manager.getRepository(Application).save(row);
      Object.assign(a, saved, { jobOrder, worker });
    } catch (error) {
      if (isUniqueViolation(error, 'applications_one_active_placement')) throw new AlreadyPlacedError();
      throw error;
    }
    const eventId = await this.event(manager, user, a, from, input.reason ?? '');
    const withdrawnBy = user.role === Role.Worker || (user.role === Role.Broker && from !== 'offered') ? 'worker' : 'hiring';
    return { application: a, notice: await noticeFor(manager, a, eventId, { withdrawnBy }) };
  }

  /**
   * An offer only for an order still published (read under a share lock: a pause waits for the offer or comes
   * first); its time, and the worker's score for the order at that moment (for later review of the ranking).
   */
  private async offered(manager: EntityManager, a: LoadedApplication): Promise<void> {
    const [job]: Array<{ status: JobOrderStatus }> = await manager.query('SELECT status FROM job_orders WHERE id = $1 FOR SHARE', [a.jobOrderId]);
    if (job.status !== 'published') throw new JobNotOpenError(JOB_ORDER_STATUS_ZH[job.status]);
    a.offeredAt = new Date();
    a.offerScore = await this.matching.scoreOf(a.workerId, a.jobOrder, manager);
  }

  private validateInput(user: AuthUser, a: LoadedApplication, input: ApplicationTransitionDto): void {
    const errors: FieldError[] = [];
    const today = beijingDay();
    if (REASON_REQUIRED.includes(input.action) && !input.reason) errors.push({ field: 'reason', message: '请填写原因' });
    if (input.action === 'place' && !input.startDate) errors.push({ field: 'startDate', message: '请填写约定上岗日期' });
    if (input.date && input.date > today) errors.push({ field: 'date', message: '日期不能晚于今天' });
    if (input.action === 'leave' && input.date && a.arrivedOn && input.date < a.arrivedOn) {
      errors.push({ field: 'date', message: `离职日期不能早于到岗日期（${a.arrivedOn}）` });
    }
    if (user.role === Role.Broker && ON_BEHALF_OF_WORKER.includes(input.action) && !input.consent) {
      errors.push({ field: 'consent', message: '代务工人员决定时，请记录本人同意的方式' });
    }
    if (errors.length) throw new ValidationFailedError(errors);
  }

  private async assertNoOtherPlacement(manager: EntityManager, a: LoadedApplication): Promise<void> {
    const other = await manager.getRepository(Application).createQueryBuilder('o')
      .where('o.worker_id = :worker AND o.id <> :id AND o.status IN (:...active)', { worker: a.workerId, id: a.id, active: ACTIVE_PLACEMENT_STATUSES })
      .getExists();
    if (other) throw new AlreadyPlacedError();
  }

  /** Where the job is, seen from the worker's home: same county, same province, or out of the province. */
  private employedStatus(a: LoadedApplication): EmploymentStatus {
    if (a.jobOrder.workCountyCode === a.worker.homeCountyCode) return EmploymentStatus.EmployedInCounty;
    const work = this.regions.county(a.jobOrder.workCountyCode)?.province.code;
    const home = this.regions.county(a.worker.homeCountyCode)?.province.code;
    return work && work === home ? EmploymentStatus.EmployedInProvince : EmploymentStatus.EmployedOutOfProvince;
  }

  private async event(manager: EntityManager, user: AuthUser, a: Application, from: ApplicationStatus | null, reason: string): Promise<string> {
    const saved = await manager.getRepository(ApplicationEvent).save({
      applicationId: a.id, fromStatus: from, toStatus: a.status, actorId: user.id, actorRole: user.role, reason,
    });
    // The matching index reads a worker's active placement and tenure (match-facts.sql.ts), and follows them through
    // the workers topic: only moves into or out of a placement, and arrival, change those (bench/load, finding 4).
    const active = (status: ApplicationStatus | null) => status !== null && ACTIVE_PLACEMENT_STATUSES.includes(status);
    if (active(from) !== active(a.status) || a.status === 'arrived' || a.status === 'left') await announceWorkers(manager, [a.workerId]);
    return saved.id;
  }
}

/** A new application of a worker for an order, not yet saved: `open` gives it its state and its first event. */
export function draftApplication(manager: EntityManager, job: LoadedApplication['jobOrder'], worker: LoadedApplication['worker']): LoadedApplication {
  const a = manager.getRepository(Application).create({
    jobOrderId: job.id, workerId: worker.id, employerId: job.employerId, workerCountyCode: worker.homeCountyCode, category: job.category,
    workCountyCode: job.workCountyCode,
    reason: '', consentNote: '', consentMethod: null, consentAt: null, offerScore: null, offeredAt: null, acceptedAt: null,
    startDate: null, arrivedOn: null, leftOn: null,
  });
  return Object.assign(a, { jobOrder: job, worker });
}

function roleActs(role: Role): string {
  return role === Role.Employer ? '企业' : role === Role.Worker ? '务工人员' : role === Role.Broker ? '经纪人' : '当前角色';
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = (error instanceof QueryFailedError ? error.driverError : undefined) as { code?: string; constraint?: string } | undefined;
  return driver?.code === '23505' && driver.constraint === constraint;
}
