import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuthUser,
  ConflictError,
  maskMobile,
  NotFoundError,
  PiiCipher,
  Role,
  ROLE_NAMES_ZH,
  ValidationFailedError,
} from '@daogang/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUserDto, RegisterWorkerDto } from './dto/auth.dto.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { User } from './entities/user.entity.js';
import { UserCounty } from './entities/user-county.entity.js';
import { hashPassword } from './password.js';

/** Accounts: creating them, finding them for login, and describing them to their owner. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
  ) {}

  registerWorker(dto: RegisterWorkerDto): Promise<User> {
    return this.create({ role: Role.Worker, mobile: dto.mobile, password: dto.password, displayName: dto.displayName });
  }

  /** One transaction: the user and their county assignments, or nothing. */
  async create(dto: CreateUserDto): Promise<User> {
    this.checkShape(dto);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction((manager) => this.insert(manager, dto, passwordHash));
  }

  /** Inside the caller's transaction (e.g. an employer's organisation and its first account together). */
  async createIn(manager: EntityManager, dto: CreateUserDto): Promise<User> {
    this.checkShape(dto);
    return this.insert(manager, dto, await hashPassword(dto.password));
  }

  private async insert(manager: EntityManager, dto: CreateUserDto, passwordHash: string): Promise<User> {
    await this.assertFree(manager, dto);
    const repo = manager.getRepository(User);
    const user = await repo.save(
      repo.create({
        role: dto.role,
        username: dto.username ?? null,
        mobileHash: dto.mobile ? this.pii.hash('mobile', dto.mobile) : null,
        mobileEncrypted: dto.mobile ? this.pii.encrypt(dto.mobile) : null,
        displayName: dto.displayName,
        passwordHash,
        employerId: dto.employerId ?? null,
        status: 'active',
      }),
    );
    const counties = [...new Set(dto.countyCodes ?? [])];
    if (counties.length) {
      await manager.getRepository(UserCounty).insert(counties.map((countyCode) => ({ userId: user.id, countyCode })));
    }
    return user;
  }

  /** Looks an account up by mobile number (workers) or user name (staff). */
  findByLogin(login: string): Promise<User | null> {
    const repo = this.dataSource.getRepository(User);
    const mobile = login.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
    if (/^1[3-9]\d{9}$/.test(mobile)) return repo.findOneBy({ mobileHash: this.pii.hash('mobile', mobile) });
    return repo.findOneBy({ username: login.toLowerCase() });
  }

  async authUserOf(user: User): Promise<AuthUser> {
    const counties = await this.dataSource.getRepository(UserCounty).findBy({ userId: user.id });
    return {
      id: user.id,
      role: user.role,
      employerId: user.employerId ?? undefined,
      countyCodes: counties.map((c) => c.countyCode).sort(),
    };
  }

  async getActive(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user || user.status !== 'active') throw new NotFoundError('账号', id);
    return user;
  }

  async describe(auth: AuthUser): Promise<AuthUserDto> {
    return this.toDto(await this.getActive(auth.id), auth);
  }

  /** The one mapper of a user to the outside: the mobile number is always masked here. */
  toDto(user: User, auth: AuthUser): AuthUserDto {
    return {
      id: user.id,
      role: user.role,
      roleName: ROLE_NAMES_ZH[user.role],
      displayName: user.displayName,
      ...(user.mobileEncrypted ? { mobile: maskMobile(this.pii.decrypt(user.mobileEncrypted)) } : {}),
      ...(user.username ? { username: user.username } : {}),
      ...(user.employerId ? { employerId: user.employerId } : {}),
      countyCodes: auth.countyCodes,
    };
  }

  private checkShape(dto: CreateUserDto): void {
    const errors = [];
    if (!dto.username && !dto.mobile) errors.push({ field: 'mobile', message: '手机号和账号至少填写一项' });
    if (dto.role === Role.Employer && !dto.employerId) errors.push({ field: 'employerId', message: '企业账号必须指定所属企业' });
    if (dto.role !== Role.Employer && dto.employerId) errors.push({ field: 'employerId', message: '只有企业账号可以指定所属企业' });
    if ((dto.role === Role.Broker || dto.role === Role.Officer) && !dto.countyCodes?.length) {
      errors.push({ field: 'countyCodes', message: '经纪人和县级干部必须指定负责的县' });
    }
    if (errors.length) throw new ValidationFailedError(errors);
  }

  private async assertFree(manager: EntityManager, dto: CreateUserDto): Promise<void> {
    const repo = manager.getRepository(User);
    if (dto.mobile) {
      const existing = await repo.findOneBy({ mobileHash: this.pii.hash('mobile', dto.mobile) });
      if (existing) throw new ConflictError('该手机号已注册，请直接登录', { field: 'mobile' });
    }
    if (dto.username && (await repo.existsBy({ username: dto.username }))) {
      throw new ConflictError('该账号已存在', { field: 'username' });
    }
  }
}
