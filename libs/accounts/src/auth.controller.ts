import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { Authenticated, CurrentUser, Public, SkipIdempotency } from '@daogang/platform';
import { AuthService } from './auth.service.js';
import { AuthUserDto, LoginDto, RefreshDto, RegisterWorkerDto, TokenPairDto } from './dto/auth.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('auth')
@SkipIdempotency() // answers carry tokens: never stored; a repeated registration is a 409 on the mobile anyway
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录：务工人员用手机号，工作人员用账号；按来源地址和账号限流' })
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.login(dto, ip);
  }

  @Post('register')
  @Public()
  @ApiOperation({ summary: '务工人员自助注册（手机号 + 密码），返回登录令牌' })
  register(@Body() dto: RegisterWorkerDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.register(dto, ip);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '用刷新令牌换新令牌（每次轮换，旧令牌作废）' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录：作废刷新令牌' })
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser): Promise<AuthUserDto> {
    return this.users.describe(user);
  }
}
