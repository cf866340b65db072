import type { RegionsService } from '@daogang/registry';
import type { SearchQuery, SearchResult } from '@daogang/search';
import type { DataSource } from 'typeorm';
import { JobOrder } from '../job-orders/entities/job-order.entity.js';
import type { JobSearchQueryDto } from './job-search.dto.js';
import { JobsIndex } from './jobs.index.js';

/**
 * When the search engine is away, answer from PostgreSQL: the same filters, words matched with ILIKE (no
 * sub-word segmentation, no pinyin, no typo tolerance), newest or by wage/start date, and the category facet.
 * Slower and plainer, but a worker still finds jobs; the response says `degraded: true`.
 */
export async function searchJobsInDatabase(
  dataSource: DataSource,
  regions: RegionsService,
  dto: JobSearchQueryDto,
  query: SearchQuery,
): Promise<SearchResult> {
  const started = Date.now();
  const qb = dataSource.getRepository(JobOrder).createQueryBuilder('job').innerJoinAndSelect('job.employer', 'employer')
    .where("job.status = 'published'");
  const words = (dto.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  words.forEach((word, i) => {
    qb.andWhere(`(job.title ILIKE :w${i} ESCAPE '\\' OR job.description ILIKE :w${i} ESCAPE '\\' OR job.category ILIKE :w${i} ESCAPE '\\')`, {
      [`w${i}`]: `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    });
  });
  const counties = (prefix: string) => regions.all('county').filter((r) => r.code.startsWith(prefix)).map((r) => r.code);
  if (dto.county) qb.andWhere('job.work_county_code = :county', { county: dto.county });
  else if (dto.city) qb.andWhere('job.work_county_code IN (:...cityCounties)', { cityCounties: [dto.city, ...counties(dto.city.slice(0, 4))] });
  else if (dto.province) qb.andWhere('job.work_county_code IN (:...provCounties)', { provCounties: counties(dto.province.slice(0, 2)) });
  if (dto.category) qb.andWhere('job.category = :category', { category: dto.category });
  if (dto.minWage !== undefined) qb.andWhere('job.wage_max >= :minWage', { minWage: dto.minWage });
  if (dto.benefits?.length) qb.andWhere('job.benefits @> :benefits', { benefits: dto.benefits });
  if (dto.startFrom) qb.andWhere('job.start_date >= :startFrom', { startFrom: dto.startFrom });
  if (dto.startTo) qb.andWhere('job.start_date <= :startTo', { startTo: dto.startTo });
  if (dto.accessible !== undefined) qb.andWhere('job.accessible = :accessible', { accessible: dto.accessible });
  if (dto.training !== undefined) qb.andWhere('job.training_offered = :training', { training: dto.training });
  const order = dto.sort === 'wage' ? ['job.wageMax', 'DESC'] : dto.sort === 'start' ? ['job.startDate', 'ASC'] : ['job.publishedAt', 'DESC'];
  qb.orderBy(order[0], order[1] as 'ASC' | 'DESC').addOrderBy('job.id', 'ASC');
  const facetRows: Array<{ category: string; n: number }> = await qb.clone().select('job.category', 'category').addSelect('count(*)::int', 'n')
    .orderBy().groupBy('job.category').getRawMany();
  const [rows, total] = await qb.skip(query.offset ?? 0).take(query.limit ?? 20).getManyAndCount();
  const index = new JobsIndex(regions);
  return {
    hits: rows.map((job) => index.document(job)),
    estimatedTotalHits: total,
    facetDistribution: { category: Object.fromEntries(facetRows.map((r) => [r.category, r.n])) },
    processingTimeMs: Date.now() - started,
    offset: query.offset ?? 0,
    limit: query.limit ?? 20,
    engine: 'embedded',
  };
}
