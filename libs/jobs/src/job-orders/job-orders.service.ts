import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuthUser, BatchLoader, beijingDay, ConflictError, ForbiddenError, hydrate, NotFoundError, Outbox, Role, ValidationFailedError,
} from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import { DataSource, EntityManager } from 'typeorm';
import { Employer } from '../employers/entities/employer.entity.js';
import { EmployersService } from '../employers/employers.service.js';
import { JOBS_TOPIC } from './job-order-topics.js';
import { CreateJobOrderDto, JobOrderFieldsDto, TransitionDto, UpdateJobOrderDto } from './dto/job-order-input.dto.js';
import type { JobOrderDto, JobOrderPageDto, JobOrderQueryDto } from './dto/job-order.dto.js';
import { JobOrder } from './entities/job-order.entity.js';
import { findDiscrimination } from './fair-requirements.js';
import { JobOrderMapper } from './job-order.mapper.js';
import { nextStatus } from './job-order-lifecycle.js';

const JOB_PAGES_SQL = `SELECT j.*, e.name AS employer_name, e.verification AS employer_verification
  FROM job_orders j JOIN employers e ON e.id = j.employer_id WHERE j.id = ANY($1::uuid[])`;
type JobPageRow = Record<string, unknown> & { id: string; employer_name: string; employer_verification: Employer['verification'] };

