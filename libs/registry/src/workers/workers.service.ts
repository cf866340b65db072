import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applyScope, AuthUser, ConflictError, ForbiddenError, maskIdNumber, NotFoundError, PiiCipher, Role, ValidationFailedError,
} from '@daogang/platform';
import { User } from '@daogang/accounts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Household } from '../households/entities/household.entity.js';
import { lockHouseholds, refreshHouseholds } from '../households/household-counts.js';
import { RegionsService } from '../regions/regions.service.js';
import { ID_NUMBER_MESSAGES, parseIdNumber } from '../values/id-number.js';
import { applyProfile } from './apply-profile.js';
import { CreateWorkerDto, UpdateWorkerDto, WorkerProfileDto } from './dto/worker-input.dto.js';
import type { WorkerDto } from './dto/worker.dto.js';
import { EmploymentStatus, StatusSource } from './employment-status.js';
import { WorkerStatusChange } from './entities/worker-status-change.entity.js';
import { Worker } from './entities/worker.entity.js';
import { WorkerMapper } from './worker.mapper.js';
import { announceWorkers } from './worker-topics.js';

/** Registering and editing workers, scoped to the caller. Every write is one transaction. */
@Injectable()
export class WorkersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly mapper: WorkerMapper,
    private readonly regions: RegionsService,
  ) {}

  /** A broker registers a worker of their county; a worker registers their own profile (userId = themselves). */
  async create(user: AuthUser, dto: CreateWorkerDto): Promise<WorkerDto> {
    const id = parseIdNumber(dto.idNumber);
    const errors = this.regionErrors(dto);
    if (typeof id === 'string') errors.unshift({ field: 'idNumber', message: ID_NUMBER_MESSAGES[id] });
    if (typeof id === 'string' || errors.length) throw new ValidationFailedError(errors);
    this.assertMayWriteCounty(user, dto.homeCountyCode);
    const source: StatusSource = user.role === Role.Worker ? 'self' : 'manual';

    return this.dataSource.transaction(async (manager) => {
      const hash = this.pii.hash('id_number', id.value);
      const existing = await manager.getRepository(Worker).findOne({ where: { idNumberHash: hash }, select: { id: true, homeCountyCode: true, userId: true, mobileHash: true } });
      if (existing && (await this.mayClaim(manager, user, existing))) {
        // A broker registered this worker first; the worker signs up with the same ID and mobile: link, don't duplicate.
        await manager.getRepository(Worker).update({ id: existing.id }, { userId: user.id });
        await announceWorkers(manager, [existing.id]);
        const claimed = await manager.getRepository(Worker).findOneByOrFail({ id: existing.id });
        return this.mapper.detail(manager, user, claimed, 'claimed own profile', await this.householdNo(manager, claimed));
      }
      if (existing) throw this.duplicate(user, existing);
      if (user.role === Role.Worker && (await manager.getRepository(Worker).existsBy({ userId: user.id }))) {
        throw new ConflictError('您已登记过个人档案，请直接修改');
      }
      const household = dto.householdNo ? await this.ensureHousehold(manager, dto.householdNo, dto, dto.registeredPoor) : null;
      await lockHouseholds(manager, [household?.id]);
      const repo = manager.getRepository(Worker);
      const worker = repo.create({
        name: dto.name,
        userId: user.role === Role.Worker ? user.id : null,
        householdId: household?.id ?? null,
        idNumberHash: hash,
        idNumberEncrypted: this.pii.encrypt(id.value),
        idNumberMasked: maskIdNumber(id.value),
        birthDate: id.birthDate,
        sex: id.sex,
        idRegionCode: id.regionCode,
        mobileHash: null, mobileEncrypted: null, mobileMasked: null, mobileVerifiedAt: null,
        homeCountyCode: dto.homeCountyCode, township: '', village: '',
        registeredPoor: false, disability: null, education: null, skills: [], skillsNote: '', certificates: [], trainings: [],
        wishCategories: [], wishProvinces: [], wishCities: [], minMonthlyWage: null,
        wantsToMove: false, wantsTraining: false, wantsBusiness: false, availableFrom: null,
        employmentStatus: dto.employmentStatus ?? EmploymentStatus.NotEmployed,
        statusChangedAt: new Date(),
        emergencyContactName: '', emergencyContactMobileEncrypted: null,
        importHash: null, source, createdBy: user.id,
      });
      applyProfile(worker, dto, this.pii);
      const saved = await repo.save(worker);
      await manager.getRepository(WorkerStatusChange).insert({
        workerId: saved.id, fromStatus: null, toStatus: saved.employmentStatus, changedBy: user.id, source, note: '登记',
      });
      await refreshHouseholds(manager, [household?.id]);
      await announceWorkers(manager, [saved.id], [household?.id]);
      return this.mapper.detail(manager, user, saved, 'registered the worker', household?.registrationNo);
    });
  }

  async get(user: AuthUser, id: string): Promise<WorkerDto> {
    return this.dataSource.transaction(async (manager) => {
      const worker = await this.scoped(manager, user).andWhere('w.id = :id', { id }).getOne();
      if (!worker) throw new NotFoundError('劳动力档案', id);
      return this.mapper.detail(manager, user, worker, 'viewed the worker profile', await this.householdNo(manager, worker));
    });
  }

  async getMine(user: AuthUser): Promise<WorkerDto> {
    return this.dataSource.transaction(async (manager) => {
      const worker = await manager.getRepository(Worker).findOneBy({ userId: user.id });
      if (!worker) throw new NotFoundError('个人档案');
      return this.mapper.detail(manager, user, worker, 'viewed own profile', await this.householdNo(manager, worker));
    });
  }

  /** Optimistic concurrency: the caller sends the version it read; a stale one is a 409, never a lost edit. */
  async update(user: AuthUser, id: string | 'mine', dto: UpdateWorkerDto): Promise<WorkerDto> {
    const errors = this.regionErrors(dto);
    if (errors.length) throw new ValidationFailedError(errors);
    return this.dataSource.transaction(async (manager) => {
      const query = id === 'mine'
        ? manager.getRepository(Worker).createQueryBuilder('w').where('w.user_id = :uid', { uid: user.id })
        : this.scoped(manager, user).andWhere('w.id = :id', { id });
      const current = await query.getOne();
      if (!current) throw new NotFoundError(id === 'mine' ? '个人档案' : '劳动力档案', id === 'mine' ? undefined : id);
      if (dto.homeCountyCode && dto.homeCountyCode !== current.homeCountyCode) this.assertMayWriteCounty(user, dto.homeCountyCode);
      const household = dto.householdNo ? await this.ensureHousehold(manager, dto.householdNo, { ...current, ...dto }, dto.registeredPoor) : undefined;
      const touched = [current.householdId, household?.id];
      await lockHouseholds(manager, touched);
      const worker = await manager.getRepository(Worker).findOne({ where: { id: current.id }, lock: { mode: 'pessimistic_write' } });
      if (!worker || worker.version !== dto.version) {
        throw new ConflictError('档案已被他人修改，请刷新后重试', { currentVersion: worker?.version });
      }
      if (dto.name !== undefined) worker.name = dto.name;
      if (household) worker.householdId = household.id;
      applyProfile(worker, dto as WorkerProfileDto, this.pii);
      const saved = await manager.getRepository(Worker).save(worker);
      await refreshHouseholds(manager, touched);
      await announceWorkers(manager, [saved.id], touched);
      return this.mapper.detail(manager, user, saved, 'edited the worker profile', await this.householdNo(manager, saved));
    });
  }

  scoped(manager: EntityManager, user: AuthUser): SelectQueryBuilder<Worker> {
    const qb = manager.getRepository(Worker).createQueryBuilder('w');
    return applyScope(qb, user, { county: 'w.home_county_code', owner: 'w.user_id' });
  }

  private async ensureHousehold(
    manager: EntityManager,
    registrationNo: string,
    where: Pick<WorkerProfileDto, 'homeCountyCode' | 'township' | 'village'>,
    registeredPoor?: boolean,
  ): Promise<Household> {
    const repo = manager.getRepository(Household);
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        registrationNo,
        countyCode: where.homeCountyCode!,
        township: where.township ?? '',
        village: where.village ?? '',
        registeredPoor: registeredPoor ?? false,
      })
      .orIgnore()
      .execute();
    const household = await repo.findOneByOrFail({ registrationNo });
    if (household.countyCode !== where.homeCountyCode) {
      throw new ValidationFailedError([{ field: 'householdNo', message: `户编号 ${registrationNo} 属于其他县，请核对` }]);
    }
    return household;
  }

  private async householdNo(manager: EntityManager, worker: Worker): Promise<string | undefined> {
    if (!worker.householdId) return undefined;
    return (await manager.getRepository(Household).findOne({ where: { id: worker.householdId }, select: { registrationNo: true } }))?.registrationNo;
  }

  private regionErrors(dto: WorkerProfileDto): Array<{ field: string; message: string }> {
    if (dto.homeCountyCode && !this.regions.isCounty(dto.homeCountyCode)) {
      return [{ field: 'homeCountyCode', message: `没有代码为 ${dto.homeCountyCode} 的县（区）` }];
    }
    return [];
  }

  private assertMayWriteCounty(user: AuthUser, countyCode: string): void {
    if ((user.role === Role.Broker || user.role === Role.Officer) && !user.countyCodes.includes(countyCode)) {
      throw new ForbiddenError('只能登记您负责的县的劳动力');
    }
    if (user.role === Role.Employer || user.role === Role.Coordinator) throw new ForbiddenError();
  }

  /** A worker may take over a record a broker made when the record's mobile is the one they signed up with. */
  private async mayClaim(manager: EntityManager, user: AuthUser, existing: Pick<Worker, 'userId' | 'mobileHash'>): Promise<boolean> {
    if (user.role !== Role.Worker || existing.userId || !existing.mobileHash) return false;
    if (await manager.getRepository(Worker).existsBy({ userId: user.id })) return false;
    const account = await manager.getRepository(User).findOne({ where: { id: user.id }, select: { id: true, mobileHash: true } });
    return account?.mobileHash === existing.mobileHash;
  }

  /** The same ID number twice: 409 pointing to the existing record when the caller may see it. */
  private duplicate(user: AuthUser, existing: Pick<Worker, 'id' | 'homeCountyCode' | 'userId'>): ConflictError {
    const visible =
      user.role === Role.Admin ||
      ((user.role === Role.Broker || user.role === Role.Officer) && user.countyCodes.includes(existing.homeCountyCode));
    return visible
      ? new ConflictError('该身份证号已登记', { existingWorkerId: existing.id })
      : new ConflictError('该身份证号已登记，请联系户籍所在县的劳务经纪人核实');
  }
}
