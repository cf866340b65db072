import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applyScope, AuthUser, beijingDay, ConflictError, NotFoundError, Role, ValidationFailedError,
} from '@daogang/platform';
import { JOB_ORDER_STATUS_ZH, JobOrder } from '@daogang/jobs';
import { NotificationsService } from '@daogang/notifications';
import { ageOn, Worker } from '@daogang/registry';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ApplicationMapper, LoadedApplication } from './application.mapper.js';
import { ApplicationMovesService, draftApplication, Moved } from './application-moves.service.js';
import { APPLICATION_STATUSES } from './application-status.js';
import type { ApplicationStatus } from './application-status.js';
import type { ApplicationQueryDto, ApplicationTransitionDto, CreateApplicationDto } from './dto/application-input.dto.js';
import type { ApplicationDto, ApplicationPageDto } from './dto/application.dto.js';
import { Application } from './entities/application.entity.js';
import { ApplicationEvent } from './entities/application-event.entity.js';
import { SubsidyClaim } from './entities/subsidy-claim.entity.js';
import { JobNotOpenError } from './matching.errors.js';

/** Applications: apply (self, for a worker, or an employer's invitation), read within one's scope, move. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moves: ApplicationMovesService,
    private readonly mapper: ApplicationMapper,
    private readonly notifications: NotificationsService,
  ) {}

  async create(user: AuthUser, dto: CreateApplicationDto): Promise<ApplicationDto> {
    if (user.role !== Role.Worker && !dto.workerId) throw new ValidationFailedError([{ field: 'workerId', message: '请选择劳动力' }]);
    const actsForWorker = user.role === Role.Broker || user.role === Role.Admin;
    if (actsForWorker && !dto.consent) throw new ValidationFailedError([{ field: 'consent', message: '代为报名须记录本人同意的方式' }]);
    if (!actsForWorker && dto.consent) {
      throw new ValidationFailedError([{ field: 'consent', message: '只有经纪人代为报名时才记录本人同意；本人报名或企业邀请不填' }]);
    }
    return this.commit(async (manager) => {
      const job = await manager.getRepository(JobOrder).findOne({ where: { id: dto.jobOrderId }, relations: { employer: true } });
      if (!job || job.status === 'draft' || (user.role === Role.Employer && job.employerId !== user.employerId)) {
        throw new NotFoundError('招聘订单', dto.jobOrderId);
      }
      if (job.status !== 'published') throw new JobNotOpenError(JOB_ORDER_STATUS_ZH[job.status]);
      const worker = await this.workerFor(manager, user, dto.workerId);
      assertAgeFits(worker, job);
      const a = draftApplication(manager, job as LoadedApplication['jobOrder'], worker);
      const invited = user.role === Role.Employer;
      return this.moves.open(manager, user, a, {
        status: invited ? 'offered' : 'applied',
        channel: user.role === Role.Worker ? 'worker' : invited ? 'employer' : 'broker',
        consent: dto.consent,
      });
    }, user);
  }

  async list(user: AuthUser, query: ApplicationQueryDto): Promise<ApplicationPageDto> {
    const qb = this.scoped(this.dataSource.manager, user);
    if (query.jobOrderId) qb.andWhere('a.job_order_id = :job', { job: query.jobOrderId });
    if (query.workerId) qb.andWhere('a.worker_id = :worker', { worker: query.workerId });
    if (query.status?.length) qb.andWhere('a.status IN (:...statuses)', { statuses: query.status });
    const [rows, total] = await qb
      .orderBy('a.updatedAt', 'DESC').addOrderBy('a.id', 'ASC')
      .skip((query.page - 1) * query.pageSize).take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((a) => this.mapper.toDto(user, a as LoadedApplication)), total, page: query.page, pageSize: query.pageSize };
  }

  /** How many applications of an order are in each state: the pipeline board's columns. */
  async summary(user: AuthUser, jobOrderId: string): Promise<Record<ApplicationStatus, number>> {
    const rows: Array<{ status: ApplicationStatus; n: string }> = await this.scoped(this.dataSource.manager, user)
      .andWhere('a.job_order_id = :job', { job: jobOrderId })
      .select('a.status', 'status').addSelect('count(*)', 'n').groupBy('a.status')
      .getRawMany();
    const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  async get(user: AuthUser, id: string): Promise<ApplicationDto> {
    const a = await this.scoped(this.dataSource.manager, user).andWhere('a.id = :id', { id }).getOne();
    if (!a) throw new NotFoundError('报名', id);
    const [events, subsidies] = await Promise.all([
      this.dataSource.getRepository(ApplicationEvent).find({ where: { applicationId: id }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(SubsidyClaim).find({ where: { applicationId: id }, order: { claimedAt: 'ASC' } }),
    ]);
    return this.mapper.toDto(user, a as LoadedApplication, { events, subsidies });
  }

  async transition(user: AuthUser, id: string, dto: ApplicationTransitionDto): Promise<ApplicationDto> {
    return this.commit(async (manager) => this.moves.move(manager, user, await this.lockVisible(manager, user, id), dto), user);
  }

  /** The application, locked for the move, if the user may see it (404 otherwise: no probing of others' data). */
  async lockVisible(manager: EntityManager, user: AuthUser, id: string): Promise<LoadedApplication> {
    const locked = await manager.getRepository(Application).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    const a = locked && (await this.scoped(manager, user).andWhere('a.id = :id', { id }).getOne());
    if (!a) throw new NotFoundError('报名', id);
    return a as LoadedApplication;
  }

  /** Applications the user may see, with the order, its employer and the worker joined. */
  scoped(manager: EntityManager, user: AuthUser): SelectQueryBuilder<Application> {
    const qb = manager.getRepository(Application).createQueryBuilder('a')
      .innerJoinAndSelect('a.jobOrder', 'job')
      .innerJoinAndSelect('job.employer', 'employer')
      .innerJoinAndSelect('a.worker', 'w');
    return applyScope(qb, user, { employer: 'a.employer_id', county: 'a.worker_county_code', owner: 'w.user_id' });
  }

  /** Runs a move in one transaction, then hands its SMS to the queue once the transaction has committed. */
  async commit(work: (manager: EntityManager) => Promise<Moved>, user: AuthUser): Promise<ApplicationDto> {
    const application = await this.commitItem(async (manager) => {
      const moved = await work(manager);
      return { moved, item: moved.application };
    });
    return this.mapper.toDto(user, application);
  }

  /**
   * The same for any unit of work that may have moved an application (batch offers report an item per worker). With
   * `smsIds` the SMS are collected for the caller to dispatch once, after all its units.
   */
  async commitItem<T>(work: (manager: EntityManager) => Promise<{ moved?: Moved; item: T }>, smsIds?: string[]): Promise<T> {
    let recorded: string[] = [];
    const item = await this.dataSource.transaction(async (manager) => {
      const result = await work(manager);
      const notice = result.moved?.notice;
      recorded = notice ? await this.notifications.record(manager, [notice]) : [];
      return result.item;
    });
    if (smsIds) smsIds.push(...recorded);
    else await this.dispatch(recorded);
    return item;
  }

  /** Hands committed SMS to the notifications queue. */
  dispatch(smsIds: string[]): Promise<void> {
    return this.notifications.dispatch(smsIds);
  }

  private async workerFor(manager: EntityManager, user: AuthUser, workerId?: string): Promise<Worker> {
    const repo = manager.getRepository(Worker);
    if (user.role === Role.Worker) {
      const own = await repo.findOneBy({ userId: user.id });
      if (!own) throw new ConflictError('还没有您的劳动力档案，请先完善个人信息再报名', { reason: 'NO_PROFILE' });
      return own;
    }
    const worker = await repo.findOneBy({ id: workerId! });
    const inScope = worker && (user.role !== Role.Broker && user.role !== Role.Officer ? true : user.countyCodes.includes(worker.homeCountyCode));
    if (!worker || !inScope) throw new NotFoundError('劳动力档案', workerId);
    return worker;
  }
}

/** The order's age range (and the legal minimum of 16) at its start date; said plainly rather than silently filtered. */
export function assertAgeFits(worker: Pick<Worker, 'birthDate'>, job: Pick<JobOrder, 'ageMin' | 'ageMax' | 'startDate'>): void {
  const at = job.startDate > beijingDay() ? job.startDate : beijingDay();
  const age = ageOn(new Date(worker.birthDate), new Date(at));
  if (age < 16) throw new ConflictError('未满16周岁，不能报名', { reason: 'UNDER_AGE' });
  if (age < job.ageMin || age > job.ageMax) {
    throw new ConflictError(`年龄${age}岁，不符合该岗位${job.ageMin}–${job.ageMax}周岁的要求`, { reason: 'AGE_OUT_OF_RANGE' });
  }
}
