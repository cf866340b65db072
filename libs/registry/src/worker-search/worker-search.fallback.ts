import type { AuthUser } from '@daogang/platform';
import { Role } from '@daogang/platform';
import type { SearchDocument } from '@daogang/search';
import type { DataSource } from 'typeorm';
import type { RegionsService } from '../regions/regions.service.js';
import { Worker } from '../workers/entities/worker.entity.js';
import { EmploymentStatus } from '../workers/employment-status.js';
import type { WorkerSearchQueryDto } from './worker-search.dto.js';
import { WorkersIndex } from './workers.index.js';

const escapeLike = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * When the search engine is away, answer from PostgreSQL: the same scope and filters, words matched with ILIKE on
 * name, township, village and the skills note (no pinyin, no typo tolerance), sorted by availability, completeness or
 * name (distance is not offered), and the status facet. The documents are built as the index builds them, so a hit
 * looks the same; the response says `degraded: true`.
 */
export async function searchWorkersInDatabase(
  dataSource: DataSource,
  regions: RegionsService,
  user: AuthUser,
  dto: WorkerSearchQueryDto,
): Promise<{ hits: SearchDocument[]; total: number; facets: Record<string, Record<string, number>> }> {
  const qb = dataSource.getRepository(Worker).createQueryBuilder('w').leftJoinAndSelect('w.household', 'household');
  if (user.role === Role.Broker || user.role === Role.Officer) {
    qb.andWhere('w.home_county_code IN (:...scope)', { scope: user.countyCodes.length ? user.countyCodes : ['------'] });
  } else if (user.role === Role.Employer) {
    qb.andWhere('w.employment_status = :open', { open: EmploymentStatus.NotEmployed });
  }
  (dto.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5).forEach((word, i) => {
    qb.andWhere(`(w.name ILIKE :w${i} ESCAPE '\\' OR w.township ILIKE :w${i} ESCAPE '\\' OR w.village ILIKE :w${i} ESCAPE '\\' OR w.skills_note ILIKE :w${i} ESCAPE '\\')`,
      { [`w${i}`]: escapeLike(word) });
  });
  if (dto.county) qb.andWhere('w.home_county_code = :county', { county: dto.county });
  if (dto.status) qb.andWhere('w.employment_status = :status', { status: dto.status });
  if (dto.skill) qb.andWhere(':skill = ANY(w.skills)', { skill: dto.skill });
  if (dto.category) qb.andWhere(':category = ANY(w.wish_categories)', { category: dto.category });
  if (dto.wantsToMove !== undefined) qb.andWhere('w.wants_to_move = :move', { move: dto.wantsToMove });
  if (dto.registeredPoor !== undefined) qb.andWhere('w.registered_poor = :poor', { poor: dto.registeredPoor });
  if (dto.zeroEmployment !== undefined) qb.andWhere('coalesce(household.zero_employment, false) = :zero', { zero: dto.zeroEmployment });
  if (dto.availableBy) qb.andWhere('w.available_from <= :by', { by: dto.availableBy });
  if (dto.ageMin !== undefined) qb.andWhere(`w.birth_date <= (now() AT TIME ZONE 'Asia/Shanghai')::date - make_interval(years => :ageMin)`, { ageMin: dto.ageMin });
  if (dto.ageMax !== undefined) qb.andWhere(`w.birth_date > (now() AT TIME ZONE 'Asia/Shanghai')::date - make_interval(years => :ageMax + 1)`, { ageMax: dto.ageMax });

  const facetRows: Array<{ status: string; n: number }> = await qb.clone().select('w.employment_status', 'status')
    .addSelect('count(*)::int', 'n').groupBy('w.employment_status').getRawMany();
  if (dto.sort === 'available') qb.orderBy('w.available_from', 'ASC', 'NULLS LAST');
  else if (dto.sort === 'completeness') qb.orderBy('w.completeness', 'DESC');
  else qb.orderBy('w.name', 'ASC');
  const rows = await qb.addOrderBy('w.id', 'ASC').skip((dto.page - 1) * dto.pageSize).take(dto.pageSize).getMany();
  const index = new WorkersIndex(regions);
  return {
    hits: rows.map((w) => index.document(w)),
    total: facetRows.reduce((n, r) => n + r.n, 0),
    facets: { status: Object.fromEntries(facetRows.map((r) => [r.status, r.n])) },
  };
}
