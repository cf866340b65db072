import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsMobile, QueryBoolean } from '@daogang/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { VEHICLE_KINDS } from '../../entities/vehicle.entity.js';
import type { VehicleKind } from '../../entities/vehicle.entity.js';
import { normalisePlateOrTrainNo } from '../vehicle-rules.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const normalised = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalisePlateOrTrainNo(value) : value);
const KIND_MESSAGE = '车辆类型无效，可选：bus（大巴）、train_car（火车车厢）、special_train（专列）';

/** A new vehicle; the update takes any subset of these fields. */
export class CreateVehicleDto {
  @ApiProperty({ enum: VEHICLE_KINDS }) @IsIn(VEHICLE_KINDS, { message: KIND_MESSAGE })
  kind: VehicleKind;
  @ApiProperty({ example: 53, description: '大巴10–70（常见33/45/53），火车车厢1–150，专列1–3000' })
  @IsInt({ message: '请填写座位数（整数）' }) @Min(1, { message: '座位数至少为1' }) @Max(3000, { message: '座位数不超过3000' })
  seats: number;
  @ApiProperty({ example: '临夏州汽车运输有限责任公司' })
  @Transform(trim) @IsString({ message: '请填写承运单位' }) @MinLength(2, { message: '承运单位至少2个字' }) @MaxLength(64, { message: '承运单位不超过64字' })
  operator: string;
  @ApiProperty({ example: '甘N·A2351', description: '大巴填车牌号（甘N·12345 或 甘N12345），火车填车次（K1234、Y501、专列）' })
  @Transform(normalised)
  @IsString({ message: '请填写车牌号或车次' }) @MinLength(2, { message: '请填写车牌号或车次' }) @MaxLength(32, { message: '车牌号或车次不超过32个字符' })
  plateOrTrainNo: string;
  @ApiPropertyOptional({ example: '马德福' })
  @IsOptional() @Transform(trim) @IsString({ message: '司机姓名必须是文字' }) @MaxLength(32, { message: '司机姓名不超过32字' })
  driverName?: string;
  @ApiPropertyOptional({ example: '13609301234', nullable: true, description: '加密保存；修改时传 null 清除' })
  @IsOptional() @IsMobile()
  driverMobile?: string | null;
  @ApiPropertyOptional({ example: 850, description: '每公里费用（分）' })
  @IsOptional() @IsInt({ message: '每公里费用必须是整数（分）' }) @Min(0, { message: '每公里费用不能为负' }) @Max(10_000_000, { message: '每公里费用不超过100000元' })
  costPerKmFen?: number;
}

/** Any subset of the fields (PartialType keeps their rules and marks them optional). */
export class UpdateVehicleDto extends PartialType(CreateVehicleDto) {
  @ApiPropertyOptional({ description: 'false 停用（不删除，历史车次仍引用）' })
  @IsOptional() @IsBoolean({ message: '启用状态必须是 true 或 false' })
  active?: boolean;
}

export class VehicleQueryDto {
  @ApiPropertyOptional({ enum: VEHICLE_KINDS }) @IsOptional() @IsIn(VEHICLE_KINDS, { message: KIND_MESSAGE }) kind?: VehicleKind;
  @ApiPropertyOptional({ description: '只看启用（true）或停用（false）的车辆' })
  @IsOptional() @QueryBoolean() @IsBoolean({ message: '启用状态必须是 true 或 false' })
  active?: boolean;
  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) @Max(10000, { message: '页码不超过10000' })
  page = 1;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1, { message: '每页至少1条' }) @Max(200, { message: '每页最多200条' })
  pageSize = 50;
}

export class VehicleDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: VEHICLE_KINDS }) kind: VehicleKind;
  @ApiProperty({ example: '大巴' }) kindName: string;
  @ApiProperty({ example: 53 }) seats: number;
  @ApiProperty({ example: '临夏州汽车运输有限责任公司' }) operator: string;
  @ApiProperty({ example: '甘N·A2351' }) plateOrTrainNo: string;
  @ApiProperty({ example: '马德福' }) driverName: string;
  @ApiPropertyOptional({ description: '输转协调员和管理员看到完整号码，其他角色脱敏', example: '136****1234' }) driverMobile?: string;
  @ApiProperty({ description: '司机电话是否为完整值' }) unmasked: boolean;
  @ApiProperty({ example: 850, description: '每公里费用（分）' }) costPerKmFen: number;
  @ApiProperty() active: boolean;
  @ApiProperty() updatedAt: string;
}

export class VehiclePageDto {
  @ApiProperty({ type: [VehicleDto] }) items: VehicleDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
