import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { SmsStatus } from '../entities/sms-message.entity.js';

export const SMS_STATUSES: SmsStatus[] = ['pending', 'sending', 'sent', 'failed', 'unknown'];
export const SMS_STATUS_ZH: Record<SmsStatus, string> = {
  pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败', unknown: '结果未知',
};

/** One SMS of the outbox as an admin sees it: the mobile masked, never in full. */
export class SmsMessageDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'offer_received' }) template: string;
  @ApiProperty({ example: '【到岗】厦门集美宏泰电子有限公司向您发出电子装配普工岗位的录用意向，请登录到岗查看并答复。' }) body: string;
  @ApiProperty({ example: '139****0001' }) mobileMasked: string;
  @ApiProperty({ enum: SMS_STATUSES }) status: SmsStatus;
  @ApiProperty({ example: '已发送' }) statusName: string;
  @ApiProperty({ description: '调用短信服务商的次数' }) attempts: number;
  @ApiProperty({ description: '最近一次失败的原因' }) error: string;
  @ApiPropertyOptional({ example: 'dev' }) provider?: string;
  @ApiPropertyOptional() providerMessageId?: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional() sentAt?: string;
}

export class SmsQueryDto {
  @ApiPropertyOptional({ enum: SMS_STATUSES })
  @IsOptional() @IsIn(SMS_STATUSES, { message: '状态无效' }) status?: SmsStatus;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1, { message: '每页至少1条' }) @Max(100, { message: '每页最多100条' }) pageSize = 20;
}

export class SmsPageDto {
  @ApiProperty({ type: [SmsMessageDto] }) items: SmsMessageDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
