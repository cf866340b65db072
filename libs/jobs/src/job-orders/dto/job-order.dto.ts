import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Benefit, JobOrderStatus, Shift } from '../entities/job-order.entity.js';

export class JobOrderDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() employerId: string;
  @ApiProperty({ example: '厦门集美宏泰电子有限公司' }) employerName: string;
  @ApiProperty() employerVerified: boolean;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() category: string;
  @ApiProperty() headcount: number;
  @ApiProperty() placesFilled: number;
  @ApiProperty() placesLeft: number;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty() pieceRate: boolean;
  @ApiProperty() pieceRateNote: string;
  @ApiProperty({ type: [String] }) benefits: Benefit[];
  @ApiProperty({ type: [String], example: ['包吃', '包住'] }) benefitNames: string[];
  @ApiProperty() workCountyCode: string;
  @ApiProperty({ example: '福建省 厦门市 集美区' }) workPlace: string;
  @ApiProperty() workAddress: string;
  @ApiPropertyOptional() lng?: number;
  @ApiPropertyOptional() lat?: number;
  @ApiProperty() shift: Shift;
  @ApiProperty({ example: '长白班' }) shiftName: string;
  @ApiProperty() startDate: string;
  @ApiProperty() expiresOn: string;
  @ApiProperty() ageMin: number;
  @ApiProperty() ageMax: number;
  @ApiProperty({ type: [String] }) requiredSkills: string[];
  @ApiProperty({ type: [String] }) requiredCertificates: string[];
  @ApiProperty() trainingOffered: boolean;
  @ApiProperty() trainingNote: string;
  @ApiProperty() accessible: boolean;
  @ApiProperty({ enum: ['draft', 'published', 'paused', 'filled', 'closed'] }) status: JobOrderStatus;
  @ApiProperty({ example: '招聘中' }) statusName: string;
  @ApiPropertyOptional() publishedAt?: string;
  @ApiPropertyOptional() closedAt?: string;
  @ApiProperty() closeReason: string;
  @ApiProperty() updatedAt: string;
}

export class JobOrderQueryDto {
  @ApiPropertyOptional({ enum: ['draft', 'published', 'paused', 'filled', 'closed'] })
  @IsOptional() @IsIn(['draft', 'published', 'paused', 'filled', 'closed'], { message: '状态无效' }) status?: JobOrderStatus;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' }) page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1) @Max(100, { message: '每页最多100条' }) pageSize = 20;
}

export class JobOrderPageDto {
  @ApiProperty({ type: [JobOrderDto] }) items: JobOrderDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
