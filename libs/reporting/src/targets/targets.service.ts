import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, beijingDay, ForbiddenError, Role, ValidationFailedError } from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import type { DataSource } from 'typeorm';
import type { AbsorptionDto, AbsorptionRowDto, SetTargetsDto, TargetFigureDto, TargetRowDto, TargetsDto } from '../dto/report.dto.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import { EmploymentTarget } from '../entities/employment-target.entity.js';
import { ABSORBED_PREFIX, DESTINATION_STATUS, DESTINATION_ZH, DESTINATIONS, type Destination, Metric, statusMetric } from '../summary/report-metrics.js';
import { ReportSummaryService } from '../summary/report-summary.service.js';

interface Figure {
  current: number;
  lastYear: number | null;
  target: number | null;
}

/**
 * 目标任务: employed workers per destination class, per county and per province (the sum of its counties), against
 * last year's figure and the year's target — the target set for the county, else last year's figure ("no fewer than
 * last year"). And 东部吸纳: per pairing, the western side's workers now at work on the eastern side.
 */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summary: ReportSummaryService,
    private readonly dashboard: DashboardService,
    private readonly regions: RegionsService,
  ) {}

  async targets(user: AuthUser, year = Number(beijingDay().slice(0, 4))): Promise<TargetsDto> {
    await this.summary.fold();
    const provinces = this.dashboard.provincesOf(user);
    // Every county with labourers is listed (a class nobody is employed in counts 0), and any with a target set.
    const metrics = [Metric.Workers, ...DESTINATIONS.map((d) => statusMetric(DESTINATION_STATUS[d]))];
    const counts: Array<{ county_code: string; metric: string; n: string }> = await this.dataSource.query(
      `SELECT county_code, metric, n FROM report_county_counts WHERE n <> 0 AND metric = ANY($1::text[])${provinces ? ' AND left(county_code, 2) = ANY($2::text[])' : ''}`,
      provinces ? [metrics, provinces] : [metrics],
    );
    const set = await this.dataSource.getRepository(EmploymentTarget).findBy({ year });
    const byCounty = new Map<string, Map<Destination, Figure>>();
    const figure = (county: string, d: Destination) => {
      let m = byCounty.get(county);
      if (!m) byCounty.set(county, (m = new Map()));
      let f = m.get(d);
      if (!f) m.set(d, (f = { current: 0, lastYear: null, target: null }));
      return f;
    };
    const metricDestination = new Map(DESTINATIONS.map((d) => [statusMetric(DESTINATION_STATUS[d]), d]));
    for (const c of counts) {
      const destination = metricDestination.get(c.metric);
      if (destination) figure(c.county_code, destination).current = Number(c.n);
      else for (const d of DESTINATIONS) figure(c.county_code, d); // listed, at 0 where nobody is counted
    }
    for (const t of set) {
      if (provinces && !provinces.includes(t.countyCode.slice(0, 2))) continue;
      const f = figure(t.countyCode, t.destination as Destination);
      f.lastYear = t.lastYear;
      f.target = t.target;
    }
    const rows: TargetRowDto[] = [];
    const byProvince = new Map<string, Map<Destination, Figure>>();
    for (const county of [...byCounty.keys()].sort()) {
      const figures = byCounty.get(county)!;
      rows.push({ code: county, name: this.dashboard.countyName(county), level: 'county', figures: DESTINATIONS.map((d) => toDto(d, figures.get(d))) });
      const province = `${county.slice(0, 2)}0000`;
      let p = byProvince.get(province);
      if (!p) byProvince.set(province, (p = new Map()));
      for (const d of DESTINATIONS) {
        const f = figures.get(d) ?? { current: 0, lastYear: null, target: null };
        const sum = p.get(d) ?? { current: 0, lastYear: null, target: null };
        const effective = f.target ?? f.lastYear;
        p.set(d, {
          current: sum.current + f.current,
          lastYear: f.lastYear === null ? sum.lastYear : (sum.lastYear ?? 0) + f.lastYear,
          target: effective === null ? sum.target : (sum.target ?? 0) + effective,
        });
      }
    }
    for (const [province, figures] of [...byProvince.entries()].sort()) {
      rows.push({
        code: province, name: this.regions.get(province)?.name ?? province, level: 'province',
        figures: DESTINATIONS.map((d) => toDto(d, figures.get(d), true)),
      });
    }
    return { year, rows };
  }

  /** Sets last year's figure and/or the target of a county for a year (admin, or an officer of the county). */
  async setTargets(user: AuthUser, dto: SetTargetsDto): Promise<TargetsDto> {
    const { year, countyCode } = dto;
    if (!this.regions.isCounty(countyCode)) throw new ValidationFailedError([{ field: 'countyCode', message: `县代码无效：${countyCode}` }]);
    if (user.role !== Role.Admin && !user.countyCodes.includes(countyCode)) throw new ForbiddenError('只能设定本人负责的县的目标');
    const given = DESTINATIONS.filter((d) => dto[d] !== undefined);
    if (!given.length) throw new ValidationFailedError([{ field: 'out_of_province', message: '请至少填写一类去向的上年人数或目标' }]);
    await this.dataSource.transaction(async (manager) => {
      for (const d of given) {
        const input = dto[d]!;
        await manager.query(
          `INSERT INTO employment_targets (year, county_code, destination, last_year, target, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (year, county_code, destination) DO UPDATE
             SET last_year = CASE WHEN $7 THEN EXCLUDED.last_year ELSE employment_targets.last_year END,
                 target = CASE WHEN $8 THEN EXCLUDED.target ELSE employment_targets.target END,
                 updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [year, countyCode, d, input.lastYear ?? null, input.target ?? null, user.id, input.lastYear !== undefined, input.target !== undefined],
        );
      }
    });
    return this.targets(user, year);
  }

  async absorption(user: AuthUser): Promise<AbsorptionDto> {
    await this.summary.fold();
    const scope = user.role === Role.Admin ? null : user.countyCodes;
    const rows: Array<{ county_code: string; metric: string; n: string }> = await this.dataSource.query(
      `SELECT county_code, metric, n FROM report_county_counts WHERE metric LIKE '${ABSORBED_PREFIX}%' AND n <> 0${scope ? ' AND county_code = ANY($1::text[])' : ''}`,
      scope ? [scope] : [],
    );
    const out = new Map<string, AbsorptionRowDto>();
    for (const r of rows) {
      const work = r.metric.slice(ABSORBED_PREFIX.length);
      for (const m of this.regions.pairingOf(r.county_code)) {
        if (m.side !== 'west' || !this.regions.isWithin(work, m.partner.code)) continue;
        let row = out.get(m.rule.id);
        if (!row) {
          out.set(m.rule.id, (row = {
            pairing: m.rule.id, level: m.via.level, eastCode: m.partner.code, eastName: this.regions.fullName(m.partner.code),
            westCode: m.via.code, westName: this.regions.fullName(m.via.code), absorbed: 0,
          }));
        }
        row.absorbed += Number(r.n);
      }
    }
    return { rows: [...out.values()].sort((a, b) => b.absorbed - a.absorbed || a.pairing.localeCompare(b.pairing)) };
  }
}

function toDto(destination: Destination, f: Figure | undefined, summed = false): TargetFigureDto {
  const { current, lastYear, target } = f ?? { current: 0, lastYear: null, target: null };
  const effective = summed ? target : (target ?? lastYear);
  return {
    destination, destinationZh: DESTINATION_ZH[destination], current, lastYear,
    target: effective,
    targetSource: summed ? (effective === null ? 'none' : 'sum') : target !== null ? 'set' : lastYear !== null ? 'last_year' : 'none',
    changeFromLastYear: lastYear === null ? null : current - lastYear,
    met: effective === null ? null : current >= effective,
    gap: effective === null ? null : Math.max(0, effective - current),
  };
}
