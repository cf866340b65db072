import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthUser, ForbiddenError, Role } from '@daogang/platform';
import { SearchEngine, SearchError } from '@daogang/search';
import type { SearchDocument, SearchFilter, SortSpec } from '@daogang/search';
import { RegionsService } from '../regions/regions.service.js';
import { ageOn } from '../values/id-number.js';
import { EMPLOYMENT_STATUS_ZH, EmploymentStatus } from '../workers/employment-status.js';
import { WorkerHitDto, WorkerSearchQueryDto, WorkerSearchResultDto } from './worker-search.dto.js';
import { WORKERS_INDEX } from './workers.index.js';
import { searchWorkersInDatabase } from './worker-search.fallback.js';

const dayNumber = (d: Date) => d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();

/**
 * Brokers and officers search the workers of their counties (the scope is a filter the server adds, never the
 * caller's choice); employers search anonymised profiles of people looking for work; admins search everyone.
 */
@Injectable()
export class WorkerSearchService {
  private readonly logger = new Logger(WorkerSearchService.name);

  constructor(
    private readonly engine: SearchEngine,
    private readonly regions: RegionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async search(user: AuthUser, dto: WorkerSearchQueryDto): Promise<WorkerSearchResultDto> {
    const filter = [...this.scope(user), ...this.filter(dto)];
    const near = dto.near ? this.regions.get(dto.near)?.centre : undefined;
    const sort: SortSpec[] | undefined =
      dto.sort === 'available' ? [{ field: 'availableDay', direction: 'asc' }]
      : dto.sort === 'completeness' ? [{ field: 'completeness', direction: 'desc' }]
      : dto.sort === 'distance' && near ? [{ geoPoint: { lat: near[1], lng: near[0] }, direction: 'asc' }]
      : undefined;
    const anonymous = user.role === Role.Employer;
    try {
      const result = await this.engine.search(WORKERS_INDEX, {
        q: dto.q?.trim() || undefined, filter, sort, facets: ['status', 'wishCategories', 'countyCode'],
        limit: dto.pageSize, offset: (dto.page - 1) * dto.pageSize,
      });
      return {
        items: result.hits.map((hit) => this.hit(hit, anonymous)),
        total: result.estimatedTotalHits,
        page: dto.page,
        pageSize: dto.pageSize,
        facets: result.facetDistribution ?? {},
        engine: result.engine,
        degraded: false,
      };
    } catch (error) {
      if (!(error instanceof SearchError) || (error as { name: string }).name === 'SearchQueryError') throw error;
      this.logger.warn(`search engine unavailable, answering from the database: ${(error as Error).message}`);
      const found = await searchWorkersInDatabase(this.dataSource, this.regions, user, dto);
      return {
        items: found.hits.map((hit) => this.hit(hit, anonymous)),
        total: found.total, page: dto.page, pageSize: dto.pageSize, facets: found.facets, engine: 'database', degraded: true,
      };
    }
  }

  private scope(user: AuthUser): SearchFilter {
    switch (user.role) {
      case Role.Broker:
      case Role.Officer:
        return [{ field: 'countyCode', op: 'in', value: user.countyCodes.length ? user.countyCodes : ['------'] }];
      case Role.Employer:
        return [{ field: 'status', op: 'eq', value: EmploymentStatus.NotEmployed }];
      case Role.Admin:
      case Role.Coordinator:
        return [];
      default:
        throw new ForbiddenError();
    }
  }

  private filter(dto: WorkerSearchQueryDto): SearchFilter {
    const f: SearchFilter = [];
    if (dto.county) f.push({ field: 'countyCode', op: 'eq', value: dto.county });
    if (dto.status) f.push({ field: 'status', op: 'eq', value: dto.status });
    if (dto.skill) f.push({ field: 'skills', op: 'eq', value: dto.skill });
    if (dto.category) f.push({ field: 'wishCategories', op: 'eq', value: dto.category });
    if (dto.wantsToMove !== undefined) f.push({ field: 'wantsToMove', op: 'eq', value: dto.wantsToMove });
    if (dto.registeredPoor !== undefined) f.push({ field: 'registeredPoor', op: 'eq', value: dto.registeredPoor });
    if (dto.zeroEmployment !== undefined) f.push({ field: 'zeroEmploymentHousehold', op: 'eq', value: dto.zeroEmployment });
    if (dto.availableBy) f.push({ field: 'availableDay', op: 'lte', value: Number(dto.availableBy.replace(/-/g, '')) });
    const today = new Date();
    const bornBy = (age: number) => dayNumber(new Date(Date.UTC(today.getUTCFullYear() - age, today.getUTCMonth(), today.getUTCDate())));
    if (dto.ageMin !== undefined) f.push({ field: 'birthDay', op: 'lte', value: bornBy(dto.ageMin) });
    if (dto.ageMax !== undefined) f.push({ field: 'birthDay', op: 'gt', value: bornBy(dto.ageMax + 1) });
    return f;
  }

  private hit(doc: SearchDocument, anonymous: boolean): WorkerHitDto {
    const d = doc as SearchDocument & { _geoDistance?: number };
    const birth = String(d.birthDay);
    const age = ageOn(new Date(Date.UTC(Number(birth.slice(0, 4)), Number(birth.slice(4, 6)) - 1, Number(birth.slice(6, 8)))), new Date());
    const name = String(d.name);
    const available = Number(d.availableDay ?? 0);
    return {
      id: String(d.id),
      name: anonymous ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : name,
      sex: d.sex as 'M' | 'F',
      age,
      place: String(d.place),
      ...(anonymous ? {} : { village: `${d.township}${d.village}`, registeredPoor: Boolean(d.registeredPoor) }),
      status: EMPLOYMENT_STATUS_ZH[d.status as EmploymentStatus] ?? String(d.status),
      skills: d.skills as string[],
      wishCategories: d.wishCategories as string[],
      wantsToMove: Boolean(d.wantsToMove),
      ...(available ? { availableFrom: `${String(available).slice(0, 4)}-${String(available).slice(4, 6)}-${String(available).slice(6, 8)}` } : {}),
      ...(d._geoDistance !== undefined ? { distanceKm: Math.round(d._geoDistance / 100) / 10 } : {}),
    };
  }
}
