import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsDay, IsMobile } from '@daogang/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min,
  MinLength, ValidateNested,
} from 'class-validator';
import { DISABILITY_KINDS, EDUCATION_LEVELS, EmploymentStatus, JOB_CATEGORIES, SKILLS } from '../employment-status.js';
import type { Education } from '../employment-status.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const COUNTY = /^\d{6}$/;
const DATE_MESSAGE = '日期格式应为 YYYY-MM-DD，例如 2026-03-01';

export class DisabilityDto {
  @ApiProperty({ enum: DISABILITY_KINDS }) @IsIn(DISABILITY_KINDS, { message: `残疾类别无效，可选：${DISABILITY_KINDS.join('、')}` })
  kind: string;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt({ message: '残疾等级为1至4级' }) @Min(1, { message: '残疾等级为1至4级' }) @Max(4, { message: '残疾等级为1至4级' })
  grade: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100, { message: '适合的工作不超过100字' })
  suitableWork?: string;
}

export class CertificateDto {
  @ApiProperty({ example: '电工证' }) @Transform(trim) @IsString() @MinLength(1, { message: '请填写证书名称' }) @MaxLength(50, { message: '证书名称不超过50字' })
  name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50, { message: '证书编号不超过50字' }) number?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50, { message: '发证机关不超过50字' }) issuer?: string;
  @ApiPropertyOptional() @IsOptional() @IsDay(DATE_MESSAGE) issuedOn?: string;
}

export class TrainingDto {
  @ApiProperty({ example: '电子装配工岗前培训' }) @Transform(trim) @IsString() @MinLength(1, { message: '请填写培训项目' }) @MaxLength(50, { message: '培训项目不超过50字' })
  course: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50, { message: '培训机构不超过50字' }) provider?: string;
  @ApiPropertyOptional() @IsOptional() @IsDay(DATE_MESSAGE) completedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50, { message: '证书不超过50字' }) certificate?: string;
}

/** Everything about a worker that can be edited (the ID number is set on creation). */
export class WorkerProfileDto {
  @ApiPropertyOptional({ example: '139 0000 0001' }) @IsOptional() @IsMobile() mobile?: string;
  @ApiPropertyOptional({ description: '经纪人已电话核实手机号' }) @IsOptional() @IsBoolean({ message: '必须是 true 或 false' }) mobileVerified?: boolean;

  @ApiPropertyOptional({ description: '户编号：已有则加入该户，没有则新建', example: '6229250101001' })
  @IsOptional() @Transform(trim) @Matches(/^[0-9A-Za-z-]{4,32}$/, { message: '户编号为4至32位数字或字母' })
  householdNo?: string;

