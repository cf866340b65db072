import { IsDay, QueryBoolean } from '@daogang/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { EmploymentStatus, JOB_CATEGORIES, SKILLS } from '../workers/employment-status.js';


export class WorkerSearchQueryDto {
  @ApiPropertyOptional({ example: '缝纫 和政' }) @IsOptional() @IsString() @MaxLength(100, { message: '搜索词不超过100字' }) q?: string;
  @ApiPropertyOptional({ example: '622925' }) @IsOptional() @Matches(/^\d{6}$/, { message: '县代码必须是6位数字' }) county?: string;
  @ApiPropertyOptional({ enum: EmploymentStatus }) @IsOptional() @IsEnum(EmploymentStatus, { message: '就业状态无效' }) status?: EmploymentStatus;
  @ApiPropertyOptional({ enum: SKILLS }) @IsOptional() @IsIn(SKILLS, { message: '技能不在标准列表中' }) skill?: string;
  @ApiPropertyOptional({ enum: JOB_CATEGORIES }) @IsOptional() @IsIn(JOB_CATEGORIES, { message: '意向工种无效' }) category?: string;
  @ApiPropertyOptional() @IsOptional() @QueryBoolean() @IsBoolean({ message: '只能是 true 或 false' }) wantsToMove?: boolean;
  @ApiPropertyOptional() @IsOptional() @QueryBoolean() @IsBoolean({ message: '只能是 true 或 false' }) registeredPoor?: boolean;
  @ApiPropertyOptional({ description: '只看零就业户成员' }) @IsOptional() @QueryBoolean() @IsBoolean({ message: '只能是 true 或 false' }) zeroEmployment?: boolean;
  @ApiPropertyOptional({ example: '2027-03-01', description: '在此日期前可到岗' }) @IsOptional() @IsDay('日期格式应为 YYYY-MM-DD') availableBy?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: '年龄必须是整数' }) @Min(16, { message: '年龄不小于16' }) @Max(70) ageMin?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: '年龄必须是整数' }) @Min(16, { message: '年龄不小于16' }) @Max(70) ageMax?: number;
  @ApiPropertyOptional({ enum: ['relevance', 'available', 'completeness', 'distance'] })
  @IsOptional() @IsIn(['relevance', 'available', 'completeness', 'distance'], { message: '排序无效' }) sort: 'relevance' | 'available' | 'completeness' | 'distance' = 'relevance';
  @ApiPropertyOptional({ description: '按距离排序时的工作地县代码' }) @IsOptional() @Matches(/^\d{6}$/, { message: '县代码必须是6位数字' }) near?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1) @Max(50) page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1) @Max(50, { message: '每页最多50条' }) pageSize = 20;
}

export class WorkerHitDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: '企业看到的是“马**”' }) name: string;
  @ApiProperty() sex: 'M' | 'F';
  @ApiProperty() age: number;
  @ApiProperty() place: string;
  @ApiPropertyOptional() village?: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty({ type: [String] }) wishCategories: string[];
  @ApiProperty() wantsToMove: boolean;
  @ApiPropertyOptional() availableFrom?: string;
  @ApiPropertyOptional() registeredPoor?: boolean;
  @ApiPropertyOptional() distanceKm?: number;
}

export class WorkerSearchResultDto {
  @ApiProperty({ type: [WorkerHitDto] }) items: WorkerHitDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) facets: Record<string, Record<string, number>>;
  @ApiProperty() engine: string;
  @ApiProperty({ description: '搜索引擎不可用时由数据库作答（匹配较粗，无拼音与距离排序）' }) degraded: boolean;
}
