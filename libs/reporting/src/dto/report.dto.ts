import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDay } from '@daogang/platform';
import { DESTINATIONS, type Destination } from '../summary/report-metrics.js';

export const RANK_BY = ['employmentRate', 'completenessRate', 'overdue', 'openCases', 'zeroHouseholds'] as const;
export type RankBy = (typeof RANK_BY)[number];
export const RANK_BY_ZH: Record<RankBy, string> = {
  employmentRate: '就业率', completenessRate: '信息完整率', overdue: '逾期回访', openCases: '未结帮扶工单', zeroHouseholds: '零就业户',
};

const COUNTY = /^\d{6}$/;

export class DashboardQueryDto {
  @ApiPropertyOptional({ example: '2026-11-25', description: '统计日：今天为实时数，过去的日期取当天 23:50 的快照；默认今天' })
  @IsOptional() @IsDay()
  day?: string;

  @ApiPropertyOptional({ enum: RANK_BY, description: '排名依据，默认就业率（逾期、工单、零就业户越少越靠前）' })
  @IsOptional() @IsIn(RANK_BY, { message: `排名依据无效，可选：${RANK_BY.join('、')}` })
  rankBy?: RankBy;
}

export class DestinationCountsDto {
  @ApiProperty({ description: '省外就业' }) outOfProvince: number;
  @ApiProperty({ description: '省内县外就业' }) inProvince: number;
  @ApiProperty({ description: '县内就业' }) inCounty: number;
  @ApiProperty({ description: '公益性岗位' }) publicWelfare: number;
  @ApiProperty({ description: '自主创业/灵活就业' }) selfEmployed: number;
  @ApiProperty({ description: '参加培训' }) inTraining: number;
  @ApiProperty({ description: '未就业' }) notEmployed: number;
}

export class CountyChangeDto {
  @ApiProperty({ nullable: true, type: Number, description: '名次变化：正数为上升' }) rank: number | null;
  @ApiProperty() workers: number;
  @ApiProperty() employed: number;
  @ApiProperty({ description: '就业率变化（0–1 的差）' }) employmentRate: number;
  @ApiProperty() completenessRate: number;
  @ApiProperty() overdue: number;
  @ApiProperty() openCases: number;
  @ApiProperty() zeroHouseholds: number;
}

export class CountyFiguresDto {
  @ApiProperty({ example: '622925' }) countyCode: string;
  @ApiProperty({ example: '和政县' }) countyName: string;
  @ApiProperty({ description: '劳动力人数' }) workers: number;
  @ApiProperty({ description: '就业人数（县内、省内县外、省外、公益性岗位、自主创业）' }) employed: number;
  @ApiProperty({ description: '就业率 0–1' }) employmentRate: number;
  @ApiProperty({ type: DestinationCountsDto }) destinations: DestinationCountsDto;
  @ApiProperty({ description: '信息完整的人数' }) complete: number;
  @ApiProperty({ description: '信息完整率 0–1' }) completenessRate: number;
  @ApiProperty({ description: '平均完整度（0–100）' }) averageScore: number;
  @ApiProperty() households: number;
  @ApiProperty({ description: '零就业户' }) zeroHouseholds: number;
  @ApiProperty({ description: '逾期回访' }) overdue: number;
  @ApiProperty({ description: '未结帮扶工单' }) openCases: number;
}

export class CountyRankDto extends CountyFiguresDto {
  @ApiProperty() rank: number;
  @ApiProperty({ description: '本人负责的县' }) mine: boolean;
  @ApiProperty({ type: CountyChangeDto, nullable: true, description: '较上一快照日的变化；无快照时为 null' }) change: CountyChangeDto | null;
}

export class DashboardDto {
  @ApiProperty({ example: '2026-11-26' }) day: string;
  @ApiProperty({ description: '今天为实时数' }) live: boolean;
  @ApiProperty({ nullable: true, type: String, description: '比较的上一快照日' }) previousDay: string | null;
  @ApiProperty({ enum: RANK_BY }) rankBy: RankBy;
  @ApiProperty({ type: [CountyRankDto] }) counties: CountyRankDto[];
  @ApiProperty({ type: CountyFiguresDto, description: '合计（范围内各县）' }) total: CountyFiguresDto;
  @ApiProperty({ type: CountyChangeDto, nullable: true, description: '合计较上一快照日的变化（rank 为 null）' }) totalChange: CountyChangeDto | null;
}

