import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyScope, AuthUser, ConflictError, NotFoundError } from '@daogang/platform';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Worker } from '../workers/entities/worker.entity.js';
import { WorkerMapper } from '../workers/worker.mapper.js';
import {
  AddIncomeDto, HouseholdDetailDto, HouseholdDto, HouseholdPageDto, HouseholdQueryDto, IncomeDto, UpdateHouseholdDto,
} from './dto/household.dto.js';
import { HouseholdIncome } from './entities/household-income.entity.js';
import { Household } from './entities/household.entity.js';

/** 一户一档: households with their members, plan and incomes; the zero-employment list. Scoped by county. */
@Injectable()
export class HouseholdsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mapper: WorkerMapper,
  ) {}

  async list(user: AuthUser, q: HouseholdQueryDto): Promise<HouseholdPageDto> {
    const qb = this.scoped(this.dataSource.manager, user);
    if (q.zeroEmployment !== undefined) qb.andWhere('h.zero_employment = :zero', { zero: q.zeroEmployment });
    if (q.registeredPoor !== undefined) qb.andWhere('h.registered_poor = :poor', { poor: q.registeredPoor });
    if (q.county) qb.andWhere('h.county_code = :county', { county: q.county });
    if (q.township) qb.andWhere('h.township = :township', { township: q.township });
    if (q.village) qb.andWhere('h.village = :village', { village: q.village });
    const [rows, total] = await qb
      .orderBy('h.countyCode').addOrderBy('h.township').addOrderBy('h.village').addOrderBy('h.registrationNo')
      .skip((q.page - 1) * q.pageSize).take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<HouseholdDetailDto> {
    const household = await this.scoped(this.dataSource.manager, user).andWhere('h.id = :id', { id }).getOne();
    if (!household) throw new NotFoundError('家庭户', id);
    const members = await this.dataSource.getRepository(Worker).find({ where: { householdId: id }, order: { birthDate: 'ASC' } });
    const incomes = await this.dataSource.getRepository(HouseholdIncome).find({ where: { householdId: id }, order: { year: 'DESC', id: 'ASC' } });
    return {
      ...toDto(household),
      members: members.map((m) => this.mapper.summary(m)),
      incomes: incomes.map((i): IncomeDto => ({ year: i.year, kind: i.kind, amountYuan: i.amountYuan, note: i.note })),
    };
  }

  async update(user: AuthUser, id: string, dto: UpdateHouseholdDto): Promise<HouseholdDto> {
    return this.dataSource.transaction(async (manager) => {
      const visible = await this.scoped(manager, user).andWhere('h.id = :id', { id }).getOne();
      if (!visible) throw new NotFoundError('家庭户', id);
      const household = await manager.getRepository(Household).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (household.version !== dto.version) throw new ConflictError('该户信息已被他人修改，请刷新后重试', { currentVersion: household.version });
      if (dto.headName !== undefined) household.headName = dto.headName;
      if (dto.registeredPoor !== undefined) household.registeredPoor = dto.registeredPoor;
      if (dto.plan !== undefined) household.plan = dto.plan;
      return toDto(await manager.getRepository(Household).save(household));
    });
  }

  async addIncome(user: AuthUser, id: string, dto: AddIncomeDto): Promise<IncomeDto> {
    const visible = await this.scoped(this.dataSource.manager, user).andWhere('h.id = :id', { id }).getOne();
    if (!visible) throw new NotFoundError('家庭户', id);
    const row = await this.dataSource.getRepository(HouseholdIncome).save({
      householdId: id, year: dto.year, kind: dto.kind, amountYuan: dto.amountYuan, note: dto.note ?? '', recordedBy: user.id,
    });
    return { year: row.year, kind: row.kind, amountYuan: row.amountYuan, note: row.note };
  }

  private scoped(manager: EntityManager, user: AuthUser): SelectQueryBuilder<Household> {
    return applyScope(manager.getRepository(Household).createQueryBuilder('h'), user, { county: 'h.county_code' });
  }
}

function toDto(h: Household): HouseholdDto {
  return {
    id: h.id, version: h.version, registrationNo: h.registrationNo, countyCode: h.countyCode, township: h.township,
    village: h.village, headName: h.headName, registeredPoor: h.registeredPoor, zeroEmployment: h.zeroEmployment,
    labourerCount: h.labourerCount, employedCount: h.employedCount, plan: h.plan,
  };
}
