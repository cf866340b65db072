import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, applyScope, AuthUser, beijingDay, FieldError, ForbiddenError, Role, ValidationFailedError } from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RetentionQueryDto, RetentionReportDto } from './dto/retention.dto.js';
import { RetentionDaily } from './entities/retention-daily.entity.js';
import { RetentionPlacement } from './entities/retention-placement.entity.js';
import { RetentionSummaryService } from './retention-summary.service.js';
import { addTally, emptyTally, regroup, rowOf, sortRows, Tally, tallyOf } from './retention-report.js';
import {
  DAILY_KEY, DIM_OF, IRREGULAR_AGGREGATES, IRREGULAR_FOLLOW_UPS, PLACEMENT_KEY, REPORT_AGGREGATES, reportParameters, type GroupKey, type RetentionBy,
} from './retention.sql.js';

/** What an employer may group its own placements by (the others would show other organisations' people). */
const EMPLOYER_BY: RetentionBy[] = ['employer', 'category', 'month', 'destination_city'];
/** Roles that see every placement: they read the daily summary. */
const EVERYTHING: Role[] = [Role.Admin, Role.Coordinator];
const NO_BROKER = '非经纪人报名';
const UNKNOWN = '未知';

export interface RetentionPeriod {
  by: RetentionBy;
  from: string;
  to: string;
  asOf: string;
}


/**
 * 留存分析: 30/90/180-day retention and follow-up completion by employer, broker, origin county, destination city,
 * category or placement month (docs/followup.md has the definitions). Reads the retention summary after folding the
 * latest changes into it; who sees what is applyScope's rule on the per-placement summary (a broker or officer: the
 * placements of workers from their counties; an employer: its own), everything else reads the daily summary.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summary: RetentionSummaryService,
    private readonly regions: RegionsService,
  ) {}

  async report(user: AuthUser, query: RetentionQueryDto): Promise<RetentionReportDto> {
    const period = this.period(user, query);
    await this.summary.fold();
    const tallies = await this.tallies(user, period);
    const groups =
      period.by === 'destination_city' ? regroup(tallies, (county) => this.regions.county(county)?.city.code ?? '')
      : period.by === 'month' ? regroup(tallies, (day) => day.slice(0, 7))
      : tallies;
    const labels = await this.labels(period.by, [...groups.keys()]);
    const total = emptyTally();
    const rows = [...groups].map(([key, t]) => {
      addTally(total, t);
      return rowOf(key, labels.get(key) ?? (key || UNKNOWN), t);
    });
    return { ...period, rows: sortRows(rows, period.by === 'month'), total: rowOf('total', '合计', total) };
  }

  /** The grouping allowed for the caller and the days (defaults: a year up to today), or a 400 naming each field. */
  period(user: AuthUser, query: RetentionQueryDto): RetentionPeriod {
    if (user.role === Role.Employer && !EMPLOYER_BY.includes(query.by)) {
      throw new ForbiddenError('企业只能按用工企业、工种、安置月份或输入城市查看本企业的留存');
    }
    const today = beijingDay();
    const asOf = query.asOf ?? today;
    const to = query.to ?? asOf;
    const from = query.from ?? addDays(to, -364);
    const errors: FieldError[] = [];
    if (asOf > today) errors.push({ field: 'asOf', message: `统计日不能晚于今天（${today}）` });
    if (to > asOf) errors.push({ field: 'to', message: `截止日期不能晚于统计日（${asOf}）` });
    if (from > to) errors.push({ field: 'from', message: `开始日期不能晚于截止日期（${to}）` });
    if (errors.length) throw new ValidationFailedError(errors);
    return { by: query.by, from, to, asOf };
  }

  /** Sums per group key: the summary's counters, plus follow-ups due on days outside the programme (if any). */
  private async tallies(user: AuthUser, period: RetentionPeriod): Promise<Map<string, Tally>> {
    const params = reportParameters(period.from, period.to, period.asOf);
    const everything = EVERYTHING.includes(user.role);
    const key = everything ? DAILY_KEY(period.by) : PLACEMENT_KEY[period.by];
    const main = everything
      ? this.select(key, REPORT_AGGREGATES).from(RetentionDaily, 'r').where('r.dim = :dim', { dim: DIM_OF[period.by] })
      : this.scoped(user, this.select(key, REPORT_AGGREGATES).from(RetentionPlacement, 'r'));
    main.andWhere('r.placed_on BETWEEN :from AND :to');
    const irregular = this.scoped(user, this.select(PLACEMENT_KEY[period.by], IRREGULAR_AGGREGATES).from(RetentionPlacement, 'r'))
      .innerJoin(IRREGULAR_FOLLOW_UPS.table, IRREGULAR_FOLLOW_UPS.alias, IRREGULAR_FOLLOW_UPS.on)
      .andWhere('r.irregular > 0')
      .andWhere('r.placed_on BETWEEN :from AND :to');
    const [rows, extra] = await Promise.all([
      main.groupBy(key.group).setParameters(params).getRawMany<Record<string, unknown>>(),
      irregular.groupBy(PLACEMENT_KEY[period.by].group).setParameters(params).getRawMany<Record<string, unknown>>(),
    ]);
    const out = new Map<string, Tally>(rows.map((r) => [String(r.key), tallyOf(r)]));
    for (const r of extra) addTally(out.get(String(r.key)) ?? out.set(String(r.key), emptyTally()).get(String(r.key))!, tallyOf(r));
    return out;
  }

  private select(key: GroupKey, aggregates: Array<[string, string]>): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.dataSource.createQueryBuilder().select(key.select, 'key');
    for (const [alias, sql] of aggregates) qb.addSelect(sql, alias);
    return qb;
  }

  /** The per-placement summary as the caller may see it: origin counties for brokers and officers, an employer's own. */
  private scoped<T extends ObjectLiteral>(user: AuthUser, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return applyScope(qb.where('TRUE'), user, { county: 'r.origin_county', employer: 'r.employer_id' });
  }

  /** Chinese names of the group keys. */
  private async labels(by: RetentionBy, keys: string[]): Promise<Map<string, string>> {
    const named = async (sql: string): Promise<Map<string, string>> => {
      const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
      const rows: Array<{ id: string; name: string }> = ids.length ? await this.dataSource.query(sql, [ids]) : [];
      return new Map(rows.map((r) => [r.id, r.name]));
    };
    switch (by) {
      case 'employer':
        return named('SELECT id::text AS id, name FROM employers WHERE id = ANY($1::uuid[])');
      case 'broker':
        return (await named('SELECT id::text AS id, display_name AS name FROM users WHERE id = ANY($1::uuid[])')).set('', NO_BROKER);
      case 'origin_county':
        return new Map(keys.map((k) => {
          const c = this.regions.county(k);
          return [k, c ? `${c.city.name}${c.county.code === c.city.code ? '' : c.county.name}` : k || UNKNOWN];
        }));
      case 'destination_city':
        return new Map(keys.map((k) => [k, this.regions.get(k)?.name ?? UNKNOWN]));
      case 'category':
      case 'month':
        return new Map(keys.map((k) => [k, k]));
      default: {
        const unreachable: never = by;
        return unreachable;
      }
    }
  }
}
