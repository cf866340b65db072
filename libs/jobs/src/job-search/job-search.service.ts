import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@daogang/platform';
import { Role } from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import { SearchEngine, SearchError, SearchQuery, SearchResult } from '@daogang/search';
import type { SearchDocument, SearchFilter, SortSpec } from '@daogang/search';
import { DataSource } from 'typeorm';
import { BENEFIT_ZH, SHIFT_ZH } from '../job-orders/entities/job-order.entity.js';
import type { Benefit, Shift } from '../job-orders/entities/job-order.entity.js';
import { searchJobsInDatabase } from './job-search.fallback.js';
import { JobHitDto, JobSearchQueryDto, JobSearchResultDto } from './job-search.dto.js';
import { dayNumber, JOBS_INDEX } from './jobs.index.js';

const FACETS = ['category', 'cityCode', 'benefits', 'shift'];
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a worker on a phone and a broker at a desk find: the jobs index, with a database fallback. */
@Injectable()
export class JobSearchService {
  private readonly logger = new Logger(JobSearchService.name);

  constructor(
    private readonly engine: SearchEngine,
    private readonly regions: RegionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async search(user: AuthUser | undefined, dto: JobSearchQueryDto): Promise<JobSearchResultDto> {
    const origin = await this.origin(user, dto.from);
    const query: SearchQuery = {
      q: dto.q?.trim() || undefined,
      filter: this.filter(dto),
      facets: FACETS,
      sort: this.sort(dto, origin),
      limit: dto.pageSize,
      offset: (dto.page - 1) * dto.pageSize,
      highlight: ['title'],
    };
    let result: SearchResult;
    let degraded = false;
    try {
      result = await this.engine.search(JOBS_INDEX, query);
      // Nothing matches every word (叉车 宁波 with no forklift job in Ningbo): drop words from the end, as a person
      // would, rather than show an empty page.
      if (result.estimatedTotalHits === 0 && query.q && /\s/.test(query.q.trim())) {
        result = await this.engine.search(JOBS_INDEX, { ...query, matchingStrategy: 'last' });
      }
    } catch (error) {
      if (!(error instanceof SearchError) || (error as { name: string }).name === 'SearchQueryError') throw error;
      this.logger.warn(`search engine unavailable, answering from the database: ${(error as Error).message}`);
      result = await searchJobsInDatabase(this.dataSource, this.regions, dto, query);
      degraded = true;
    }
    return {
      items: result.hits.map((hit) => this.hit(hit, origin?.code)),
      total: result.estimatedTotalHits,
      page: dto.page,
      pageSize: dto.pageSize,
      facets: this.facets(result.facetDistribution ?? {}),
      engine: degraded ? 'database' : result.engine,
      degraded,
      processingTimeMs: result.processingTimeMs,
    };
  }

  private filter(dto: JobSearchQueryDto): SearchFilter {
    const filter: SearchFilter = [];
    if (dto.province) filter.push({ field: 'provinceCode', op: 'eq', value: dto.province });
    if (dto.city) filter.push({ field: 'cityCode', op: 'eq', value: dto.city });
    if (dto.county) filter.push({ field: 'countyCode', op: 'eq', value: dto.county });
    if (dto.category) filter.push({ field: 'category', op: 'eq', value: dto.category });
    if (dto.minWage !== undefined) filter.push({ field: 'wageMax', op: 'gte', value: dto.minWage });
    for (const benefit of dto.benefits ?? []) filter.push({ field: 'benefits', op: 'eq', value: benefit });
    if (dto.startFrom) filter.push({ field: 'startDay', op: 'gte', value: dayNumber(dto.startFrom) });
    if (dto.startTo) filter.push({ field: 'startDay', op: 'lte', value: dayNumber(dto.startTo) });
    if (dto.accessible !== undefined) filter.push({ field: 'accessible', op: 'eq', value: dto.accessible });
    if (dto.training !== undefined) filter.push({ field: 'trainingOffered', op: 'eq', value: dto.training });
    return filter;
  }

  private sort(dto: JobSearchQueryDto, origin?: { lat: number; lng: number }): SortSpec[] | undefined {
    switch (dto.sort) {
      case 'wage':
        return [{ field: 'wageMax', direction: 'desc' }];
      case 'start':
        return [{ field: 'startDay', direction: 'asc' }];
      case 'newest':
        return [{ field: 'publishedAt', direction: 'desc' }];
      case 'distance':
        return origin ? [{ geoPoint: { lat: origin.lat, lng: origin.lng }, direction: 'asc' }] : undefined;
      case 'relevance':
      default:
        return dto.q ? undefined : [{ field: 'publishedAt', direction: 'desc' }];
    }
  }

  /** Where distances are measured from: the given county, else a signed-in worker's home county. */
  private async origin(user: AuthUser | undefined, from?: string): Promise<{ code: string; lat: number; lng: number } | undefined> {
    let code = from;
    if (!code && user?.role === Role.Worker) {
      const [row] = await this.dataSource.query('SELECT home_county_code FROM workers WHERE user_id = $1', [user.id]);
      code = row?.home_county_code;
    }
    const centre = code ? this.regions.get(code)?.centre : undefined;
    return code && centre ? { code, lng: centre[0], lat: centre[1] } : undefined;
  }

  private hit(doc: SearchDocument, from?: string): JobHitDto {
    const d = doc as SearchDocument & { _formatted?: Record<string, string>; _geoDistance?: number };
    const distance = d._geoDistance !== undefined ? Math.round(d._geoDistance / 100) / 10 : from ? this.regions.distanceKm(from, String(d.countyCode)) : undefined;
    return {
      id: String(d.id),
      title: String(d.title),
      titleHighlighted: d._formatted?.title ?? escapeHtml(String(d.title)),
      category: String(d.category),
      employerName: String(d.employerName),
      place: String(d.place),
      countyCode: String(d.countyCode),
      wageMin: Number(d.wageMin),
      wageMax: Number(d.wageMax),
      benefits: (d.benefits as Benefit[]).map((b) => BENEFIT_ZH[b]),
      shiftName: SHIFT_ZH[d.shift as Shift],
      startDate: String(d.startDate),
      placesLeft: Number(d.placesLeft),
      accessible: Boolean(d.accessible),
      trainingOffered: Boolean(d.trainingOffered),
      ...(distance !== undefined ? { distanceKm: distance } : {}),
    };
  }

  private facets(distribution: Record<string, Record<string, number>>): JobSearchResultDto['facets'] {
    const named = (field: string, name: (v: string) => string) =>
      Object.entries(distribution[field] ?? {})
        .map(([value, count]) => ({ value, name: name(value), count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      category: named('category', (v) => v),
      city: named('cityCode', (v) => this.regions.get(v)?.name ?? v),
      benefits: named('benefits', (v) => BENEFIT_ZH[v as Benefit] ?? v),
      shift: named('shift', (v) => SHIFT_ZH[v as Shift] ?? v),
    };
  }
}
