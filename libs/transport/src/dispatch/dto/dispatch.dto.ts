import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsDay } from '@daogang/platform';
import type { DispatchPlanStatus } from '../../entities/dispatch-plan.entity.js';

export class PlanOptionsDto {
  @ApiPropertyOptional({ example: [53, 45, 33], description: '可用车型座位数（大车优先，最后一辆可用小车）' })
  @IsOptional() @IsArray({ message: '座位数须为数组' }) @ArrayMinSize(1, { message: '至少一种车型' }) @ArrayMaxSize(5, { message: '最多5种车型' })
  @IsInt({ each: true, message: '座位数必须是整数' }) @Min(1, { each: true, message: '座位数至少为1' }) @Max(3000, { each: true, message: '座位数不超过3000' })
  seats?: number[];
  @ApiPropertyOptional({ example: 4, description: '每车最多上车点数' })
  @IsOptional() @IsInt({ message: '上车点数必须是整数' }) @Min(1, { message: '至少1个上车点' }) @Max(10, { message: '最多10个上车点' })
  maxStops?: number;
  @ApiPropertyOptional({ example: 40, description: '最长乘车时间（小时）' })
  @IsOptional() @IsInt({ message: '小时数必须是整数' }) @Min(1, { message: '至少1小时' }) @Max(72, { message: '不超过72小时' })
  maxRideHours?: number;
  @ApiPropertyOptional({ example: 2, description: '最多提前几天到达' })
  @IsOptional() @IsInt({ message: '天数必须是整数' }) @Min(0, { message: '不能为负' }) @Max(7, { message: '最多提前7天' })
  maxEarlyDays?: number;
}

export class CreatePlanDto {
  @ApiProperty({ example: '2027-02-25', description: '到岗日期从' }) @IsDay() startFrom: string;
  @ApiProperty({ example: '2027-03-05', description: '到岗日期至（最长31天）' }) @IsDay() startTo: string;
  @ApiPropertyOptional({ type: PlanOptionsDto }) @IsOptional() @ValidateNested() @Type(() => PlanOptionsDto) options?: PlanOptionsDto;
}

export class UnassignedQueryDto {
  @ApiProperty({ example: '2027-02-25' }) @IsDay() startFrom: string;
  @ApiProperty({ example: '2027-03-05' }) @IsDay() startTo: string;
}

export class DispatchPlanDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'planning', 'draft', 'confirmed', 'failed'] }) status: DispatchPlanStatus;
  @ApiProperty() startFrom: string;
  @ApiProperty() startTo: string;
  @ApiProperty() options: Record<string, unknown>;
  @ApiProperty({ description: '0–100' }) progress: number;
  @ApiPropertyOptional({ description: '车辆数、下界、公里数、未安排人员及原因、用时' }) summary?: Record<string, unknown>;
  @ApiProperty() error: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class UnassignedGroupDto {
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() workPlace: string;
  @ApiProperty() startDate: string;
  @ApiProperty() riders: number;
  @ApiProperty({ type: [Object], description: '每人：报名编号、姓名、户籍县、乡镇' })
  people: Array<{ applicationId: string; name: string; homeCounty: string; township: string }>;
}