  @ApiPropertyOptional({ description: '户籍所在县（GB/T 2260）', example: '622925' })
  @IsOptional() @Matches(COUNTY, { message: '县代码必须是6位数字（GB/T 2260）' })
  homeCountyCode?: string;
  @ApiPropertyOptional({ example: '城关镇' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(64, { message: '乡镇不超过64字' }) township?: string;
  @ApiPropertyOptional({ example: '陈家集村' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(64, { message: '村不超过64字' }) village?: string;

  @ApiPropertyOptional({ description: '建档立卡' }) @IsOptional() @IsBoolean({ message: '必须是 true 或 false' }) registeredPoor?: boolean;
  @ApiPropertyOptional({ type: DisabilityDto, nullable: true })
  @IsOptional() @ValidateNested() @Type(() => DisabilityDto) disability?: DisabilityDto | null;
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS })
  @IsOptional() @IsIn(EDUCATION_LEVELS, { message: `文化程度无效，可选：${EDUCATION_LEVELS.join('、')}` }) education?: Education;
  @ApiPropertyOptional({ enum: SKILLS, isArray: true })
  @IsOptional() @IsArray({ message: '技能必须是列表' }) @ArrayMaxSize(20, { message: '技能最多20项' })
  @IsIn(SKILLS, { each: true, message: '技能不在标准列表中，其他技能请写在“技能说明”' }) skills?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500, { message: '技能说明不超过500字' }) skillsNote?: string;
  @ApiPropertyOptional({ type: [CertificateDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20, { message: '证书最多20项' }) @ValidateNested({ each: true }) @Type(() => CertificateDto)
  certificates?: CertificateDto[];
  @ApiPropertyOptional({ type: [TrainingDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50, { message: '培训记录最多50项' }) @ValidateNested({ each: true }) @Type(() => TrainingDto)
  trainings?: TrainingDto[];

  @ApiPropertyOptional({ enum: JOB_CATEGORIES, isArray: true })
  @IsOptional() @IsArray() @ArrayMaxSize(10, { message: '意向工种最多10项' })
  @IsIn(JOB_CATEGORIES, { each: true, message: `意向工种无效，可选：${JOB_CATEGORIES.join('、')}` }) wishCategories?: string[];
  @ApiPropertyOptional({ description: '意向省份代码', example: ['350000'] })
  @IsOptional() @IsArray() @ArrayMaxSize(34) @Matches(COUNTY, { each: true, message: '省份代码必须是6位数字' }) wishProvinces?: string[];
  @ApiPropertyOptional({ description: '意向城市代码', example: ['350200'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(COUNTY, { each: true, message: '城市代码必须是6位数字' }) wishCities?: string[];
  @ApiPropertyOptional({ example: 5000 })
  @IsOptional() @IsInt({ message: '期望月薪必须是整数（元）' }) @Min(0, { message: '期望月薪不能为负' }) @Max(100000, { message: '期望月薪不超过100000元' })
  minMonthlyWage?: number | null;
  @ApiPropertyOptional({ description: '愿意外出（省外）务工' }) @IsOptional() @IsBoolean({ message: '必须是 true 或 false' }) wantsToMove?: boolean;
  @ApiPropertyOptional({ description: '希望参加培训' }) @IsOptional() @IsBoolean({ message: '必须是 true 或 false' }) wantsTraining?: boolean;
  @ApiPropertyOptional({ description: '希望自主创业' }) @IsOptional() @IsBoolean({ message: '必须是 true 或 false' }) wantsBusiness?: boolean;
  @ApiPropertyOptional({ example: '2027-02-20' }) @IsOptional() @IsDay(DATE_MESSAGE) availableFrom?: string | null;

  @ApiPropertyOptional({ example: '马秀兰' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(32, { message: '紧急联系人姓名不超过32字' }) emergencyContactName?: string;
  @ApiPropertyOptional() @IsOptional() @IsMobile() emergencyContactMobile?: string;
}

/** A broker registers a worker (or a worker their own profile). */
export class CreateWorkerDto extends OmitType(WorkerProfileDto, ['homeCountyCode'] as const) {
  @ApiProperty({ example: '马小军' })
  @Transform(trim) @IsString({ message: '请填写姓名' }) @MinLength(1, { message: '请填写姓名' }) @MaxLength(32, { message: '姓名不超过32字' })
  @Matches(/^[\u3400-\u9fff\u00b7·a-zA-Z\s]+$/, { message: '姓名只能包含汉字、字母和间隔号“·”' })
  name: string;

  @ApiProperty({ example: '62292519900315123X', description: '18位居民身份证号' })
  @IsString({ message: '请填写身份证号' }) @MinLength(1, { message: '请填写身份证号' }) @MaxLength(24, { message: '身份证号应为18位' })
  idNumber: string;

  @ApiProperty({ example: '622925' }) @Matches(COUNTY, { message: '县代码必须是6位数字（GB/T 2260）' }) homeCountyCode: string;

  @ApiPropertyOptional({ enum: EmploymentStatus, default: EmploymentStatus.NotEmployed })
  @IsOptional() @IsEnum(EmploymentStatus, { message: `就业状态无效，可选：${Object.values(EmploymentStatus).join('、')}` })
  employmentStatus?: EmploymentStatus;
}

export class UpdateWorkerDto extends WorkerProfileDto {
  @ApiProperty({ description: '读取时的版本号；他人已修改时返回409' })
  @IsInt({ message: '缺少版本号（version）' }) @Min(1, { message: '版本号无效' })
  version: number;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(1, { message: '请填写姓名' }) @MaxLength(32, { message: '姓名不超过32字' })
  name?: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: EmploymentStatus })
  @IsEnum(EmploymentStatus, { message: `就业状态无效，可选：${Object.values(EmploymentStatus).join('、')}` })
  status: EmploymentStatus;
  @ApiPropertyOptional({ example: '已到厦门宏泰电子上岗' }) @IsOptional() @IsString() @MaxLength(200, { message: '说明不超过200字' })
  note?: string;
}
