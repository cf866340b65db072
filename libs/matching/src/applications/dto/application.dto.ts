import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApplicationAction } from '../application-lifecycle.js';
import type { ApplicationChannel, ApplicationStatus, ConsentMethod, SubsidyKind } from '../application-status.js';

export class ApplicationJobDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty() category: string;
  @ApiProperty() workPlace: string;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty() startDate: string;
  @ApiProperty() status: string;
}

export class ApplicationWorkerDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: '企业看到的是脱敏后的姓名以外的信息；手机号始终脱敏' }) name: string;
  @ApiProperty() sex: 'M' | 'F';
  @ApiProperty() age: number;
  @ApiProperty() homeCounty: string;
  @ApiPropertyOptional() mobile?: string;
}

export class ApplicationEventDto {
  @ApiPropertyOptional() fromStatus?: ApplicationStatus;
  @ApiProperty() toStatus: ApplicationStatus;
  @ApiProperty() toStatusZh: string;
  @ApiProperty() actorRole: string;
  @ApiPropertyOptional() actorId?: string;
  @ApiProperty() reason: string;
  @ApiProperty() at: string;
}

export class SubsidyClaimDto {
  @ApiProperty() id: string;
  @ApiProperty() kind: SubsidyKind;
  @ApiProperty() kindZh: string;
  @ApiProperty() amount: number;
  @ApiProperty() note: string;
  @ApiProperty() claimedAt: string;
}

export class ApplicationDto {
  @ApiProperty() id: string;
  @ApiProperty() status: ApplicationStatus;
  @ApiProperty() statusZh: string;
  @ApiProperty() channel: ApplicationChannel;
  @ApiProperty({ type: ApplicationJobDto }) job: ApplicationJobDto;
  @ApiProperty({ type: ApplicationWorkerDto }) worker: ApplicationWorkerDto;
  @ApiPropertyOptional() consentMethod?: ConsentMethod;
  @ApiProperty() consentNote: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional() offerScore?: number;
  @ApiPropertyOptional() offeredAt?: string;
  @ApiPropertyOptional() acceptedAt?: string;
  @ApiPropertyOptional() startDate?: string;
  @ApiPropertyOptional() arrivedOn?: string;
  @ApiPropertyOptional() leftOn?: string;
  @ApiProperty({ description: '当前用户可执行的操作' }) actions: ApplicationAction[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [ApplicationEventDto] }) events?: ApplicationEventDto[];
  @ApiPropertyOptional({ type: [SubsidyClaimDto] }) subsidies?: SubsidyClaimDto[];
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationDto] }) items: ApplicationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class BatchOfferItemDto {
  @ApiProperty() workerId: string;
  @ApiPropertyOptional({ description: '劳动力姓名（找不到或无权查看时不返回）' }) name?: string;
  @ApiProperty({ description: 'offered 已发送 / already_offered 之前已发送（重试） / failed 未发送' }) outcome: 'offered' | 'already_offered' | 'failed';
  @ApiPropertyOptional() applicationId?: string;
  @ApiPropertyOptional({ description: '未发送的原因' }) reason?: string;
}

export class BatchOfferResultDto {
  @ApiProperty() jobOrderId: string;
  @ApiProperty() idempotencyKey: string;
  @ApiProperty() offered: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: '重试时为 true：返回的是第一次的结果' }) replayed: boolean;
  @ApiProperty({ type: [BatchOfferItemDto] }) items: BatchOfferItemDto[];
}
