import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsMobile } from '@daogang/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { EMPLOYER_KINDS } from '../entities/employer.entity.js';
import type { EmployerKind, VerificationStatus } from '../entities/employer.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ContactInputDto {
  @ApiProperty({ example: '林晓红' }) @Transform(trim) @IsString() @MinLength(1, { message: '请填写联系人姓名' }) @MaxLength(32, { message: '联系人姓名不超过32字' })
  name: string;
  @ApiPropertyOptional({ example: '人事主管' }) @IsOptional() @IsString() @MaxLength(32, { message: '职务不超过32字' }) title?: string;
  @ApiProperty({ example: '13805920001' }) @IsMobile() mobile: string;
}

export class EmployerProfileDto {
  @ApiPropertyOptional({ example: '厦门集美宏泰电子有限公司' })
  @IsOptional() @Transform(trim) @IsString() @MinLength(2, { message: '企业名称至少2个字' }) @MaxLength(128, { message: '企业名称不超过128字' })
  name?: string;
  @ApiPropertyOptional({ example: '91350211MA2Y0000XX' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '').toUpperCase() : value)) @IsString()
  creditCode?: string;
  @ApiPropertyOptional({ enum: EMPLOYER_KINDS })
  @IsOptional() @IsIn(EMPLOYER_KINDS, { message: '单位类型无效，可选：enterprise（用工企业）、workshop（扶贫车间）、public_welfare（公益性岗位开发单位）' })
  kind?: EmployerKind;
  @ApiPropertyOptional({ example: '350211' }) @IsOptional() @Matches(/^\d{6}$/, { message: '县代码必须是6位数字（GB/T 2260）' }) countyCode?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(256, { message: '地址不超过256字' }) address?: string;
  @ApiPropertyOptional({ example: 118.1 }) @IsOptional() @IsNumber({}, { message: '经度必须是数字' }) @Min(73, { message: '经度应在中国境内（73–136）' }) @Max(136, { message: '经度应在中国境内（73–136）' }) lng?: number;
  @ApiPropertyOptional({ example: 24.58 }) @IsOptional() @IsNumber({}, { message: '纬度必须是数字' }) @Min(3, { message: '纬度应在中国境内（3–54）' }) @Max(54, { message: '纬度应在中国境内（3–54）' }) lat?: number;
  @ApiPropertyOptional({ type: [ContactInputDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(10, { message: '联系人最多10位' }) @ValidateNested({ each: true }) @Type(() => ContactInputDto)
  contacts?: ContactInputDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000, { message: '企业简介不超过4000字' }) description?: string;
}

export class UpdateEmployerDto extends EmployerProfileDto {
  @ApiProperty() @IsInt({ message: '缺少版本号（version）' }) version: number;
}

export class AccountInputDto {
  @ApiProperty({ example: 'hongtai_hr' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(/^[a-z][a-z0-9_.]{2,63}$/, { message: '账号需以字母开头，3至64位字母、数字、下划线或点' })
  username: string;
  @ApiProperty() @IsString() @Matches(/^(?=.*[A-Za-z])(?=.*\d).{8,128}$/, { message: '密码需8至128位，且同时包含字母和数字' }) password: string;
  @ApiProperty({ example: '林晓红' }) @Transform(trim) @IsString() @MinLength(1, { message: '请填写姓名' }) @MaxLength(32, { message: '姓名不超过32字' })
  displayName: string;
}

/** An employer signs its organisation up with its first account; an officer verifies it before it can publish. */
export class RegisterEmployerDto extends OmitType(EmployerProfileDto, ['name', 'creditCode', 'countyCode'] as const) {
  @ApiProperty() @Transform(trim) @IsString({ message: '请填写企业名称' }) @MinLength(2, { message: '企业名称至少2个字' }) @MaxLength(128, { message: '企业名称不超过128字' }) name: string;
  @ApiProperty() @IsDefined({ message: '请填写统一社会信用代码' }) @IsString({ message: '请填写统一社会信用代码' }) creditCode: string;
  @ApiProperty({ example: '350211' }) @IsDefined({ message: '请选择所在县' }) @Matches(/^\d{6}$/, { message: '县代码必须是6位数字（GB/T 2260）' }) countyCode: string;
  @ApiProperty({ type: AccountInputDto }) @ValidateNested() @Type(() => AccountInputDto) account: AccountInputDto;
}

export class VerifyEmployerDto {
  @ApiProperty({ enum: ['verified', 'rejected'] }) @IsIn(['verified', 'rejected'], { message: '审核结果只能是 verified 或 rejected' })
  decision: 'verified' | 'rejected';
  @ApiPropertyOptional({ example: '营业执照与名称不符' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200, { message: '理由不超过200字' })
  reason?: string;
}

export class ContactDto {
  @ApiProperty() name: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: '脱敏，除非是本企业或工作人员', example: '138****0001' }) mobile: string;
}

export class EmployerDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: '厦门集美宏泰电子有限公司' }) name: string;
  @ApiPropertyOptional() creditCode?: string;
  @ApiProperty({ enum: EMPLOYER_KINDS }) kind: EmployerKind;
  @ApiProperty({ example: '用工企业' }) kindName: string;
  @ApiPropertyOptional({ example: '350211' }) countyCode?: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional() lng?: number;
  @ApiPropertyOptional() lat?: number;
  @ApiProperty({ type: [ContactDto] }) contacts: ContactDto[];
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['pending', 'verified', 'rejected'] }) verification: VerificationStatus;
  @ApiProperty({ example: '已认证' }) verificationName: string;
  @ApiProperty() verificationReason: string;
}

export class EmployerQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从1开始' })
  page = 1;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' }) @Min(1, { message: '每页至少1条' }) @Max(100, { message: '每页最多100条' })
  pageSize = 20;
  @ApiPropertyOptional({ enum: ['pending', 'verified', 'rejected'] })
  @IsOptional() @IsIn(['pending', 'verified', 'rejected'], { message: '审核状态无效' }) verification?: VerificationStatus;
}

export class EmployerPageDto {
  @ApiProperty({ type: [EmployerDto] }) items: EmployerDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
