import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsDay } from '@daogang/platform';
import type { RiderStatus } from '../../entities/trip-rider.entity.js';
import type { TripStatus } from '../../entities/trip.entity.js';
import type { VehicleKind } from '../../entities/vehicle.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class TripQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '计划编号无效' }) planId?: string;
  @ApiPropertyOptional({ example: '2027-02-25' }) @IsOptional() @IsDay() startFrom?: string;
  @ApiPropertyOptional({ example: '2027-03-05' }) @IsOptional() @IsDay() startTo?: string;
}

export class MoveRiderDto {
  @ApiProperty({ description: '移到哪一车次' }) @IsUUID('all', { message: '车次编号无效' }) toTripId: string;
}

export class LockTripDto {
  @ApiProperty() @IsBoolean({ message: '必须是 true 或 false' }) locked: boolean;
}

export class RescheduleTripDto {
  @ApiProperty({ example: '2027-02-26T22:00:00+08:00', description: '新的发车时间（含时区）' })
  @IsISO8601({ strict: true }, { message: '发车时间格式应为 2027-02-26T22:00:00+08:00' })
  departureAt: string;
}

export class AssignVehicleDto {
  @ApiProperty() @IsUUID('all', { message: '车辆编号无效' }) vehicleId: string;
}

export class CancelTripDto {
  @ApiProperty({ example: '包车公司临时调度不出车' })
  @Transform(trim) @IsString({ message: '请填写取消原因' }) @MinLength(1, { message: '请填写取消原因' }) @MaxLength(200, { message: '原因不超过200字' })
  reason: string;
}

export const CHECK_IN_STATUSES = ['boarded', 'no_show'] as const;
export class CheckInDto {
  @ApiProperty() @IsUUID('all', { message: '乘车人编号无效' }) riderId: string;
  @ApiProperty({ enum: CHECK_IN_STATUSES, description: 'boarded 已上车 / no_show 未到' })
  @IsIn(CHECK_IN_STATUSES, { message: '状态无效，可选：boarded（已上车）、no_show（未到）' })
  status: 'boarded' | 'no_show';
}

export class TripStopDto {
  @ApiProperty() id: string;
  @ApiProperty() seq: number;
  @ApiProperty() kind: 'pickup' | 'destination';
  @ApiProperty() name: string;
  @ApiProperty() eta: string;
  @ApiProperty() riders: number;
}

export class TripRiderDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() workerId: string;
  @ApiProperty() name: string;
  @ApiProperty() homeCounty: string;
  @ApiProperty() seat: number;
  @ApiProperty() stopId: string;
  @ApiProperty() stopName: string;
  @ApiProperty({ enum: ['assigned', 'boarded', 'no_show', 'arrived'] }) status: RiderStatus;
}

export class TripDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional() planId?: string;
  @ApiProperty() code: string;
  @ApiProperty() status: TripStatus;
  @ApiProperty() statusZh: string;
  @ApiProperty() locked: boolean;
  @ApiProperty() vehicleKind: VehicleKind;
  @ApiProperty() seats: number;
  @ApiPropertyOptional({ description: '车牌或车次' }) vehicle?: string;
  @ApiProperty() employerId: string;
  @ApiProperty({ description: '用工单位' }) employerName: string;
  @ApiProperty() destinationName: string;
  @ApiProperty() startDate: string;
  @ApiProperty() departureAt: string;
  @ApiProperty() arrivalAt: string;
  @ApiProperty() km: number;
  @ApiProperty() riderCount: number;
  @ApiProperty({ type: [TripStopDto] }) stops: TripStopDto[];
  @ApiPropertyOptional({ type: [TripRiderDto] }) riders?: TripRiderDto[];
  @ApiProperty() version: number;
}

export class MyTripDto {
  @ApiProperty() tripId: string;
  @ApiProperty() code: string;
  @ApiProperty() status: TripStatus;
  @ApiProperty() statusZh: string;
  @ApiProperty() destinationName: string;
  @ApiProperty() pickup: string;
  @ApiProperty({ description: '上车点地址' }) pickupAddress: string;
  @ApiProperty() pickupAt: string;
  @ApiProperty() seat: number;
  @ApiProperty() riderStatus: RiderStatus;
  @ApiPropertyOptional() vehicle?: string;
  @ApiProperty() coordinatorName: string;
  @ApiProperty() coordinatorPhone: string;
  @ApiProperty() arrivalAt: string;
}
