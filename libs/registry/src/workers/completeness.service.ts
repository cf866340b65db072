import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, beijingDay, Role } from '@daogang/platform';
import { DataSource } from 'typeorm';
import { CompletenessDaily } from './entities/completeness-daily.entity.js';
import type { CompletenessGroupDto, CompletenessRankDto } from './dto/completeness.dto.js';

/** A record is complete when nothing is missing or unverified (信息完整率 counts complete records). */
const COMPLETE = 'cardinality(w.missing_fields) = 0';

/** 信息完整率 per village and county, and the daily ranking of counties (日排名). */
@Injectable()
export class CompletenessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byGroup(user: AuthUser, groupBy: 'county' | 'village', county?: string): Promise<CompletenessGroupDto[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (county) {
      params.push(county);
      where.push(`w.home_county_code = $${params.length}`);
    }
    if (user.role === Role.Broker || user.role === Role.Officer) {
      params.push(user.countyCodes);
      where.push(`w.home_county_code = ANY($${params.length})`);
    }
    const keys = groupBy === 'village' ? 'w.home_county_code, w.township, w.village' : 'w.home_county_code';
    const rows = await this.dataSource.query(
      `SELECT ${keys}, count(*)::int AS workers, count(*) FILTER (WHERE ${COMPLETE})::int AS complete,
              round(avg(w.completeness), 1)::float AS average_score
         FROM workers w ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        GROUP BY ${keys} ORDER BY ${keys}`,
      params,
    );
    return rows.map((r: Record<string, unknown>) => ({
      countyCode: r.home_county_code as string,
      ...(groupBy === 'village' ? { township: r.township as string, village: r.village as string } : {}),
      workers: r.workers as number,
      complete: r.complete as number,
      completeRate: rate(r.complete as number, r.workers as number),
      averageScore: r.average_score as number,
    }));
  }

  /** Takes today's snapshot (idempotent: re-running replaces today's rows). Run daily by the worker. */
  async snapshot(day = beijingDay()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.delete(CompletenessDaily, { day });
      await manager.query(
        `INSERT INTO completeness_daily (day, county_code, workers, complete, score_sum)
         SELECT $1::date, w.home_county_code, count(*), count(*) FILTER (WHERE ${COMPLETE}), sum(w.completeness)
           FROM workers w GROUP BY w.home_county_code`,
        [day],
      );
      return manager.countBy(CompletenessDaily, { day });
    });
  }

  /** Counties ranked by completeness on `day` (taken now if not yet taken), with the change since the day before. */
  async ranking(day = beijingDay()): Promise<CompletenessRankDto[]> {
    // Today's figure is taken afresh on every call (a day is only final once it is over); past days are kept as taken.
    const repo = this.dataSource.getRepository(CompletenessDaily);
    if (day === beijingDay() || !(await repo.existsBy({ day }))) await this.snapshot(day);
    const rows = await this.dataSource.query(
      `WITH today AS (SELECT county_code, workers, complete, score_sum FROM completeness_daily WHERE day = $1::date),
            before AS (SELECT county_code, workers, complete FROM completeness_daily WHERE day = $1::date - 1)
       SELECT t.county_code, t.workers, t.complete, t.score_sum::float / greatest(t.workers, 1) AS average_score,
              b.workers AS prev_workers, b.complete AS prev_complete
         FROM today t LEFT JOIN before b USING (county_code)`,
      [day],
    );
    const ranked = rows
      .map((r: Record<string, number | string | null>) => {
        const completeRate = rate(Number(r.complete), Number(r.workers));
        const previous = r.prev_workers === null ? undefined : rate(Number(r.prev_complete), Number(r.prev_workers));
        return {
          countyCode: r.county_code as string,
          workers: Number(r.workers),
          complete: Number(r.complete),
          completeRate,
          averageScore: Math.round(Number(r.average_score) * 10) / 10,
          ...(previous !== undefined ? { changeSinceYesterday: Math.round((completeRate - previous) * 10) / 10 } : {}),
        };
      })
      .sort((a: { completeRate: number; countyCode: string }, b: { completeRate: number; countyCode: string }) =>
        b.completeRate - a.completeRate || a.countyCode.localeCompare(b.countyCode));
    return ranked.map((r: Omit<CompletenessRankDto, 'rank' | 'day'>, i: number) => ({ rank: i + 1, day, ...r }));
  }
}

/** Percent with one decimal. */
function rate(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}
