import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, beijingDay, beijingMidnightSql, ForbiddenError, Role, ValidationFailedError } from '@daogang/platform';
import { EMPLOYMENT_STATUS_ZH, EmploymentStatus, RegionsService } from '@daogang/registry';
import type { DataSource } from 'typeorm';
import type {
  DestinationPageDto, DestinationRowDto, DestinationTableQueryDto, VillageRowDto, VillagesDto, VillagesQueryDto,
} from '../dto/report.dto.js';
import { DESTINATION_STATUS, type Destination, Metric } from '../summary/report-metrics.js';
import { ReportSummaryService } from '../summary/report-summary.service.js';
import { type Counts, destinations, figures } from '../dashboard/county-figures.js';
import { DashboardService } from '../dashboard/dashboard.service.js';

const DESTINATION_OF = new Map<string, Destination>(Object.entries(DESTINATION_STATUS).map(([d, s]) => [s, d as Destination]));

/** The first status change on or after the comparison day (its `from` is the status on that day; NULL: registered since). */
const firstChangeSince = (since: string) => `
  SELECT c.from_status FROM worker_status_changes c
   WHERE c.worker_id = w.id AND c.changed_at >= ${since}
   ORDER BY c.changed_at, c.id LIMIT 1`;

/**
 * 劳动就业去向表: per village of a county, counts by destination class (from report_counts) and, per labourer, where
 * they work and what changed since a chosen day (from the workers of that village and their status history).
 */
