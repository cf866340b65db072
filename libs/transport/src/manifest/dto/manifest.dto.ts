import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RiderStatus } from '../../entities/trip-rider.entity.js';
import { TRIP_STATUSES } from '../../entities/trip.entity.js';
import type { TripStatus } from '../../entities/trip.entity.js';
import type { VehicleKind } from '../../entities/vehicle.entity.js';
import { VehicleDto } from '../../fleet/dto/vehicle.dto.js';
import { RIDER_STATUSES } from '../../statuses.js';

export class ManifestStopDto {
  @ApiProperty({ example: 1 }) seq: number;
  @ApiProperty({ enum: ['pickup', 'destination'] }) kind: 'pickup' | 'destination';
  @ApiProperty({ example: '和政县汽车站' }) name: string;
  @ApiProperty({ description: '预计到达该站的时间（ISO）' }) eta: string;
  @ApiProperty({ description: '在本站上车的人数（本名单可见范围内）' }) riders: number;
}

export class ManifestRiderDto {
  @ApiProperty({ example: 1 }) seat: number;
  @ApiProperty() workerId: string;
  @ApiProperty({ example: '马小军' }) name: string;
  @ApiProperty({ description: '乘车名单上始终脱敏', example: '622925********1234' }) idNumber: string;
  @ApiPropertyOptional({ description: '输转协调员和管理员看到完整号码（记入访问审计），其他角色脱敏', example: '139****0001' }) mobile?: string;
  @ApiProperty({ example: '和政县汽车站' }) pickupStopName: string;
  @ApiProperty({ description: '预计上车时间（ISO）' }) pickupEta: string;
  @ApiProperty({ example: '马建华' }) emergencyContactName: string;
  @ApiPropertyOptional({ example: '139****0002' }) emergencyContactMobile?: string;
  @ApiProperty({ enum: RIDER_STATUSES }) status: RiderStatus;
  @ApiProperty({ example: '已分配座位' }) statusName: string;
}

/** 乘车名单: one trip's roster in seat order, with its vehicle and stops. */
export class ManifestDto {
  @ApiProperty() tripId: string;
  @ApiProperty({ example: '20270228-厦门-03' }) code: string;
  @ApiProperty({ enum: TRIP_STATUSES }) status: TripStatus;
  @ApiProperty({ example: '已确认' }) statusName: string;
  @ApiProperty({ enum: ['bus', 'train_car', 'special_train'] }) vehicleKind: VehicleKind;
  @ApiProperty({ example: '大巴' }) vehicleKindName: string;
  @ApiProperty({ example: 53 }) seats: number;
  @ApiPropertyOptional({ type: VehicleDto, description: '已指派的车辆；司机电话仅协调员和管理员可见完整号码' }) vehicle?: VehicleDto;
  @ApiProperty({ example: '厦门集美宏泰电子有限公司' }) employerName: string;
  @ApiProperty() destinationName: string;
  @ApiProperty({ example: '2027-03-01' }) startDate: string;
  @ApiProperty() departureAt: string;
  @ApiProperty() arrivalAt: string;
  @ApiProperty() km: number;
  @ApiProperty({ type: [ManifestStopDto] }) stops: ManifestStopDto[];
  @ApiProperty({ type: [ManifestRiderDto] }) riders: ManifestRiderDto[];
  @ApiProperty({ description: '手机号是否为完整值（已写入访问审计）' }) unmasked: boolean;
}
