import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { CaseOutcome, CaseReason } from '../../entities/case.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const CASE_OUTCOMES: CaseOutcome[] = ['resolved', 'changed_job', 'left_home'];
export const CASE_OUTCOME_ZH: Record<CaseOutcome, string> = { resolved: '已解决', changed_job: '已换工作', left_home: '已离职返乡' };

export class CaseQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed'], { message: '状态无效，可选：open、closed' }) status?: 'open' | 'closed';
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) @Max(10000, { message: '页码不超过10000' })
  page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1, { message: '每页至少1条' }) @Max(100, { message: '每页最多100条' })
  pageSize = 20;
}

export class CloseCaseDto {
  @ApiProperty({ enum: CASE_OUTCOMES, description: 'resolved 已解决 / changed_job 换了工作（须填新录用） / left_home 离职返乡' })
  @IsIn(CASE_OUTCOMES, { message: '结果无效，可选：resolved（已解决）、changed_job（换了工作）、left_home（离职返乡）' })
  outcome: CaseOutcome;
  @ApiProperty({ example: '已协调企业补发3月工资' })
  @Transform(trim) @IsString({ message: '请填写处理情况' }) @MaxLength(500, { message: '处理情况不超过500字' })
  note: string;
  @ApiPropertyOptional({ description: '换工作时：新的录用（报名编号）' }) @IsOptional() @IsUUID('all', { message: '报名编号无效' })
  newApplicationId?: string;
}

export class CaseDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() workerId: string;
  @ApiProperty() workerName: string;
  @ApiProperty() employerName: string;
  @ApiProperty() jobTitle: string;
  @ApiProperty() homeCountyCode: string;
  @ApiProperty() homeCounty: string;
  @ApiProperty() reasons: CaseReason[];
  @ApiProperty() reasonsZh: string[];
  @ApiProperty() status: 'open' | 'closed';
  @ApiProperty() dueOn: string;
  @ApiProperty() overdue: boolean;
  @ApiPropertyOptional() ownerId?: string;
  @ApiPropertyOptional() outcome?: CaseOutcome;
  @ApiPropertyOptional() outcomeZh?: string;
  @ApiProperty() outcomeNote: string;
  @ApiPropertyOptional() newApplicationId?: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional() closedAt?: string;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseDto] }) items: CaseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
