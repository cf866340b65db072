import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsMobile, Role } from '@daogang/platform';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MESSAGE, PASSWORD_RULE } from './auth.dto.js';

/** An admin opens an account for a staff member (or a worker). */
export class CreateUserDto {
  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: `角色无效，可选：${Object.values(Role).join('、')}` })
  role: Role;

  @ApiPropertyOptional({ example: 'broker_hezheng' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(/^[a-z][a-z0-9_.]{2,63}$/, { message: '账号需以字母开头，3至64位字母、数字、下划线或点' })
  username?: string;

  @ApiPropertyOptional({ example: '13912345678' })
  @IsOptional()
  @IsMobile()
  mobile?: string;

  @ApiProperty()
  @IsString({ message: PASSWORD_MESSAGE })
  @Matches(PASSWORD_RULE, { message: PASSWORD_MESSAGE })
  password: string;

  @ApiProperty({ example: '马建国' })
  @IsString({ message: '请填写姓名' })
  @MinLength(1, { message: '请填写姓名' })
  @MaxLength(32, { message: '姓名不能超过32个字' })
  displayName: string;

  @ApiPropertyOptional({ description: '企业账号所属企业' })
  @IsOptional()
  @IsUUID('all', { message: '企业编号无效' })
  employerId?: string;

  @ApiPropertyOptional({ type: [String], description: '经纪人/干部负责的县代码' })
  @IsOptional()
  @IsArray({ message: '负责的县必须是列表' })
  @ArrayMaxSize(200, { message: '负责的县最多200个' })
  @Matches(/^\d{6}$/, { each: true, message: '县代码必须是6位数字（GB/T 2260）' })
  countyCodes?: string[];
}
