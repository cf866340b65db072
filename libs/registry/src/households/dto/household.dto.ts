import { QueryBoolean } from '@daogang/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { WorkerSummaryDto } from '../../workers/dto/worker.dto.js';


export class HouseholdQueryDto {
  @ApiPropertyOptional({ description: '只看零就业户' }) @IsOptional() @QueryBoolean() @IsBoolean({ message: '只能是 true 或 false' }) zeroEmployment?: boolean;
  @ApiPropertyOptional() @IsOptional() @QueryBoolean() @IsBoolean({ message: '只能是 true 或 false' }) registeredPoor?: boolean;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{6}$/, { message: '县代码必须是6位数字' }) county?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) township?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) village?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1) @Max(100, { message: '每页最多100条' }) pageSize = 20;
}

export class HouseholdDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: '户编号' }) registrationNo: string;
  @ApiProperty() countyCode: string;
  @ApiProperty() township: string;
  @ApiProperty() village: string;
  @ApiProperty() headName: string;
  @ApiProperty({ description: '建档立卡户' }) registeredPoor: boolean;
  @ApiProperty({ description: '零就业户' }) zeroEmployment: boolean;
  @ApiProperty() labourerCount: number;
  @ApiProperty() employedCount: number;
  @ApiProperty({ description: '一户一策' }) plan: string;
}

export class IncomeDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['wage', 'business', 'transfer', 'property'] }) kind: string;
  @ApiProperty() amountYuan: number;
  @ApiProperty() note: string;
}

export class HouseholdDetailDto extends HouseholdDto {
  @ApiProperty({ type: [WorkerSummaryDto] }) members: WorkerSummaryDto[];
  @ApiProperty({ type: [IncomeDto] }) incomes: IncomeDto[];
}

export class HouseholdPageDto {
  @ApiProperty({ type: [HouseholdDto] }) items: HouseholdDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class UpdateHouseholdDto {
  @ApiProperty() @IsInt({ message: '缺少版本号（version）' }) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32, { message: '户主姓名不超过32字' }) headName?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: '只能是 true 或 false' }) registeredPoor?: boolean;
  @ApiPropertyOptional({ description: '一户一策' }) @IsOptional() @IsString() @MaxLength(4000, { message: '帮扶计划不超过4000字' }) plan?: string;
}

export class AddIncomeDto {
  @ApiProperty({ example: 2026 }) @IsInt({ message: '年份必须是整数' }) @Min(2010, { message: '年份不早于2010' }) @Max(2100, { message: '年份无效' }) year: number;
  @ApiProperty({ enum: ['wage', 'business', 'transfer', 'property'] })
  @IsIn(['wage', 'business', 'transfer', 'property'], { message: '收入类别无效，可选：wage（工资性）、business（经营性）、transfer（转移性）、property（财产性）' })
  kind: 'wage' | 'business' | 'transfer' | 'property';
  @ApiProperty({ example: 36000 }) @IsInt({ message: '金额必须是整数（元）' }) @Min(0, { message: '金额不能为负' }) @Max(10_000_000, { message: '金额过大' }) amountYuan: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200, { message: '说明不超过200字' }) note?: string;
}
