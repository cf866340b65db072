import { IsDay, QueryBoolean } from '@daogang/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JOB_CATEGORIES } from '@daogang/registry';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BENEFITS } from '../job-orders/entities/job-order.entity.js';
import type { Benefit } from '../job-orders/entities/job-order.entity.js';

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value);
const CODE = /^\d{6}$/;

export const JOB_SORTS = ['relevance', 'wage', 'start', 'distance', 'newest'] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export class JobSearchQueryDto {
  @ApiPropertyOptional({ example: '电子厂 包吃住', description: '中文、拼音（xiamen）、部分词均可' })
  @IsOptional() @IsString() @MaxLength(100, { message: '搜索词不超过100字' }) q?: string;
  @ApiPropertyOptional({ example: '350000' }) @IsOptional() @Matches(CODE, { message: '省代码必须是6位数字' }) province?: string;
  @ApiPropertyOptional({ example: '350200' }) @IsOptional() @Matches(CODE, { message: '市代码必须是6位数字' }) city?: string;
  @ApiPropertyOptional({ example: '350211' }) @IsOptional() @Matches(CODE, { message: '县代码必须是6位数字' }) county?: string;
  @ApiPropertyOptional({ enum: JOB_CATEGORIES })
  @IsOptional() @IsIn(JOB_CATEGORIES, { message: `工种无效，可选：${JOB_CATEGORIES.join('、')}` }) category?: string;
  @ApiPropertyOptional({ example: 5000, description: '期望最低月薪：工资上限不低于它的岗位' })
  @IsOptional() @Type(() => Number) @IsInt({ message: '月薪必须是整数（元）' }) @Min(0, { message: '月薪不能为负' }) @Max(100000) minWage?: number;
  @ApiPropertyOptional({ example: 'dorm,meals', description: '全部满足' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(4) @IsIn(BENEFITS, { each: true, message: '福利无效，可选：dorm、meals、insurance、travel' })
  benefits?: Benefit[];
  @ApiPropertyOptional({ example: '2027-02-01' }) @IsOptional() @IsDay('日期格式应为 YYYY-MM-DD') startFrom?: string;
  @ApiPropertyOptional({ example: '2027-04-30' }) @IsOptional() @IsDay('日期格式应为 YYYY-MM-DD') startTo?: string;
  @ApiPropertyOptional({ description: '适合残疾人' }) @IsOptional() @QueryBoolean() @IsBoolean({ message: '只能是 true 或 false' }) accessible?: boolean;
  @ApiPropertyOptional({ description: '提供培训（以岗定训）' }) @IsOptional() @QueryBoolean() @IsBoolean({ message: '只能是 true 或 false' }) training?: boolean;
  @ApiPropertyOptional({ enum: JOB_SORTS, default: 'relevance' }) @IsOptional() @IsIn(JOB_SORTS, { message: `排序无效，可选：${JOB_SORTS.join('、')}` }) sort: JobSort = 'relevance';
  @ApiPropertyOptional({ example: '622925', description: '按距离排序的出发县（务工人员登录时默认户籍县）' })
  @IsOptional() @Matches(CODE, { message: '县代码必须是6位数字' }) from?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) @Max(50, { message: '最多翻到第50页' }) page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1) @Max(50, { message: '每页最多50条' }) pageSize = 20;
}

export class FacetValueDto {
  @ApiProperty() value: string;
  @ApiProperty({ description: '中文名称' }) name: string;
  @ApiProperty() count: number;
}

export class JobHitDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: '标题高亮（<em>…</em>，已转义）' }) titleHighlighted: string;
  @ApiProperty() category: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ example: '福建 厦门 集美区' }) place: string;
  @ApiProperty() countyCode: string;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty({ type: [String] }) benefits: string[];
  @ApiProperty() shiftName: string;
  @ApiProperty() startDate: string;
  @ApiProperty() placesLeft: number;
  @ApiProperty() accessible: boolean;
  @ApiProperty() trainingOffered: boolean;
  @ApiPropertyOptional({ description: '与出发县的直线距离（公里）' }) distanceKm?: number;
}

export class JobSearchResultDto {
  @ApiProperty({ type: [JobHitDto] }) items: JobHitDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: '分面统计：工种、城市、福利', type: 'object', additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/FacetValueDto' } } })
  facets: Record<string, FacetValueDto[]>;
  @ApiProperty({ enum: ['embedded', 'meilisearch', 'database'] }) engine: string;
  @ApiProperty({ description: '搜索引擎不可用时为 true：结果来自数据库，功能有所降级' }) degraded: boolean;
  @ApiProperty() processingTimeMs: number;
}
