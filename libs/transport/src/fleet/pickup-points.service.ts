import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyScope, AuthUser, ConflictError, FieldError, NotFoundError, ValidationFailedError } from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { PickupPoint } from '../entities/pickup-point.entity.js';
import {
  CreatePickupPointDto, PickupPointDto, PickupPointPageDto, PickupPointQueryDto, UpdatePickupPointDto,
} from './dto/pickup-point.dto.js';
import { PICKUP_POINT_KIND_ZH } from './fleet-names.js';
import { refuseNulls } from './refuse-nulls.js';
import { choosePickupPoint, homeKey } from './pickup-point-choice.js';

const LABELS: Record<string, string> = {
  countyCode: '县代码', township: '乡镇', name: '上车点名称', kind: '上车点类型', lng: '经度', lat: '纬度', address: '地址', active: '启用状态',
};

/** 上车点: county bus stations, township points and railway stations; brokers and officers see their counties'. */
@Injectable()
export class PickupPointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async list(user: AuthUser, query: PickupPointQueryDto): Promise<PickupPointPageDto> {
    const qb = this.scoped(this.dataSource.manager, user);
    if (query.countyCode) qb.andWhere('p.countyCode = :county', { county: query.countyCode });
    if (query.township !== undefined) qb.andWhere('p.township = :township', { township: query.township });
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.active !== undefined) qb.andWhere('p.active = :active', { active: query.active });
    const [rows, total] = await qb
      .orderBy('p.active', 'DESC')
      .addOrderBy('p.countyCode', 'ASC')
      .addOrderBy('p.kind', 'ASC')
      .addOrderBy('p.township', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((p) => this.toDto(p)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<PickupPointDto> {
    const point = await this.scoped(this.dataSource.manager, user).andWhere('p.id = :id', { id }).getOne();
    // Out of scope reads as absent.
    if (!point) throw new NotFoundError('上车点', id);
    return this.toDto(point);
  }

  async create(dto: CreatePickupPointDto): Promise<PickupPointDto> {
    refuseNulls(dto, LABELS);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(PickupPoint);
      const point = repo.create({ township: '', address: '', active: true });
      this.apply(point, dto);
      this.validate(point, dto);
      await this.assertNameFree(manager, point);
      return this.toDto(await repo.save(point));
    });
  }

  /** Partial change; `active: false` retires a point (trips already planned keep referring to it). */
  async update(id: string, dto: UpdatePickupPointDto): Promise<PickupPointDto> {
    refuseNulls(dto, LABELS);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(PickupPoint);
      const point = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!point) throw new NotFoundError('上车点', id);
      this.apply(point, dto);
      if (dto.active !== undefined) point.active = dto.active;
      this.validate(point, dto);
      await this.assertNameFree(manager, point);
      return this.toDto(await repo.save(point));
    });
  }

  /**
   * Where a worker of this county and township boards: the active township point of the township, else the county
   * bus station, else any active point of the county, else null.
   */
  async pointFor(countyCode: string, township: string, manager: EntityManager = this.dataSource.manager): Promise<PickupPoint | null> {
    const points = await manager.getRepository(PickupPoint).findBy({ countyCode, active: true });
    return choosePickupPoint(points, township);
  }

  /** `pointFor` for many homes in one query (the planner's placed workers): answers keyed by `homeKey(county, township)`. */
  async pointsFor(
    homes: Array<{ countyCode: string; township: string }>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PickupPoint | null>> {
    const counties = [...new Set(homes.map((h) => h.countyCode))];
    const points = counties.length ? await manager.getRepository(PickupPoint).findBy({ countyCode: In(counties), active: true }) : [];
    const byCounty = new Map<string, PickupPoint[]>();
    for (const p of points) byCounty.set(p.countyCode, [...(byCounty.get(p.countyCode) ?? []), p]);
    const out = new Map<string, PickupPoint | null>();
    for (const h of homes) {
      const key = homeKey(h.countyCode, h.township);
      if (!out.has(key)) out.set(key, choosePickupPoint(byCounty.get(h.countyCode) ?? [], h.township));
    }
    return out;
  }

  /** For trips: the point row, or a NotFoundError. */
  async require(manager: EntityManager, id: string): Promise<PickupPoint> {
    const point = await manager.getRepository(PickupPoint).findOneBy({ id });
    if (!point) throw new NotFoundError('上车点', id);
    return point;
  }

  private scoped(manager: EntityManager, user: AuthUser): SelectQueryBuilder<PickupPoint> {
    return applyScope(manager.getRepository(PickupPoint).createQueryBuilder('p'), user, { county: 'p.countyCode' });
  }

  private apply(point: PickupPoint, dto: UpdatePickupPointDto): void {
    if (dto.countyCode !== undefined) point.countyCode = dto.countyCode;
    if (dto.township !== undefined) point.township = dto.township;
    if (dto.name !== undefined) point.name = dto.name;
    if (dto.kind !== undefined) point.kind = dto.kind;
    if (dto.lng !== undefined) point.lng = dto.lng;
    if (dto.lat !== undefined) point.lat = dto.lat;
    if (dto.address !== undefined) point.address = dto.address;
  }

  private validate(point: PickupPoint, dto: UpdatePickupPointDto): void {
    const errors: FieldError[] = [];
    if (dto.countyCode !== undefined && !this.regions.isCounty(dto.countyCode)) {
      const region = this.regions.get(dto.countyCode);
      errors.push({
        field: 'countyCode',
        message: region ? `${region.name}不是县级行政区，请填写县（区）代码` : `没有代码为 ${dto.countyCode} 的县（区）`,
      });
    }
    if (point.kind === 'township_point' && !point.township) {
      errors.push({ field: 'township', message: '乡镇上车点须填写所服务的乡镇' });
    }
    if (errors.length) throw new ValidationFailedError(errors);
  }

  private async assertNameFree(manager: EntityManager, point: PickupPoint): Promise<void> {
    if (!point.active) return;
    const qb = manager.getRepository(PickupPoint).createQueryBuilder('p')
      .where('p.countyCode = :county AND p.name = :name AND p.active', { county: point.countyCode, name: point.name });
    if (point.id) qb.andWhere('p.id <> :id', { id: point.id });
    const other = await qb.getOne();
    if (other) throw new ConflictError(`本县已有名为「${point.name}」的上车点`, { field: 'name', id: other.id });
  }

  private toDto(p: PickupPoint): PickupPointDto {
    return {
      id: p.id,
      countyCode: p.countyCode,
      countyName: this.regions.fullName(p.countyCode),
      township: p.township,
      name: p.name,
      kind: p.kind,
      kindName: PICKUP_POINT_KIND_ZH[p.kind],
      lng: p.lng,
      lat: p.lat,
      address: p.address,
      active: p.active,
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}