export class VillagesQueryDto {
  @ApiProperty({ example: '622925' }) @Matches(COUNTY, { message: '县代码应为6位数字' }) countyCode: string;
  @ApiPropertyOptional({ example: '2026-11-01', description: '比较日：统计自该日（北京时间）起状态有变化的人' })
  @IsOptional() @IsDay()
  since?: string;
}

export class VillageRowDto {
  @ApiProperty() township: string;
  @ApiProperty() village: string;
  @ApiProperty() workers: number;
  @ApiProperty() employed: number;
  @ApiProperty() employmentRate: number;
  @ApiProperty({ type: DestinationCountsDto }) destinations: DestinationCountsDto;
  @ApiProperty() completenessRate: number;
  @ApiProperty() households: number;
  @ApiProperty() zeroHouseholds: number;
  @ApiProperty({ nullable: true, type: Number, description: '比较日以来就业状态变化的人数（不含新登记）' }) changed: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '比较日以来新登记的人数' }) registered: number | null;
}

export class VillagesDto {
  @ApiProperty() countyCode: string;
  @ApiProperty() countyName: string;
  @ApiProperty({ nullable: true, type: String }) since: string | null;
  @ApiProperty({ type: [VillageRowDto] }) villages: VillageRowDto[];
}

export class DestinationTableQueryDto {
  @ApiProperty({ example: '622925' }) @Matches(COUNTY, { message: '县代码应为6位数字' }) countyCode: string;
  @ApiPropertyOptional({ example: '城关镇' }) @IsOptional() @IsString() @MaxLength(64, { message: '乡镇不超过64字' }) township?: string;
  @ApiPropertyOptional({ example: '新庄村' }) @IsOptional() @IsString() @MaxLength(64, { message: '村不超过64字' }) village?: string;
  @ApiPropertyOptional({ example: '2026-11-01', description: '比较日：标出自该日起去向有变化的人' })
  @IsOptional() @IsDay()
  since?: string;
  @ApiPropertyOptional({ description: '只看比较日以来有变化的人' })
  @IsOptional() @IsIn(['true', 'false'], { message: '只看变化应为 true 或 false' })
  changedOnly?: 'true' | 'false';
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码应为整数' }) @Min(1, { message: '页码从1开始' })
  page = 1;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数应为整数' })
  @Min(1, { message: '每页至少1条' }) @Max(500, { message: '每页最多500条' })
  pageSize = 100;
}

export class DestinationRowDto {
  @ApiProperty() workerId: string;
  @ApiProperty({ example: '马小军' }) name: string;
  @ApiProperty({ example: '622925********123X' }) idNumberMasked: string;
  @ApiProperty({ example: 'M' }) sex: string;
  @ApiProperty({ example: 36 }) age: number;
  @ApiProperty({ nullable: true, type: String, description: '户编号' }) household: string | null;
  @ApiProperty() township: string;
  @ApiProperty() village: string;
  @ApiProperty({ example: 'employed_out_of_province' }) status: string;
  @ApiProperty({ example: '省外就业' }) statusZh: string;
  @ApiProperty({ nullable: true, type: String, description: '去向类别：省外 / 省内县外 / 县内；未就业等为 null' }) destination: Destination | null;
  @ApiProperty({ nullable: true, type: String, example: '厦门宏泰电子有限公司' }) employer: string | null;
  @ApiProperty({ nullable: true, type: String, example: '福建省厦门市集美区' }) workplace: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-09-03', description: '到岗日（平台安置）' }) since: string | null;
  @ApiProperty({ example: '2026-09-03T02:00:00.000Z' }) statusChangedAt: string;
  @ApiProperty({ nullable: true, type: String, description: '比较日时的状态；比较日后新登记为 null' }) statusAtSince: string | null;
  @ApiProperty({ description: '比较日以来：unchanged 未变 / changed 变化 / registered 新登记' }) change: 'unchanged' | 'changed' | 'registered';
}

