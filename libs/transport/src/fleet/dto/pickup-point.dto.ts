import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { QueryBoolean } from '@daogang/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PICKUP_POINT_KINDS } from '../../entities/pickup-point.entity.js';
import type { PickupPointKind } from '../../entities/pickup-point.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const KIND_MESSAGE = '上车点类型无效，可选：county_station（县汽车站）、township_point（乡镇上车点）、railway_station（火车站）';
const COUNTY_MESSAGE = '县代码必须是6位数字（GB/T 2260）';
const LNG_MESSAGE = '经度应在中国境内（73–136）';
const LAT_MESSAGE = '纬度应在中国境内（3–54）';
const FINITE = { allowNaN: false, allowInfinity: false };

/** A new pickup point; the update takes any subset of these fields. */
export class CreatePickupPointDto {
  @ApiProperty({ example: '622925' }) @IsString({ message: '请填写县代码' }) @Matches(/^\d{6}$/, { message: COUNTY_MESSAGE })
  countyCode: string;
  @ApiPropertyOptional({ example: '城关镇', description: '所服务的乡镇；县汽车站、火车站可不填（服务全县）' })
  @IsOptional() @Transform(trim) @IsString({ message: '乡镇名称必须是文字' }) @MaxLength(64, { message: '乡镇名称不超过64字' })
  township?: string;
  @ApiProperty({ example: '和政县汽车站' })
  @Transform(trim) @IsString({ message: '请填写上车点名称' }) @MinLength(2, { message: '上车点名称至少2个字' }) @MaxLength(64, { message: '上车点名称不超过64字' })
  name: string;
  @ApiProperty({ enum: PICKUP_POINT_KINDS }) @IsIn(PICKUP_POINT_KINDS, { message: KIND_MESSAGE })
  kind: PickupPointKind;
  @ApiProperty({ example: 103.3489 })
  @IsNumber(FINITE, { message: '请填写经度（数字）' }) @Min(73, { message: LNG_MESSAGE }) @Max(136, { message: LNG_MESSAGE })
  lng: number;
  @ApiProperty({ example: 35.4262 })
  @IsNumber(FINITE, { message: '请填写纬度（数字）' }) @Min(3, { message: LAT_MESSAGE }) @Max(54, { message: LAT_MESSAGE })
  lat: number;
  @ApiPropertyOptional({ example: '和政县城关镇滨河路' })
  @IsOptional() @Transform(trim) @IsString({ message: '地址必须是文字' }) @MaxLength(200, { message: '地址不超过200字' })
  address?: string;
}

/** Any subset of the fields (PartialType keeps their rules and marks them optional). */
export class UpdatePickupPointDto extends PartialType(CreatePickupPointDto) {
  @ApiPropertyOptional({ description: 'false 停用（不删除：历史车次仍引用它）' })
  @IsOptional() @IsBoolean({ message: '启用状态必须是 true 或 false' })
  active?: boolean;
}

export class PickupPointQueryDto {
  @ApiPropertyOptional({ example: '622925' }) @IsOptional() @Matches(/^\d{6}$/, { message: COUNTY_MESSAGE }) countyCode?: string;
  @ApiPropertyOptional({ example: '城关镇' })
  @IsOptional() @Transform(trim) @IsString({ message: '乡镇名称必须是文字' }) @MaxLength(64, { message: '乡镇名称不超过64字' })
  township?: string;
  @ApiPropertyOptional({ enum: PICKUP_POINT_KINDS }) @IsOptional() @IsIn(PICKUP_POINT_KINDS, { message: KIND_MESSAGE }) kind?: PickupPointKind;
  @ApiPropertyOptional({ description: '只看启用（true）或停用（false）的上车点' })
  @IsOptional() @QueryBoolean() @IsBoolean({ message: '启用状态必须是 true 或 false' })
  active?: boolean;
  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) @Max(10000, { message: '页码不超过10000' })
  page = 1;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1, { message: '每页至少1条' }) @Max(200, { message: '每页最多200条' })
  pageSize = 50;
}

export class PickupPointDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '622925' }) countyCode: string;
  @ApiProperty({ example: '甘肃省临夏回族自治州和政县' }) countyName: string;
  @ApiProperty({ example: '城关镇', description: '所服务的乡镇，空为全县' }) township: string;
  @ApiProperty({ example: '和政县汽车站' }) name: string;
  @ApiProperty({ enum: PICKUP_POINT_KINDS }) kind: PickupPointKind;
  @ApiProperty({ example: '县汽车站' }) kindName: string;
  @ApiProperty() lng: number;
  @ApiProperty() lat: number;
  @ApiProperty() address: string;
  @ApiProperty() active: boolean;
  @ApiProperty() updatedAt: string;
}

export class PickupPointPageDto {
  @ApiProperty({ type: [PickupPointDto] }) items: PickupPointDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
