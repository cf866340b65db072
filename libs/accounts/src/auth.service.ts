import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessTokenService, AppConfig, AuthUser, InvalidCredentialsError, RateLimiter } from '@daogang/platform';
import { DataSource } from 'typeorm';
import { LoginDto, RegisterWorkerDto, TokenPairDto } from './dto/auth.dto.js';
import { User } from './entities/user.entity.js';
import { hashPassword, verifyPassword } from './password.js';
import { RefreshTokenService } from './refresh-token.service.js';
import { UsersService } from './users.service.js';

/** Sign-in, sign-up, token refresh and sign-out. */
@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the account does not exist, so timing does not tell which logins exist. */
  private dummyHash: Promise<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly accessTokens: AccessTokenService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dummyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  async login(dto: LoginDto, clientIp: string): Promise<TokenPairDto> {
    await this.limiter.hit(`login:${clientIp}:${dto.login.toLowerCase()}`, this.config.LOGIN_RATE_LIMIT_PER_MINUTE, 60);
    const user = await this.users.findByLogin(dto.login);
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), dto.password);
    if (!user || !ok || user.status !== 'active') throw new InvalidCredentialsError();
    await this.dataSource.getRepository(User).update({ id: user.id }, { lastLoginAt: new Date() });
    return this.tokensFor(user, await this.refreshTokens.issue(user.id));
  }

  async register(dto: RegisterWorkerDto, clientIp: string): Promise<TokenPairDto> {
    await this.limiter.hit(`register:${clientIp}`, this.config.REGISTER_RATE_LIMIT_PER_MINUTE, 60);
    const user = await this.users.registerWorker(dto);
    return this.tokensFor(user, await this.refreshTokens.issue(user.id));
  }

  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.getActive(rotated.userId).catch(() => {
      throw new InvalidCredentialsError();
    });
    return this.tokensFor(user, rotated.refreshToken);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  private async tokensFor(user: User, refreshToken: string): Promise<TokenPairDto> {
    const auth: AuthUser = await this.users.authUserOf(user);
    return {
      accessToken: await this.accessTokens.sign(auth),
      refreshToken,
      expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
      user: this.users.toDto(user, auth),
    };
  }
}
