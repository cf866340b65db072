import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryBoolean } from '@daogang/platform';

/** One message of the caller's inbox (站内消息). */
export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'offer_received' }) template: string;
  @ApiProperty({ example: '收到录用意向' }) title: string;
  @ApiProperty({ example: '厦门集美宏泰电子有限公司向您发出「电子装配普工」岗位的录用意向，请在“我的报名”中查看详情并答复。' }) body: string;
  @ApiProperty({ example: '/m/applications', description: '在网页中打开的位置；空串表示无' }) link: string;
  @ApiProperty() read: boolean;
  @ApiPropertyOptional() readAt?: string;
  @ApiProperty() createdAt: string;
}

export class InboxQueryDto {
  @ApiPropertyOptional({ description: '只看未读' }) @IsOptional() @QueryBoolean() @IsBoolean({ message: '只能是 true 或 false' }) unread?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1, { message: '每页至少1条' }) @Max(100, { message: '每页最多100条' }) pageSize = 20;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  /** Messages matching the query (all, or the unread ones). */
  @ApiProperty() total: number;
  @ApiProperty({ description: '未读消息数（不受筛选影响）' }) unread: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

export class MarkAllReadDto {
  @ApiProperty({ description: '本次标为已读的条数' }) marked: number;
}
