import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyScope, AuthUser, NotFoundError } from '@daogang/platform';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { EmployerDto, EmployerPageDto, PageQueryDto } from './dto/employer.dto.js';
import { Employer } from './entities/employer.entity.js';

/** Employers as each caller may see them: an employer account only its own organisation. */
@Injectable()
export class EmployersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(user: AuthUser, id: string): Promise<EmployerDto> {
    const employer = await this.scoped(user).andWhere('employer.id = :id', { id }).getOne();
    // Out of scope reads as absent: an employer cannot even learn that another organisation's id exists.
    if (!employer) throw new NotFoundError('企业', id);
    return toDto(employer);
  }

  async list(user: AuthUser, query: PageQueryDto): Promise<EmployerPageDto> {
    const [rows, total] = await this.scoped(user)
      .orderBy('employer.name', 'ASC')
      .addOrderBy('employer.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  private scoped(user: AuthUser): SelectQueryBuilder<Employer> {
    const qb = this.dataSource.getRepository(Employer).createQueryBuilder('employer');
    return applyScope(qb, user, { employer: 'employer.id' });
  }
}

function toDto(e: Employer): EmployerDto {
  return {
    id: e.id,
    name: e.name,
    ...(e.creditCode ? { creditCode: e.creditCode } : {}),
    ...(e.countyCode ? { countyCode: e.countyCode } : {}),
    ...(e.address ? { address: e.address } : {}),
  };
}