@Injectable()
export class DestinationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summary: ReportSummaryService,
    private readonly dashboard: DashboardService,
    private readonly regions: RegionsService,
  ) {}

  async villages(user: AuthUser, query: VillagesQueryDto): Promise<VillagesDto> {
    this.checkCounty(user, query.countyCode);
    checkSince(query.since);
    await this.summary.fold();
    const rows: Array<{ township: string; village: string; metric: string; n: string }> = await this.dataSource.query(
      `SELECT township, village, metric, n FROM report_counts
        WHERE county_code = $1 AND n <> 0 AND (metric LIKE 'status:%' OR metric = ANY($2::text[]))`,
      [query.countyCode, [Metric.Workers, Metric.Complete, Metric.Score, Metric.Households, Metric.ZeroHouseholds]],
    );
    const places = new Map<string, { township: string; village: string; counts: Counts }>();
    for (const r of rows) {
      const key = `${r.township}\u0000${r.village}`;
      let place = places.get(key);
      if (!place) places.set(key, (place = { township: r.township, village: r.village, counts: new Map() }));
      place.counts.set(r.metric, Number(r.n));
    }
    const changes = new Map<string, { changed: number; registered: number }>();
    if (query.since) {
      // The county's workers whose status moved since the day (workers_county_status_changed_idx), each with the first
      // change since then; status_changed_at moves with every change (an hour's margin for clocks, the change decides).
      const since = beijingMidnightSql('$2');
      const changed: Array<{ township: string; village: string; changed: number; registered: number }> = await this.dataSource.query(
        `SELECT w.township, w.village,
                count(*) FILTER (WHERE f.from_status IS NOT NULL AND f.from_status <> w.employment_status)::int AS changed,
                count(*) FILTER (WHERE f.from_status IS NULL)::int AS registered
           FROM workers w
          CROSS JOIN LATERAL (${firstChangeSince(since)}) f
          WHERE w.home_county_code = $1 AND w.status_changed_at >= ${since} - interval '1 hour'
          GROUP BY 1, 2`,
        [query.countyCode, query.since],
      );
      for (const c of changed) changes.set(`${c.township}\u0000${c.village}`, c);
    }
    const villages: VillageRowDto[] = [...places.entries()]
      .filter(([, p]) => (p.counts.get(Metric.Workers) ?? 0) > 0 || (p.counts.get(Metric.Households) ?? 0) > 0)
      .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
      .map(([key, p]) => {
        const f = figures(query.countyCode, '', p.counts);
        const change = changes.get(key);
        return {
          township: p.township, village: p.village, workers: f.workers, employed: f.employed, employmentRate: f.employmentRate,
          destinations: destinations(p.counts), completenessRate: f.completenessRate, households: f.households,
          zeroHouseholds: f.zeroHouseholds,
          changed: query.since ? (change?.changed ?? 0) : null, registered: query.since ? (change?.registered ?? 0) : null,
        };
      });
    return { countyCode: query.countyCode, countyName: this.dashboard.countyName(query.countyCode), since: query.since ?? null, villages };
  }

  async table(user: AuthUser, query: DestinationTableQueryDto): Promise<DestinationPageDto> {
    this.checkCounty(user, query.countyCode);
    checkTableQuery(query);
    const { where, params } = this.filter(query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM workers w ${where}`, params);
    const items = await this.rows(query, where, params, (query.page - 1) * query.pageSize, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Every row of the table (for the CSV/XLSX export), read a page at a time. */
  async *all(user: AuthUser, query: DestinationTableQueryDto): AsyncGenerator<DestinationRowDto> {
    this.checkCounty(user, query.countyCode);
    checkTableQuery(query);
    const { where, params } = this.filter(query);
    for (let offset = 0; ; offset += 2000) {
      const rows = await this.rows(query, where, params, offset, 2000);
      yield* rows;
      if (rows.length < 2000) return;
    }
  }

  private filter(query: DestinationTableQueryDto): { where: string; params: unknown[] } {
    const params: unknown[] = [query.countyCode];
    const where = ['w.home_county_code = $1'];
    if (query.township !== undefined) where.push(`w.township = $${params.push(query.township)}`);
    if (query.village !== undefined) where.push(`w.village = $${params.push(query.village)}`);
    if (query.since && query.changedOnly === 'true') {
      const since = beijingMidnightSql(`$${params.push(query.since)}`);
      where.push(`w.status_changed_at >= ${since} - interval '1 hour'`,
        `EXISTS (SELECT 1 FROM (${firstChangeSince(since)}) f WHERE f.from_status IS DISTINCT FROM w.employment_status)`);
    }
    return { where: `WHERE ${where.join(' AND ')}`, params };
  }

  private async rows(query: DestinationTableQueryDto, where: string, params: unknown[], offset: number, limit: number): Promise<DestinationRowDto[]> {
    const all = [...params];
    const since = query.since ? beijingMidnightSql(`$${all.push(query.since)}`) : null;
    const rows: Array<Record<string, string | null>> = await this.dataSource.query(
      `SELECT w.id, w.name, w.id_number_masked, w.sex, w.birth_date::text AS birth_date, h.registration_no, w.township, w.village,
              w.employment_status, w.status_changed_at, p.employer, p.work_county_code, p.arrived_on::text AS arrived_on,
              ${since ? 'f.touched, f.from_status' : 'false AS touched, NULL AS from_status'}
         FROM workers w
         LEFT JOIN households h ON h.id = w.household_id
         LEFT JOIN LATERAL (
           SELECT e.name AS employer, a.work_county_code, a.arrived_on FROM applications a JOIN employers e ON e.id = a.employer_id
            WHERE a.worker_id = w.id AND a.status IN ('placed', 'arrived') ORDER BY a.created_at DESC LIMIT 1
         ) p ON true
         ${since ? `LEFT JOIN LATERAL (SELECT true AS touched, x.from_status FROM (${firstChangeSince(since)}) x) f ON true` : ''}
         ${where}
        ORDER BY w.township, w.village, h.registration_no NULLS LAST, w.name, w.id
        OFFSET ${offset} LIMIT ${limit}`,
      all,
    );
    const today = beijingDay();
    return rows.map((r) => {
      const status = r.employment_status as EmploymentStatus;
      const registered = r.touched && r.from_status === null;
      const statusAtSince = !query.since ? status : registered ? null : ((r.from_status as string | null) ?? status);
      return {
        workerId: r.id!, name: r.name!, idNumberMasked: r.id_number_masked!, sex: r.sex!, age: age(r.birth_date!, today),
        household: r.registration_no, township: r.township!, village: r.village!,
        status, statusZh: EMPLOYMENT_STATUS_ZH[status] ?? status, destination: DESTINATION_OF.get(status) ?? null,
        employer: r.employer, workplace: r.work_county_code ? this.regions.fullName(r.work_county_code) : null, since: r.arrived_on,
        statusChangedAt: new Date(r.status_changed_at!).toISOString(),
        statusAtSince,
        change: registered ? 'registered' : statusAtSince !== status ? 'changed' : 'unchanged',
      };
    });
  }

  private checkCounty(user: AuthUser, countyCode: string): void {
    if (user.role !== Role.Admin && !user.countyCodes.includes(countyCode)) throw new ForbiddenError('只能查看本人负责的县');
  }
}

function checkSince(since: string | undefined): void {
  if (since && since > beijingDay()) throw new ValidationFailedError([{ field: 'since', message: '比较日不能晚于今天' }]);
}

function checkTableQuery(query: DestinationTableQueryDto): void {
  checkSince(query.since);
  if (query.changedOnly === 'true' && !query.since) throw new ValidationFailedError([{ field: 'since', message: '只看有变化的人时，请选择比较日' }]);
}

/** Full years on `today` (both YYYY-MM-DD). */
function age(birthDate: string, today: string): number {
  return Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
}

