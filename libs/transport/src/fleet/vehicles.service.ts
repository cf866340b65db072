import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, ConflictError, FieldError, maskMobile, NotFoundError, PiiCipher, ValidationFailedError } from '@daogang/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Vehicle } from '../entities/vehicle.entity.js';
import { CreateVehicleDto, UpdateVehicleDto, VehicleDto, VehiclePageDto, VehicleQueryDto } from './dto/vehicle.dto.js';
import { plateOrTrainNoProblem, seatsProblem } from './vehicle-rules.js';
import { VehicleMapper } from './vehicle.mapper.js';
import { refuseNulls } from './refuse-nulls.js';

const LABELS: Record<string, string> = {
  kind: '车辆类型', seats: '座位数', operator: '承运单位', plateOrTrainNo: '车牌号或车次', driverName: '司机姓名', costPerKmFen: '每公里费用', active: '启用状态',
};

/** 包车与专列: the chartered buses, train cars and special trains a coordinator can put on trips. */
@Injectable()
export class VehiclesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly mapper: VehicleMapper,
  ) {}

  async list(user: AuthUser, query: VehicleQueryDto): Promise<VehiclePageDto> {
    const qb = this.dataSource.getRepository(Vehicle).createQueryBuilder('v');
    if (query.kind) qb.andWhere('v.kind = :kind', { kind: query.kind });
    if (query.active !== undefined) qb.andWhere('v.active = :active', { active: query.active });
    const [rows, total] = await qb
      .orderBy('v.active', 'DESC')
      .addOrderBy('v.kind', 'ASC')
      .addOrderBy('v.seats', 'DESC')
      .addOrderBy('v.operator', 'ASC')
      .addOrderBy('v.plateOrTrainNo', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((v) => this.mapper.toDto(user, v)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<VehicleDto> {
    return this.mapper.toDto(user, await this.require(this.dataSource.manager, id));
  }

  async create(user: AuthUser, dto: CreateVehicleDto): Promise<VehicleDto> {
    refuseNulls(dto, LABELS, ['driverMobile']);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Vehicle);
      const vehicle = repo.create({ driverName: '', driverMobileEncrypted: null, driverMobileMasked: null, costPerKmFen: 0, active: true });
      this.apply(vehicle, dto);
      this.validate(vehicle);
      await this.assertPlateFree(manager, vehicle);
      return this.mapper.toDto(user, await repo.save(vehicle));
    });
  }

  /** Partial change; kind, seats and number are checked together as they end up. `active: false` retires a vehicle. */
  async update(user: AuthUser, id: string, dto: UpdateVehicleDto): Promise<VehicleDto> {
    refuseNulls(dto, LABELS, ['driverMobile']);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Vehicle);
      const vehicle = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!vehicle) throw new NotFoundError('车辆', id);
      this.apply(vehicle, dto);
      if (dto.active !== undefined) vehicle.active = dto.active;
      this.validate(vehicle);
      await this.assertPlateFree(manager, vehicle);
      return this.mapper.toDto(user, await repo.save(vehicle));
    });
  }

  /** For trips and the planner: the vehicle row, or a NotFoundError. */
  async require(manager: EntityManager, id: string): Promise<Vehicle> {
    const vehicle = await manager.getRepository(Vehicle).findOneBy({ id });
    if (!vehicle) throw new NotFoundError('车辆', id);
    return vehicle;
  }

  private apply(vehicle: Vehicle, dto: UpdateVehicleDto): void {
    if (dto.kind !== undefined) vehicle.kind = dto.kind;
    if (dto.seats !== undefined) vehicle.seats = dto.seats;
    if (dto.operator !== undefined) vehicle.operator = dto.operator;
    if (dto.plateOrTrainNo !== undefined) vehicle.plateOrTrainNo = dto.plateOrTrainNo;
    if (dto.driverName !== undefined) vehicle.driverName = dto.driverName;
    if (dto.driverMobile !== undefined) {
      vehicle.driverMobileEncrypted = dto.driverMobile === null ? null : this.pii.encrypt(dto.driverMobile);
      vehicle.driverMobileMasked = dto.driverMobile === null ? null : maskMobile(dto.driverMobile);
    }
    if (dto.costPerKmFen !== undefined) vehicle.costPerKmFen = dto.costPerKmFen;
  }

  /** Rules across fields, on the vehicle as it will be saved (a kind changed alone re-checks the seats and number it keeps). */
  private validate(vehicle: Vehicle): void {
    const errors: FieldError[] = [];
    const seats = seatsProblem(vehicle.kind, vehicle.seats);
    if (seats) errors.push({ field: 'seats', message: seats });
    const number = plateOrTrainNoProblem(vehicle.kind, vehicle.plateOrTrainNo);
    if (number) errors.push({ field: 'plateOrTrainNo', message: number });
    if (errors.length) throw new ValidationFailedError(errors);
  }

  /** A bus plate is one vehicle: two active buses cannot share it (cars of one train share the train number). */
  private async assertPlateFree(manager: EntityManager, vehicle: Vehicle): Promise<void> {
    if (vehicle.kind !== 'bus' || !vehicle.active) return;
    const qb = manager.getRepository(Vehicle).createQueryBuilder('v')
      .where('v.kind = :kind AND v.active AND v.plateOrTrainNo = :no', { kind: 'bus', no: vehicle.plateOrTrainNo });
    if (vehicle.id) qb.andWhere('v.id <> :id', { id: vehicle.id });
    const other = await qb.getOne();
    if (other) throw new ConflictError(`车牌号 ${vehicle.plateOrTrainNo} 已登记`, { field: 'plateOrTrainNo', id: other.id });
  }
}
