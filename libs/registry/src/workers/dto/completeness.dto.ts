import { IsDay } from '@daogang/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class CompletenessQueryDto {
  @ApiPropertyOptional({ enum: ['county', 'village'], default: 'county' })
  @IsOptional() @IsIn(['county', 'village'], { message: '分组只能是 county 或 village' }) groupBy: 'county' | 'village' = 'county';
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{6}$/, { message: '县代码必须是6位数字' }) county?: string;
}

export class RankingQueryDto {
  @ApiPropertyOptional({ example: '2026-11-25', description: '北京时间日期，默认今天' })
  @IsOptional() @IsDay('日期格式应为 YYYY-MM-DD') date?: string;
}

export class CompletenessGroupDto {
  @ApiProperty() countyCode: string;
  @ApiPropertyOptional() township?: string;
  @ApiPropertyOptional() village?: string;
  @ApiProperty() workers: number;
  @ApiProperty({ description: '信息完整的档案数' }) complete: number;
  @ApiProperty({ description: '信息完整率（%）' }) completeRate: number;
  @ApiProperty({ description: '平均完整度得分' }) averageScore: number;
}

export class CompletenessRankDto {
  @ApiProperty() rank: number;
  @ApiProperty() day: string;
  @ApiProperty() countyCode: string;
  @ApiProperty() workers: number;
  @ApiProperty() complete: number;
  @ApiProperty() completeRate: number;
  @ApiProperty() averageScore: number;
  @ApiPropertyOptional({ description: '较昨日变化（百分点）' }) changeSinceYesterday?: number;
}