export class DestinationPageDto {
  @ApiProperty({ type: [DestinationRowDto] }) items: DestinationRowDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TargetsQueryDto {
  @ApiPropertyOptional({ example: 2026, description: '年度，默认今年' })
  @IsOptional() @Type(() => Number) @IsInt({ message: '年度应为整数' }) @Min(2016, { message: '年度不早于2016' }) @Max(2100, { message: '年度不晚于2100' })
  year?: number;
}

export class TargetFigureInputDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: '上年同期人数' })
  @IsOptional() @IsInt({ message: '上年人数应为整数' }) @Min(0, { message: '上年人数不能为负' }) @Max(10_000_000, { message: '上年人数过大' })
  lastYear?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '目标人数；不填则以上年人数为目标（不少于上年）' })
  @IsOptional() @IsInt({ message: '目标应为整数' }) @Min(0, { message: '目标不能为负' }) @Max(10_000_000, { message: '目标过大' })
  target?: number | null;
}

export class SetTargetsDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number) @IsInt({ message: '年度应为整数' }) @Min(2016, { message: '年度不早于2016' }) @Max(2100, { message: '年度不晚于2100' })
  year: number;
  @ApiProperty({ example: '622925' }) @Matches(COUNTY, { message: '县代码应为6位数字' }) countyCode: string;
  @ApiPropertyOptional({ type: TargetFigureInputDto, description: '省外就业' })
  @IsOptional() @ValidateNested() @Type(() => TargetFigureInputDto)
  out_of_province?: TargetFigureInputDto;
  @ApiPropertyOptional({ type: TargetFigureInputDto, description: '省内县外就业' })
  @IsOptional() @ValidateNested() @Type(() => TargetFigureInputDto)
  in_province?: TargetFigureInputDto;
  @ApiPropertyOptional({ type: TargetFigureInputDto, description: '县内就业' })
  @IsOptional() @ValidateNested() @Type(() => TargetFigureInputDto)
  in_county?: TargetFigureInputDto;
}

export class TargetFigureDto {
  @ApiProperty({ enum: DESTINATIONS }) destination: Destination;
  @ApiProperty({ example: '省外就业' }) destinationZh: string;
  @ApiProperty({ description: '当前就业人数' }) current: number;
  @ApiProperty({ nullable: true, type: Number }) lastYear: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '目标：设定值，或上年人数（不少于上年）' }) target: number | null;
  @ApiProperty({ description: '目标来源：set 设定 / last_year 不少于上年 / sum 各县目标之和（省行）/ none 未设' }) targetSource: 'set' | 'last_year' | 'sum' | 'none';
  @ApiProperty({ nullable: true, type: Number, description: '当前 − 上年' }) changeFromLastYear: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) met: boolean | null;
  @ApiProperty({ nullable: true, type: Number, description: '距目标还差（已达为 0）' }) gap: number | null;
}

export class TargetRowDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'county 县 / province 省（各县合计）' }) level: 'county' | 'province';
  @ApiProperty({ type: [TargetFigureDto] }) figures: TargetFigureDto[];
}

export class TargetsDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [TargetRowDto] }) rows: TargetRowDto[];
}

export class AbsorptionRowDto {
  @ApiProperty({ example: 'jimei-hezheng' }) pairing: string;
  @ApiProperty({ description: '结对层级：province 省际 / city 市州 / county 县区（西部一方的层级）；嵌套的结对会重复计同一批人，各行不可相加' })
  level: 'province' | 'city' | 'county';
  @ApiProperty({ example: '350211' }) eastCode: string;
  @ApiProperty({ example: '厦门市集美区' }) eastName: string;
  @ApiProperty({ example: '622925' }) westCode: string;
  @ApiProperty({ example: '临夏州和政县' }) westName: string;
  @ApiProperty({ description: '西部一方的劳动力目前在东部一方就业（已到岗、未离职）的人数' }) absorbed: number;
}

export class AbsorptionDto {
  @ApiProperty({ type: [AbsorptionRowDto] }) rows: AbsorptionRowDto[];
}
