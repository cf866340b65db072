import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsDay } from '@daogang/platform';
import { RETENTION_BY, type RetentionBy } from '../retention.sql.js';

export const RETENTION_BY_ZH: Record<RetentionBy, string> = {
  employer: '用工企业', broker: '劳务经纪人', origin_county: '输出县', destination_city: '输入城市', category: '工种', month: '安置月份',
};

export class RetentionQueryDto {
  @ApiProperty({ enum: RETENTION_BY, description: '分组：用工企业 / 经纪人 / 输出县 / 输入城市 / 工种 / 安置月份' })
  @IsIn(RETENTION_BY, { message: `分组无效，可选：${RETENTION_BY.join('、')}` })
  by: RetentionBy;

  @ApiPropertyOptional({ example: '2026-01-01', description: '安置日期（到岗日，未到岗按约定上岗日）从；默认统计日前推一年' })
  @IsOptional() @IsDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: '安置日期至；默认统计日' })
  @IsOptional() @IsDay()
  to?: string;

  @ApiPropertyOptional({ example: '2026-09-30', description: '统计日（不晚于今天）；默认今天' })
  @IsOptional() @IsDay()
  asOf?: string;
}

export class RetainedDto {
  @ApiProperty({ description: '到岗已满N天的人数（分母）' }) eligible: number;
  @ApiProperty({ description: '其中第N天仍在岗的人数' }) retained: number;
  @ApiProperty({ nullable: true, type: Number, description: 'retained / eligible，0–1；分母为0时为 null' }) rate: number | null;
}

export class RetentionRowDto {
  @ApiProperty({ description: '分组键：企业/经纪人编号、县或城市代码、工种、YYYY-MM；合计行为 total' }) key: string;
  @ApiProperty({ example: '厦门宏泰电子有限公司' }) label: string;
  @ApiProperty({ description: '安置人数（已录用、已到岗、已离职）' }) placements: number;
  @ApiProperty({ description: '其中已到岗' }) arrived: number;
  @ApiProperty({ type: RetainedDto }) retained30: RetainedDto;
  @ApiProperty({ type: RetainedDto }) retained90: RetainedDto;
  @ApiProperty({ type: RetainedDto }) retained180: RetainedDto;
  @ApiProperty({ description: '截至统计日应回访（未取消）' }) followUpsDue: number;
  @ApiProperty({ description: '已完成' }) done: number;
  @ApiProperty({ description: '已逾期' }) overdue: number;
  @ApiProperty({ description: '已过到期日仍未回访（未到逾期）' }) dueLate: number;
  @ApiProperty({ nullable: true, type: Number, description: 'done / (done + overdue + dueLate)' }) completionRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'overdue / followUpsDue' }) overdueRate: number | null;
}

export class RetentionReportDto {
  @ApiProperty({ enum: RETENTION_BY }) by: RetentionBy;
  @ApiProperty({ example: '2025-11-27' }) from: string;
  @ApiProperty({ example: '2026-11-26' }) to: string;
  @ApiProperty({ example: '2026-11-26' }) asOf: string;
  @ApiProperty({ type: [RetentionRowDto] }) rows: RetentionRowDto[];
  @ApiProperty({ type: RetentionRowDto }) total: RetentionRowDto;
}
