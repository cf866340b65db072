import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FollowUpStatus } from '../entities/follow-up.entity.js';

export const FOLLOW_UP_VIEWS = ['today', 'overdue', 'upcoming', 'done'] as const;
export type FollowUpView = (typeof FOLLOW_UP_VIEWS)[number];
export const FOLLOW_UP_STATUS_ZH: Record<FollowUpStatus, string> = {
  scheduled: '待回访', due: '今日到期', done: '已完成', overdue: '已逾期', cancelled: '已取消',
};

export class FollowUpQueryDto {
  @ApiPropertyOptional({ enum: FOLLOW_UP_VIEWS, default: 'today', description: 'today 今天要做的（到期和逾期）/ overdue 逾期 / upcoming 未来7天 / done 已完成' })
  @IsOptional() @Transform(({ value }) => value ?? 'today') @IsIn(FOLLOW_UP_VIEWS, { message: '视图无效，可选：today、overdue、upcoming、done' })
  view: FollowUpView = 'today';
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) @Max(10000, { message: '页码不超过10000' })
  page = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1, { message: '每页至少1条' }) @Max(200, { message: '每页最多200条' })
  pageSize = 50;
}

export class FollowUpItemDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() workerId: string;
  @ApiProperty() workerName: string;
  @ApiPropertyOptional({ description: '脱敏手机号' }) mobile?: string;
  @ApiProperty() employerName: string;
  @ApiProperty() jobTitle: string;
  @ApiProperty() workPlace: string;
  @ApiProperty() dayOffset: number;
  @ApiProperty() dueOn: string;
  @ApiProperty() status: FollowUpStatus;
  @ApiProperty() statusZh: string;
  @ApiProperty() arrivedOn: string;
  @ApiProperty({ description: '该录用是否有未关闭的帮扶工单' }) openCase: boolean;
}

export class FollowUpPageDto {
  @ApiProperty({ type: [FollowUpItemDto] }) items: FollowUpItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: '今天要做的、逾期的数量' }) counts: { today: number; overdue: number };
}
