import { QueryBoolean } from '@daogang/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { EmploymentStatus } from '../employment-status.js';

/** 五名单: the five lists of 一库五名单, plus the whole database. */
export const WORKER_LISTS = ['all', 'employed', 'not_employed', 'wants_training', 'wants_to_move', 'wants_business'] as const;
export type WorkerList = (typeof WORKER_LISTS)[number];
export const WORKER_LIST_ZH: Record<WorkerList, string> = {
  all: '全部劳动力', employed: '已就业名单', not_employed: '未就业名单', wants_training: '有培训意愿名单',
  wants_to_move: '有外出务工意愿名单', wants_business: '有创业意愿名单',
};

export const WORKER_SORTS = ['name', '-name', 'completeness', '-completeness', 'updatedAt', '-updatedAt', 'statusChangedAt', '-statusChangedAt', 'village', '-village'] as const;


export class WorkerFilterDto {
  @ApiPropertyOptional({ enum: WORKER_LISTS, default: 'all' })
  @IsOptional() @IsIn(WORKER_LISTS, { message: `名单无效，可选：${WORKER_LISTS.join('、')}` })
  list: WorkerList = 'all';

  @ApiPropertyOptional({ example: '622925' }) @IsOptional() @Matches(/^\d{6}$/, { message: '县代码必须是6位数字' }) county?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64, { message: '乡镇不超过64字' }) township?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64, { message: '村不超过64字' }) village?: string;
  @ApiPropertyOptional({ description: '建档立卡' }) @IsOptional() @QueryBoolean() @IsBoolean({ message: '只能是 true 或 false' }) registeredPoor?: boolean;
  @ApiPropertyOptional({ enum: EmploymentStatus }) @IsOptional() @IsEnum(EmploymentStatus, { message: '就业状态无效' }) status?: EmploymentStatus;
  @ApiPropertyOptional({ description: '姓名（前缀）' }) @IsOptional() @IsString() @MaxLength(32, { message: '姓名不超过32字' }) name?: string;
  @ApiPropertyOptional({ description: '完整度低于该值（0–100）' })
  @IsOptional() @Type(() => Number) @IsInt({ message: '必须是整数' }) @Min(0) @Max(101, { message: '不大于101' }) completenessBelow?: number;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9a-f-]{36}$/, { message: '户编号无效' }) householdId?: string;

  @ApiPropertyOptional({ enum: WORKER_SORTS, default: 'name' })
  @IsOptional() @IsIn(WORKER_SORTS, { message: `排序无效，可选：${WORKER_SORTS.join('、')}` }) sort: (typeof WORKER_SORTS)[number] = 'name';
}

export class WorkerListQueryDto extends WorkerFilterDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) @Max(100000)
  page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1, { message: '每页至少1条' }) @Max(100, { message: '每页最多100条' })
  pageSize = 20;
}

export class WorkerExportQueryDto extends WorkerFilterDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' }) @IsOptional() @IsIn(['csv', 'xlsx'], { message: '格式只能是 csv 或 xlsx' })
  format: 'csv' | 'xlsx' = 'csv';
}