/** Job orders: drafting, editing (optimistic versions), the lifecycle, expiry. Every change writes an outbox row. */
@Injectable()
export class JobOrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly mapper: JobOrderMapper,
    private readonly outbox: Outbox,
  ) {}

  /** Job pages asked for in the same turn of the event loop are read with one statement (the public page is the hottest read). */
  private readonly pages = new BatchLoader<string, JobPageRow>(async (ids) => {
    const rows: JobPageRow[] = await this.dataSource.query(JOB_PAGES_SQL, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  });

  async create(user: AuthUser, dto: CreateJobOrderDto): Promise<JobOrderDto> {
    if (user.role === Role.Employer && dto.employerId !== undefined && dto.employerId !== user.employerId) {
      throw new ValidationFailedError([{ field: 'employerId', message: '只能为本企业发布招聘' }]);
    }
    const employerId = user.role === Role.Employer ? user.employerId : dto.employerId;
    if (!employerId) throw new ValidationFailedError([{ field: 'employerId', message: '请指定发布招聘的企业' }]);
    this.validate(dto, dto);
    const result = await this.dataSource.transaction(async (manager) => {
      const employer = await manager.getRepository(Employer).findOneBy({ id: employerId });
      if (!employer) throw new ValidationFailedError([{ field: 'employerId', message: '企业不存在' }]);
      const repo = manager.getRepository(JobOrder);
      const job = repo.create({
        employerId, status: 'draft', createdBy: user.id, placesFilled: 0, benefits: [], requiredSkills: [], requiredCertificates: [],
        description: '', pieceRate: false, pieceRateNote: '', workAddress: '', shift: 'day', ageMin: 18, ageMax: 55,
        trainingOffered: false, trainingNote: '', accessible: false, lng: null, lat: null,
        publishedAt: null, closedAt: null, closeReason: '', expiresOn: dto.expiresOn ?? dto.startDate,
        workCountyCode: dto.workCountyCode ?? employer.countyCode ?? undefined,
      });
      this.apply(job, dto, employer);
      if (!job.workCountyCode) throw new ValidationFailedError([{ field: 'workCountyCode', message: '请填写工作地所在县' }]);
      const saved = await repo.save(job);
      await this.outbox.record(manager, JOBS_TOPIC, [saved.id]);
      return this.mapper.toDto(saved, employer);
    });
    this.outbox.notify(JOBS_TOPIC);
    return result;
  }

  async get(user: AuthUser | undefined, id: string): Promise<JobOrderDto> {
    // Hydrated without the query builder, whose building and mapping cost more than PostgreSQL did (bench/load).
    const row = await this.pages.load(id.toLowerCase());
    const job = row ? hydrate(this.dataSource, JobOrder, row) : undefined;
    if (!job || !this.maySee(user, job)) throw new NotFoundError('招聘订单', id);
    return this.mapper.toDto(job, { name: row!.employer_name, verification: row!.employer_verification });
  }

  async list(user: AuthUser, query: JobOrderQueryDto): Promise<JobOrderPageDto> {
    const qb = this.dataSource.getRepository(JobOrder).createQueryBuilder('job').innerJoinAndSelect('job.employer', 'employer');
    if (user.role === Role.Employer) qb.andWhere('job.employer_id = :emp', { emp: user.employerId ?? '00000000-0000-0000-0000-000000000000' });
    else if (user.role !== Role.Admin) qb.andWhere("job.status <> 'draft'");
    if (query.status) qb.andWhere('job.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('job.updatedAt', 'DESC').addOrderBy('job.id', 'ASC')
      .skip((query.page - 1) * query.pageSize).take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((j) => this.mapper.toDto(j, j.employer!)), total, page: query.page, pageSize: query.pageSize };
  }

  async update(user: AuthUser, id: string, dto: UpdateJobOrderDto): Promise<JobOrderDto> {
    const result = await this.withOwnedOrder(user, id, dto.version, async (manager, job, employer) => {
      if (job.status === 'closed') throw new ConflictError('招聘订单已结束，不能修改');
      this.validate(dto, { ...job, ...dto });
      if (dto.headcount !== undefined && dto.headcount < job.placesFilled) {
        throw new ValidationFailedError([{ field: 'headcount', message: `已录用${job.placesFilled}人，招聘人数不能少于此数` }]);
      }
      this.apply(job, dto, employer);
      if (job.status === 'published') this.assertPublishable(job);
      return job;
    });
    return result;
  }

  /** publish / pause / resume / close / mark_filled — only the moves the lifecycle allows. */
  async transition(user: AuthUser, id: string, dto: TransitionDto): Promise<JobOrderDto> {
    return this.withOwnedOrder(user, id, dto.version, async (_manager, job, employer) => {
      const to = nextStatus(job.status, dto.action);
      if (to === 'published') {
        EmployersService.assertVerified(employer);
        this.assertPublishable(job);
        job.publishedAt ??= new Date();
      }
      if (to === 'closed') {
        job.closedAt = new Date();
        job.closeReason = dto.reason ?? '企业结束招聘';
      }
      job.status = to;
      return job;
    });
  }

  /** Closes published or paused orders whose expiry day has passed (Beijing time). Idempotent; returns the ids. */
  async expire(today = beijingDay()): Promise<string[]> {
    const ids = await this.dataSource.transaction(async (manager) => {
      // For UPDATE … RETURNING the driver answers [rows, affected].
      const [rows]: [Array<{ id: string }>, number] = await manager.query(
        `UPDATE job_orders SET status = 'closed', closed_at = now(), close_reason = '到期自动结束', version = version + 1, updated_at = now()
          WHERE status IN ('published', 'paused') AND expires_on < $1::date RETURNING id`,
        [today],
      );
      const changed = rows.map((r) => r.id);
      await this.outbox.record(manager, JOBS_TOPIC, changed);
      return changed;
    });
    if (ids.length) this.outbox.notify(JOBS_TOPIC);
    return ids;
  }

  private async withOwnedOrder(
    user: AuthUser,
    id: string,
    version: number,
    change: (manager: EntityManager, job: JobOrder, employer: Employer) => Promise<JobOrder>,
  ): Promise<JobOrderDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const job = await manager.getRepository(JobOrder).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!job || (user.role === Role.Employer && job.employerId !== user.employerId)) throw new NotFoundError('招聘订单', id);
      if (user.role !== Role.Employer && user.role !== Role.Admin) throw new ForbiddenError();
      if (job.version !== version) throw new ConflictError('招聘订单已被他人修改，请刷新后重试', { currentVersion: job.version });
      const employer = await manager.getRepository(Employer).findOneByOrFail({ id: job.employerId });
      const saved = await manager.getRepository(JobOrder).save(await change(manager, job, employer));
      await this.outbox.record(manager, JOBS_TOPIC, [saved.id]);
      return this.mapper.toDto(saved, employer);
    });
    this.outbox.notify(JOBS_TOPIC);
    return result;
  }

  private maySee(user: AuthUser | undefined, job: JobOrder): boolean {
    if (user?.role === Role.Admin) return true;
    if (user?.role === Role.Employer) return job.employerId === user.employerId;
    // Drafts belong to their employer; every other state is public (applications and history refer to it).
    return job.status !== 'draft';
  }

  private validate(dto: JobOrderFieldsDto, merged: Partial<JobOrder>): void {
    const errors = findDiscrimination({
      title: dto.title, description: dto.description, pieceRateNote: dto.pieceRateNote, trainingNote: dto.trainingNote,
      requiredCertificates: dto.requiredCertificates,
    });
    if (dto.workCountyCode !== undefined && !this.regions.isCounty(dto.workCountyCode)) {
      errors.push({ field: 'workCountyCode', message: `没有代码为 ${dto.workCountyCode} 的县（区）` });
    }
    if (merged.wageMin !== undefined && merged.wageMax !== undefined && merged.wageMin > merged.wageMax) {
      errors.push({ field: 'wageMax', message: '月薪上限不能低于下限' });
    }
    if (merged.ageMin !== undefined && merged.ageMax !== undefined && merged.ageMin > merged.ageMax) {
      errors.push({ field: 'ageMax', message: '最高年龄不能低于最低年龄' });
    }
    if (merged.startDate && merged.expiresOn && merged.expiresOn > merged.startDate) {
      errors.push({ field: 'expiresOn', message: '招聘截止日期不能晚于到岗日期' });
    }
    if ((dto.lng === undefined) !== (dto.lat === undefined)) errors.push({ field: 'lat', message: '经纬度需同时填写' });
    if (errors.length) throw new ValidationFailedError(errors);
  }

  private assertPublishable(job: JobOrder): void {
    const today = beijingDay();
    const errors = [];
    if (job.startDate < today) errors.push({ field: 'startDate', message: '到岗日期已过，请修改后再发布' });
    if (job.expiresOn < today) errors.push({ field: 'expiresOn', message: '招聘截止日期已过，请修改后再发布' });
    if (job.placesFilled >= job.headcount) errors.push({ field: 'headcount', message: '名额已满，增加招聘人数后才能继续发布' });
    if (errors.length) throw new ValidationFailedError(errors, '还不能发布：请补全或修改标出的字段');
  }

  private apply(job: JobOrder, dto: JobOrderFieldsDto, employer: Employer): void {
    const fields = [
      'title', 'description', 'category', 'headcount', 'wageMin', 'wageMax', 'pieceRate', 'pieceRateNote', 'benefits',
      'workCountyCode', 'workAddress', 'shift', 'startDate', 'expiresOn', 'ageMin', 'ageMax', 'requiredSkills',
      'requiredCertificates', 'trainingOffered', 'trainingNote', 'accessible',
    ] as const;
    for (const field of fields) if (dto[field] !== undefined) (job as unknown as Record<string, unknown>)[field] = dto[field];
    if (dto.benefits) job.benefits = [...new Set(dto.benefits)];
    if (dto.lng !== undefined && dto.lat !== undefined) [job.lng, job.lat] = [dto.lng, dto.lat];
    else if (dto.workCountyCode !== undefined || job.lng === null) {
      // The employer's own point when it works in that county, else the county's centre.
      const own = employer.countyCode === job.workCountyCode && employer.lng !== null ? ([employer.lng, employer.lat] as [number, number]) : undefined;
      const centre = own ?? this.regions.get(job.workCountyCode)?.centre;
      if (centre) [job.lng, job.lat] = [centre[0], centre[1]];
    }
  }
}

