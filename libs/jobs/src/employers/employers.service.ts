import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UsersService } from '@daogang/accounts';
import {
  applyScope, AuthUser, ConflictError, ForbiddenError, maskMobile, NotFoundError, Outbox, PiiCipher, Role, ValidationFailedError,
} from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { JOBS_TOPIC } from '../job-orders/job-order-topics.js';
import { CREDIT_CODE_MESSAGES, checkCreditCode } from '../values/credit-code.js';
import {
  EmployerDto, EmployerPageDto, EmployerProfileDto, EmployerQueryDto, RegisterEmployerDto, UpdateEmployerDto, VerifyEmployerDto,
} from './dto/employer.dto.js';
import { Employer, EMPLOYER_KIND_ZH, VERIFICATION_ZH } from './entities/employer.entity.js';

/** Employers: sign-up with a first account, profile, officer verification; each caller sees what their role may. */
@Injectable()
export class EmployersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly pii: PiiCipher,
    private readonly regions: RegionsService,
    private readonly outbox: Outbox,
  ) {}

  /** The organisation (pending verification) and its first employer account, in one transaction. */
  async register(dto: RegisterEmployerDto): Promise<{ employer: EmployerDto; username: string }> {
    this.validate(dto);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(Employer).existsBy({ creditCode: dto.creditCode })) {
        throw new ConflictError('该统一社会信用代码已注册，请联系本企业管理员开通账号', { field: 'creditCode' });
      }
      const repo = manager.getRepository(Employer);
      const employer = repo.create({ verification: 'pending', contacts: [], description: '', kind: 'enterprise' });
      this.apply(employer, dto);
      const saved = await repo.save(employer);
      await this.users.createIn(manager, { role: Role.Employer, employerId: saved.id, ...dto.account });
      return { employer: this.toDto(saved, true), username: dto.account.username };
    });
  }

  async get(user: AuthUser, id: string): Promise<EmployerDto> {
    const employer = await this.scoped(this.dataSource.manager, user).andWhere('employer.id = :id', { id }).getOne();
    // Out of scope reads as absent: an employer cannot even learn that another organisation's id exists.
    if (!employer) throw new NotFoundError('企业', id);
    return this.toDto(employer, this.maySeeContacts(user, employer));
  }

  async list(user: AuthUser, query: EmployerQueryDto): Promise<EmployerPageDto> {
    const qb = this.scoped(this.dataSource.manager, user);
    if (query.verification) qb.andWhere('employer.verification = :v', { v: query.verification });
    const [rows, total] = await qb
      .orderBy('employer.name', 'ASC')
      .addOrderBy('employer.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((e) => this.toDto(e, this.maySeeContacts(user, e))), total, page: query.page, pageSize: query.pageSize };
  }

  /** Changing the name or the credit code sends the organisation back to verification. */
  async update(user: AuthUser, id: string, dto: UpdateEmployerDto): Promise<EmployerDto> {
    this.validate(dto);
    let announced = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const visible = await this.scoped(manager, user).andWhere('employer.id = :id', { id }).getOne();
      if (!visible) throw new NotFoundError('企业', id);
      const employer = await manager.getRepository(Employer).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (employer.version !== dto.version) throw new ConflictError('企业信息已被他人修改，请刷新后重试', { currentVersion: employer.version });
      const identityChanged = (dto.name !== undefined && dto.name !== employer.name) || (dto.creditCode !== undefined && dto.creditCode !== employer.creditCode);
      const shown = { name: employer.name, verification: employer.verification };
      this.apply(employer, dto);
      if (identityChanged && user.role !== Role.Admin) {
        Object.assign(employer, { verification: 'pending', verificationReason: '名称或信用代码已修改，需重新审核', verifiedBy: null, verifiedAt: null });
      }
      const saved = await manager.getRepository(Employer).save(employer);
      if (shown.name !== saved.name || shown.verification !== saved.verification) announced = await this.announceJobs(manager, id);
      return this.toDto(saved, true);
    });
    if (announced) this.outbox.notify(JOBS_TOPIC);
    return result;
  }

  async verify(user: AuthUser, id: string, dto: VerifyEmployerDto): Promise<EmployerDto> {
    if (dto.decision === 'rejected' && !dto.reason) throw new ValidationFailedError([{ field: 'reason', message: '不通过时请说明理由' }]);
    let announced = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const employer = await manager.getRepository(Employer).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!employer) throw new NotFoundError('企业', id);
      const before = employer.verification;
      Object.assign(employer, { verification: dto.decision, verificationReason: dto.reason ?? '', verifiedBy: user.id, verifiedAt: new Date() });
      const saved = await manager.getRepository(Employer).save(employer);
      if (before !== saved.verification) announced = await this.announceJobs(manager, id);
      return this.toDto(saved, true);
    });
    if (announced) this.outbox.notify(JOBS_TOPIC);
    return result;
  }

  /**
   * The employer's name and verification show on each of its job pages and search hits: their orders go through the
   * outbox again so the search index and the cached public pages follow (drafts are on neither).
   */
  private async announceJobs(manager: EntityManager, employerId: string): Promise<boolean> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM job_orders WHERE employer_id = $1 AND status <> 'draft'`, [employerId]);
    await this.outbox.record(manager, JOBS_TOPIC, rows.map((r) => r.id));
    return rows.length > 0;
  }

  /** For other domains (job orders): the employer row, or a NotFoundError. */
  async require(manager: EntityManager, id: string): Promise<Employer> {
    const employer = await manager.getRepository(Employer).findOneBy({ id });
    if (!employer) throw new NotFoundError('企业', id);
    return employer;
  }

  private scoped(manager: EntityManager, user: AuthUser): SelectQueryBuilder<Employer> {
    return applyScope(manager.getRepository(Employer).createQueryBuilder('employer'), user, { employer: 'employer.id' });
  }

  private maySeeContacts(user: AuthUser, employer: Employer): boolean {
    return user.role !== Role.Employer || user.employerId === employer.id;
  }

  private validate(dto: EmployerProfileDto): void {
    const errors: Array<{ field: string; message: string }> = [];
    if (dto.creditCode !== undefined) {
      const problem = checkCreditCode(dto.creditCode);
      if (problem) errors.push({ field: 'creditCode', message: CREDIT_CODE_MESSAGES[problem] });
    }
    if (dto.countyCode !== undefined && !this.regions.isCounty(dto.countyCode)) {
      errors.push({ field: 'countyCode', message: `没有代码为 ${dto.countyCode} 的县（区）` });
    }
    if ((dto.lng === undefined) !== (dto.lat === undefined)) errors.push({ field: 'lat', message: '经纬度需同时填写' });
    if (errors.length) throw new ValidationFailedError(errors);
  }

  private apply(employer: Employer, dto: EmployerProfileDto): void {
    if (dto.name !== undefined) employer.name = dto.name;
    if (dto.creditCode !== undefined) employer.creditCode = dto.creditCode;
    if (dto.kind !== undefined) employer.kind = dto.kind;
    if (dto.address !== undefined) employer.address = dto.address;
    if (dto.description !== undefined) employer.description = dto.description;
    if (dto.countyCode !== undefined) {
      employer.countyCode = dto.countyCode;
      // Coordinates default to the county's centre until the employer gives its own.
      const centre = this.regions.get(dto.countyCode)?.centre;
      if (dto.lng === undefined && centre) [employer.lng, employer.lat] = centre;
    }
    if (dto.lng !== undefined && dto.lat !== undefined) [employer.lng, employer.lat] = [dto.lng, dto.lat];
    if (dto.contacts !== undefined) {
      employer.contacts = dto.contacts.map((c) => ({
        name: c.name, title: c.title ?? '', mobileEncrypted: this.pii.encrypt(c.mobile), mobileMasked: maskMobile(c.mobile),
      }));
    }
  }

  /** The one mapper: contact phones in full only for the organisation itself and staff. */
  private toDto(e: Employer, contacts: boolean): EmployerDto {
    return {
      id: e.id,
      version: e.version,
      name: e.name,
      ...(e.creditCode ? { creditCode: e.creditCode } : {}),
      kind: e.kind,
      kindName: EMPLOYER_KIND_ZH[e.kind],
      ...(e.countyCode ? { countyCode: e.countyCode } : {}),
      ...(e.address ? { address: e.address } : {}),
      ...(e.lng !== null && e.lat !== null ? { lng: e.lng, lat: e.lat } : {}),
      contacts: e.contacts.map((c) => ({ name: c.name, title: c.title, mobile: contacts ? this.pii.decrypt(c.mobileEncrypted) : c.mobileMasked })),
      description: e.description,
      verification: e.verification,
      verificationName: VERIFICATION_ZH[e.verification],
      verificationReason: e.verificationReason,
    };
  }

  /** Guard for publishing: only a verified organisation may publish. */
  static assertVerified(employer: Employer): void {
    if (employer.verification !== 'verified') {
      throw new ForbiddenError(employer.verification === 'rejected'
        ? `企业审核未通过（${employer.verificationReason}），不能发布招聘`
        : '企业尚未通过审核，可以保存草稿，审核通过后才能发布');
    }
  }
}
