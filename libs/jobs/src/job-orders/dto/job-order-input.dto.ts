import { IsDay } from '@daogang/platform';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { JOB_CATEGORIES, SKILLS } from '@daogang/registry';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsDefined, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength,
} from 'class-validator';
import { BENEFITS, SHIFTS } from '../entities/job-order.entity.js';
import type { Benefit, Shift } from '../entities/job-order.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = '日期格式应为 YYYY-MM-DD，例如 2027-03-01';

/** Every editable field of a job order; all optional here, required ones enforced on create and on publish. */
export class JobOrderFieldsDto {
  @ApiPropertyOptional({ example: '电子厂普工（长白班，包吃住）' })
  @IsOptional() @Transform(trim) @IsString() @MinLength(4, { message: '标题至少4个字' }) @MaxLength(60, { message: '标题不超过60字' })
  title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000, { message: '岗位描述不超过4000字' }) description?: string;
  @ApiPropertyOptional({ enum: JOB_CATEGORIES })
  @IsOptional() @IsIn(JOB_CATEGORIES, { message: `工种无效，可选：${JOB_CATEGORIES.join('、')}` }) category?: string;
  @ApiPropertyOptional({ example: 50 })
  @IsOptional() @IsInt({ message: '招聘人数必须是整数' }) @Min(1, { message: '招聘人数至少1人' }) @Max(5000, { message: '招聘人数不超过5000人' }) headcount?: number;
  @ApiPropertyOptional({ example: 5000 })
  @IsOptional() @IsInt({ message: '月薪必须是整数（元）' }) @Min(1000, { message: '月薪下限不低于1000元' }) @Max(100000, { message: '月薪不超过100000元' }) wageMin?: number;
  @ApiPropertyOptional({ example: 7000 })
  @IsOptional() @IsInt({ message: '月薪必须是整数（元）' }) @Min(1000, { message: '月薪上限不低于1000元' }) @Max(100000, { message: '月薪不超过100000元' }) wageMax?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: '必须是 true 或 false' }) pieceRate?: boolean;
  @ApiPropertyOptional({ example: '每件0.8元，多劳多得' }) @IsOptional() @IsString() @MaxLength(200, { message: '计件说明不超过200字' }) pieceRateNote?: string;
  @ApiPropertyOptional({ enum: BENEFITS, isArray: true })
  @IsOptional() @IsArray() @ArrayMaxSize(4) @IsIn(BENEFITS, { each: true, message: '福利无效，可选：dorm（包住）、meals（包吃）、insurance（五险）、travel（报销路费）' })
  benefits?: Benefit[];
  @ApiPropertyOptional({ example: '350211' }) @IsOptional() @Matches(/^\d{6}$/, { message: '县代码必须是6位数字（GB/T 2260）' }) workCountyCode?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(256, { message: '地址不超过256字' }) workAddress?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '经度必须是数字' }) @Min(73) @Max(136) lng?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '纬度必须是数字' }) @Min(3) @Max(54) lat?: number;
  @ApiPropertyOptional({ enum: SHIFTS }) @IsOptional() @IsIn(SHIFTS, { message: '班制无效，可选：day（长白班）、two_shift（两班倒）、three_shift（三班倒）、flexible（弹性）' }) shift?: Shift;
  @ApiPropertyOptional({ example: '2027-03-01' }) @IsOptional() @IsDay(DATE) startDate?: string;
  @ApiPropertyOptional({ example: '2027-02-28', description: '到期自动结束' }) @IsOptional() @IsDay(DATE) expiresOn?: string;
  @ApiPropertyOptional({ example: 18 }) @IsOptional() @IsInt({ message: '年龄必须是整数' }) @Min(16, { message: '最低年龄不得低于16周岁' }) @Max(70, { message: '年龄不超过70' }) ageMin?: number;
  @ApiPropertyOptional({ example: 45 }) @IsOptional() @IsInt({ message: '年龄必须是整数' }) @Min(16, { message: '最高年龄不得低于16周岁' }) @Max(70, { message: '年龄不超过70' }) ageMax?: number;
  @ApiPropertyOptional({ enum: SKILLS, isArray: true })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsIn(SKILLS, { each: true, message: '技能不在标准列表中' }) requiredSkills?: string[];
  @ApiPropertyOptional({ example: ['电工证'] })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(50, { each: true, message: '证书名称不超过50字' }) requiredCertificates?: string[];
  @ApiPropertyOptional({ description: '以岗定训' }) @IsOptional() @IsBoolean({ message: '必须是 true 或 false' }) trainingOffered?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200, { message: '培训说明不超过200字' }) trainingNote?: string;
  @ApiPropertyOptional({ description: '适合残疾人' }) @IsOptional() @IsBoolean({ message: '必须是 true 或 false' }) accessible?: boolean;
}

export class CreateJobOrderDto extends OmitType(JobOrderFieldsDto, ['title', 'category', 'headcount', 'wageMin', 'wageMax', 'startDate'] as const) {
  @ApiPropertyOptional({ description: '管理员代企业发布时指定' }) @IsOptional() @Matches(/^[0-9a-f-]{36}$/, { message: '企业编号无效' }) employerId?: string;
  @ApiProperty() @IsDefined({ message: '请填写标题' }) @Transform(trim) @IsString({ message: '请填写标题' }) @MinLength(4, { message: '标题至少4个字' }) @MaxLength(60, { message: '标题不超过60字' }) title: string;
  @ApiProperty({ enum: JOB_CATEGORIES }) @IsDefined({ message: '请选择工种' }) @IsIn(JOB_CATEGORIES, { message: `工种无效，可选：${JOB_CATEGORIES.join('、')}` }) category: string;
  @ApiProperty() @IsDefined({ message: '请填写招聘人数' }) @IsInt({ message: '招聘人数必须是整数' }) @Min(1, { message: '招聘人数至少1人' }) @Max(5000, { message: '招聘人数不超过5000人' }) headcount: number;
  @ApiProperty() @IsDefined({ message: '请填写月薪下限' }) @IsInt({ message: '月薪必须是整数（元）' }) @Min(1000, { message: '月薪下限不低于1000元' }) @Max(100000) wageMin: number;
  @ApiProperty() @IsDefined({ message: '请填写月薪上限' }) @IsInt({ message: '月薪必须是整数（元）' }) @Min(1000, { message: '月薪上限不低于1000元' }) @Max(100000) wageMax: number;
  @ApiProperty() @IsDefined({ message: '请填写到岗日期' }) @IsDay(DATE) startDate: string;
}

export class UpdateJobOrderDto extends JobOrderFieldsDto {
  @ApiProperty() @IsInt({ message: '缺少版本号（version）' }) version: number;
}

export const TRANSITIONS = ['publish', 'pause', 'resume', 'close', 'mark_filled'] as const;
export type Transition = (typeof TRANSITIONS)[number];

export class TransitionDto {
  @ApiProperty({ enum: TRANSITIONS }) @IsIn(TRANSITIONS, { message: `操作无效，可选：${TRANSITIONS.join('、')}` }) action: Transition;
  @ApiProperty() @IsInt({ message: '缺少版本号（version）' }) version: number;
  @ApiPropertyOptional({ example: '已招满' }) @IsOptional() @IsString() @MaxLength(200, { message: '说明不超过200字' }) reason?: string;
}
