import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, beijingDay, NotFoundError, Role, ValidationFailedError } from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import type { DataSource } from 'typeorm';
import type { CountyChangeDto, CountyRankDto, DashboardDto, DashboardQueryDto, RankBy } from '../dto/report.dto.js';
import { ReportSummaryService } from '../summary/report-summary.service.js';
import { addCounts, changeOf, type Counts, figures, rankOrder } from './county-figures.js';

/**
 * 日调度 日排名: per county — labourers, employment by destination class, completeness, zero-employment households,
 * overdue follow-ups, open cases — ranked, with the change since the previous snapshot. Reads report_county_counts
 * (today, after a fold) or report_daily (a past day): a few rows per county, never the base tables.
 *
 * Scope: an officer sees every county of the provinces their counties are in (the ranking is among peers), their own
 * flagged `mine`; an admin sees every county.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summary: ReportSummaryService,
    private readonly regions: RegionsService,
  ) {}

  async dashboard(user: AuthUser, query: DashboardQueryDto): Promise<DashboardDto> {
    const today = beijingDay();
    const day = query.day ?? today;
    if (day > today) throw new ValidationFailedError([{ field: 'day', message: '统计日不能晚于今天' }]);
    const rankBy: RankBy = query.rankBy ?? 'employmentRate';
    const provinces = this.provincesOf(user);
    const live = day === today;
    let current: Map<string, Counts>;
    if (live) {
      await this.summary.fold();
      current = await this.read(`SELECT county_code, metric, n FROM report_county_counts WHERE n <> 0`, [], provinces);
    } else {
      current = await this.read(`SELECT county_code, metric, n FROM report_daily WHERE day = $1::date`, [day], provinces);
      if (!current.size && !(await this.hasSnapshot(day))) throw new NotFoundError('该日的统计快照', day);
    }
    const [{ previous }] = await this.dataSource.query(
      `SELECT max(day)::text AS previous FROM report_daily WHERE day < $1::date`, [day],
    );
    const before = previous ? await this.read(`SELECT county_code, metric, n FROM report_daily WHERE day = $1::date`, [previous], provinces) : null;

    const mine = new Set(user.role === Role.Admin ? [] : user.countyCodes);
    const ranked = this.rank(current, rankBy);
    const previousRanks = before ? new Map(this.rank(before, rankBy).map((f, i) => [f.countyCode, i + 1])) : null;
    const counties: CountyRankDto[] = ranked.map((f, i) => {
      const rank = i + 1;
      let change: CountyChangeDto | null = null;
      if (before) {
        const p = figures(f.countyCode, f.countyName, before.get(f.countyCode) ?? new Map());
        const prevRank = previousRanks!.get(f.countyCode);
        change = { ...changeOf(f, p), rank: prevRank === undefined ? null : prevRank - rank };
      }
      return { ...f, rank, mine: mine.has(f.countyCode), change };
    });
    const sum = (counts: Map<string, Counts>) => figures('total', '合计', [...counts.values()].reduce((t, c) => addCounts(t, c), new Map()));
    const total = sum(current);
    const totalChange = before ? { ...changeOf(total, sum(before)), rank: null } : null;
    return { day, live, previousDay: previous ?? null, rankBy, counties, total, totalChange };
  }

  /** The two-digit province codes the user may compare across; undefined = all (admin). */
  provincesOf(user: AuthUser): string[] | undefined {
    if (user.role === Role.Admin) return undefined;
    return [...new Set(user.countyCodes.map((c) => c.slice(0, 2)))];
  }

  /** The county's official name (和政县); the code when the region list does not know it. */
  countyName(code: string): string {
    return this.regions.get(code)?.name ?? code;
  }

  private rank(counts: Map<string, Counts>, by: RankBy) {
    return [...counts.entries()].map(([code, c]) => figures(code, this.countyName(code), c)).sort(rankOrder(by));
  }

  private async read(sql: string, params: unknown[], provinces: string[] | undefined): Promise<Map<string, Counts>> {
    const scoped = provinces ? `${sql} AND left(county_code, 2) = ANY($${params.length + 1}::text[])` : sql;
    const rows: Array<{ county_code: string; metric: string; n: string }> = await this.dataSource.query(scoped, provinces ? [...params, provinces] : params);
    const out = new Map<string, Counts>();
    for (const r of rows) {
      let c = out.get(r.county_code);
      if (!c) out.set(r.county_code, (c = new Map()));
      c.set(r.metric, Number(r.n));
    }
    return out;
  }

  private async hasSnapshot(day: string): Promise<boolean> {
    const [{ exists }] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM report_daily WHERE day = $1::date) AS exists`, [day]);
    return exists;
  }
}
