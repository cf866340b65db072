import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsMobile, Role } from '@daogang/platform';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LoginDto {
  @ApiProperty({ description: '手机号（务工人员）或账号（工作人员）', example: '13900000001' })
  @Transform(trim)
  @IsString({ message: '请输入手机号或账号' })
  @IsNotEmpty({ message: '请输入手机号或账号' })
  @MaxLength(64, { message: '账号不能超过64个字符' })
  login: string;

  @ApiProperty({ example: 'daogang123' })
  @IsString({ message: '请输入密码' })
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(128, { message: '密码不能超过128个字符' })
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString({ message: '缺少刷新令牌' })
  @IsNotEmpty({ message: '缺少刷新令牌' })
  @MaxLength(200, { message: '刷新令牌无效' })
  refreshToken: string;
}

export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;
export const PASSWORD_MESSAGE = '密码需8至128位，且同时包含字母和数字';

/** A worker signs themselves up on the web with a mobile number. */
export class RegisterWorkerDto {
  @ApiProperty({ example: '13912345678' })
  @IsMobile()
  mobile: string;

  @ApiProperty({ example: 'mima2026' })
  @IsString({ message: PASSWORD_MESSAGE })
  @Matches(PASSWORD_RULE, { message: PASSWORD_MESSAGE })
  password: string;

  @ApiProperty({ example: '马小军' })
  @Transform(trim)
  @IsString({ message: '请填写姓名' })
  @MinLength(1, { message: '请填写姓名' })
  @MaxLength(32, { message: '姓名不能超过32个字' })
  displayName: string;
}

export class AuthUserDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ example: '劳务经纪人' }) roleName: string;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ description: '脱敏手机号', example: '139****5678' }) mobile?: string;
  @ApiPropertyOptional() username?: string;
  @ApiPropertyOptional() employerId?: string;
  @ApiProperty({ type: [String], description: '负责的县（GB/T 2260 代码）' }) countyCodes: string[];
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: AuthUserDto }) user: AuthUserDto;
}
