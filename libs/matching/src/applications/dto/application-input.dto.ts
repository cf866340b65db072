import { IsDay } from '@daogang/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_ACTIONS } from '../application-lifecycle.js';
import type { ApplicationAction } from '../application-lifecycle.js';
import { APPLICATION_STATUSES, CONSENT_METHODS, SUBSIDY_KINDS } from '../application-status.js';
import type { ApplicationStatus, ConsentMethod, SubsidyKind } from '../application-status.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = '日期格式应为 YYYY-MM-DD，例如 2027-03-01';

/** How the worker agreed when a broker acts for them. */
export class ConsentDto {
  @ApiProperty({ enum: CONSENT_METHODS, description: 'in_person 当面 / phone 电话 / wechat 微信 / written 书面' })
  @IsIn(CONSENT_METHODS, { message: '确认方式无效，可选：in_person（当面）、phone（电话）、wechat（微信）、written（书面）' })
  method: ConsentMethod;
  @ApiPropertyOptional({ example: '11月20日电话联系本人，同意报名' })
  @IsOptional() @Transform(trim) @IsString({ message: '说明必须是文字' }) @MaxLength(200, { message: '说明不超过200字' })
  note?: string;
}

export class CreateApplicationDto {
  @ApiProperty() @IsUUID('all', { message: '招聘订单编号无效' }) jobOrderId: string;
  @ApiPropertyOptional({ description: '经纪人代报名、企业邀请时必填；务工人员本人报名时不填' })
  @IsOptional() @IsUUID('all', { message: '劳动力编号无效' })
  workerId?: string;
  @ApiPropertyOptional({ type: ConsentDto, description: '经纪人代为报名时必填：本人同意的方式' })
  @IsOptional() @ValidateNested() @Type(() => ConsentDto)
  consent?: ConsentDto;
}

export class ApplicationTransitionDto {
  @ApiProperty({ enum: APPLICATION_ACTIONS })
  @IsIn(APPLICATION_ACTIONS, { message: `操作无效，可选：${APPLICATION_ACTIONS.join('、')}` })
  action: ApplicationAction;
  @ApiPropertyOptional({ description: '乐观锁：传入则必须与当前版本一致' })
  @IsOptional() @IsInt({ message: '版本号必须是整数' })
  version?: number;
  @ApiPropertyOptional({ example: '家中有事，暂不外出' })
  @IsOptional() @Transform(trim) @IsString({ message: '原因必须是文字' }) @MaxLength(200, { message: '原因不超过200字' })
  reason?: string;
  @ApiPropertyOptional({ example: '2027-03-01', description: 'place：约定上岗日期（必填）' })
  @IsOptional() @IsDay(DATE)
  startDate?: string;
  @ApiPropertyOptional({ example: '2027-03-02', description: 'arrive / leave：到岗或离职日期，默认今天' })
  @IsOptional() @IsDay(DATE)
  date?: string;
  @ApiPropertyOptional({ type: ConsentDto, description: '经纪人代为接受或拒绝时必填' })
  @IsOptional() @ValidateNested() @Type(() => ConsentDto)
  consent?: ConsentDto;
}

export class ApplicationQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '招聘订单编号无效' }) jobOrderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '劳动力编号无效' }) workerId?: string;
  @ApiPropertyOptional({ description: '逗号分隔，如 offered,accepted', example: 'offered,accepted' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value))
  @IsIn(APPLICATION_STATUSES, { each: true, message: `状态无效，可选：${APPLICATION_STATUSES.join('、')}` })
  status?: ApplicationStatus[];
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' })
  @Max(10000, { message: '页码不超过10000' })
  page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少1条' }) @Max(200, { message: '每页最多200条' })
  pageSize = 20;
}

export class BatchOfferDto {
  @ApiProperty({ type: [String], description: '要发录用意向的劳动力（最多200人）' })
  @IsArray({ message: '请选择劳动力' }) @ArrayMinSize(1, { message: '至少选择1人' }) @ArrayMaxSize(200, { message: '一次最多200人' })
  @ArrayUnique({ message: '劳动力有重复' }) @IsUUID('all', { each: true, message: '劳动力编号无效' })
  workerIds: string[];
  @ApiProperty({ description: '幂等键：重试同一批时带同一个键，结果不会重复', example: 'c7f1d0a2-offer-batch-1' })
  @IsString({ message: '请提供幂等键' }) @Matches(/^[A-Za-z0-9_.:-]{8,64}$/, { message: '幂等键为8–64位字母、数字或 _.:-' })
  idempotencyKey: string;
}

export class ClaimSubsidyDto {
  @ApiProperty({ enum: SUBSIDY_KINDS })
  @IsIn(SUBSIDY_KINDS, { message: '补贴类型无效，可选：one_off_hiring（一次性吸纳就业补贴）、on_job_training（以工代训补贴）、transport（交通补贴）、social_insurance（社保补贴）' })
  kind: SubsidyKind;
  @ApiProperty({ example: 1000, description: '金额（元）' })
  @IsInt({ message: '金额必须是整数（元）' }) @Min(0, { message: '金额不能为负' }) @Max(100000, { message: '金额不超过100000元' })
  amount: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString({ message: '说明必须是文字' }) @MaxLength(200, { message: '说明不超过200字' }) note?: string;
}

export class ApplicationSummaryQueryDto {
  @ApiProperty() @IsUUID('all', { message: '招聘订单编号无效' }) jobOrderId: string;
}
