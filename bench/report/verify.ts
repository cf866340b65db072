import type { AuthUser } from '@daogang/platform';
import { EMPLOYED_STATUSES, EmploymentStatus } from '@daogang/registry';
import { type DashboardService, REPORT_RECOUNT, type ReportSummaryService } from '@daogang/reporting';
import type { DataSource } from 'typeorm';
import type { DestinationsService } from '../../libs/reporting/src/destinations/destinations.service.js';
import type { TargetsService } from '../../libs/reporting/src/targets/targets.service.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** ReportSummaryService.counts() (the summary after a fold) against recount() (the base tables), row by row. */
export async function compareCounts(summary: ReportSummaryService): Promise<Check> {
  const counts = await summary.counts();
  const recount = await summary.recount();
  const key = (r: { countyCode: string; township: string; village: string; metric: string }) => `${r.countyCode}|${r.township}|${r.village}|${r.metric}`;
  const a = new Map(counts.map((r) => [key(r), r.n]));
  const b = new Map(recount.map((r) => [key(r), r.n]));
  const differences = [...new Set([...a.keys(), ...b.keys()])].sort().filter((k) => a.get(k) !== b.get(k));
  const first = differences[0];
  return {
    name: 'ReportSummaryService.counts() = recount(), every (place, metric)',
    ok: differences.length === 0,
    detail: differences.length === 0
      ? `${counts.length.toLocaleString('en')} rows`
      : `${differences.length} rows differ; first ${first}: summary ${a.get(first) ?? 'none'}, recount ${b.get(first) ?? 'none'}`,
  };
}

/** report_county_counts (what the dashboard, targets and absorption read) against the recount summed per county. */
export async function compareCountyCounts(ds: DataSource): Promise<Check> {
  const rows: Array<{ county_code: string; metric: string; recount: string | null; summary: string | null }> = await ds.query(
    `WITH r AS (SELECT county_code, metric, sum(n) AS n FROM (${REPORT_RECOUNT}) x GROUP BY 1, 2 HAVING sum(n) <> 0),
          c AS (SELECT county_code, metric, n FROM report_county_counts WHERE n <> 0)
     SELECT coalesce(r.county_code, c.county_code) AS county_code, coalesce(r.metric, c.metric) AS metric, r.n AS recount, c.n AS summary
       FROM r FULL JOIN c ON c.county_code = r.county_code AND c.metric = r.metric
      WHERE r.n IS DISTINCT FROM c.n ORDER BY 1, 2`,
  );
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM report_county_counts WHERE n <> 0`);
  const f = rows[0];
  return {
    name: 'report_county_counts = recount summed per county',
    ok: rows.length === 0,
    detail: rows.length === 0 ? `${n.toLocaleString('en')} rows` : `${rows.length} differ; first ${f.county_code} ${f.metric}: summary ${f.summary}, recount ${f.recount}`,
  };
}

type Figures = Record<string, number>;
const STATUS_KEYS: Record<string, EmploymentStatus> = {
  outOfProvince: EmploymentStatus.EmployedOutOfProvince, inProvince: EmploymentStatus.EmployedInProvince, inCounty: EmploymentStatus.EmployedInCounty,
  publicWelfare: EmploymentStatus.PublicWelfarePost, selfEmployed: EmploymentStatus.SelfEmployed, inTraining: EmploymentStatus.InTraining,
  notEmployed: EmploymentStatus.NotEmployed,
};
const statusColumns = Object.entries(STATUS_KEYS).map(([k, s]) => `count(*) FILTER (WHERE employment_status = '${s}')::int AS "${k}"`).join(', ');

function diff(what: string, expected: Map<string, Figures>, actual: Map<string, Figures>): string[] {
  const out: string[] = [];
  for (const key of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const e = expected.get(key);
    const a = actual.get(key);
    if (!e || !a) {
      out.push(`${what} ${key}: ${e ? 'missing from the answer' : 'not in the base tables'}`);
      continue;
    }
    for (const field of Object.keys(e)) if ((a[field] ?? 0) !== e[field]) out.push(`${what} ${key} ${field}: answer ${a[field]}, base tables ${e[field]}`);
  }
  return out;
}

/**
 * The figures the services answer, against counts taken straight from the base tables with SQL written apart from the
 * summary's: the admin's dashboard (every county), the officer's scope, one county's villages with the changes since a
 * day, the destination table's totals, and the targets' current figures.
 */
export async function checkFigures(
  ds: DataSource,
  s: { dashboards: DashboardService; destinations: DestinationsService; targets: TargetsService },
  o: { admin: AuthUser; officer: AuthUser; county: string; since: string },
): Promise<Check[]> {
  const checks: Check[] = [];
  const byCounty = new Map<string, Figures>();
  const add = (key: string, values: Figures) => byCounty.set(key, { ...(byCounty.get(key) ?? {}), ...values });
  for (const r of await ds.query(
    `SELECT home_county_code AS key, count(*)::int AS workers, count(*) FILTER (WHERE employment_status = ANY($1))::int AS employed,
            count(*) FILTER (WHERE missing_fields = '{}')::int AS complete, ${statusColumns}
       FROM workers GROUP BY 1`, [EMPLOYED_STATUSES])) {
    const { key, ...values } = r;
    add(key, values);
  }
  for (const r of await ds.query(`SELECT county_code AS key, count(*)::int AS households, count(*) FILTER (WHERE zero_employment)::int AS "zeroHouseholds" FROM households GROUP BY 1`)) {
    add(r.key, { households: r.households, zeroHouseholds: r.zeroHouseholds });
  }
  const zero = (values: Figures) => Object.fromEntries(Object.keys(values).map((k) => [k, 0]));
  const overdue = new Map<string, number>((await ds.query(`SELECT county_code AS key, count(*)::int AS n FROM follow_ups WHERE status = 'overdue' GROUP BY 1`)).map((r: { key: string; n: number }) => [r.key, r.n]));
  const open = new Map<string, number>((await ds.query(`SELECT county_code AS key, count(*)::int AS n FROM follow_up_cases WHERE status = 'open' GROUP BY 1`)).map((r: { key: string; n: number }) => [r.key, r.n]));
  for (const [key, values] of byCounty) byCounty.set(key, { ...values, overdue: overdue.get(key) ?? 0, openCases: open.get(key) ?? 0 });

  // The admin's dashboard: every county, every figure.
  const dash = await s.dashboards.dashboard(o.admin, {});
  const answered = new Map(dash.counties.map((c) => [c.countyCode, { ...c, ...c.destinations } as unknown as Figures]));
  const problems = diff('county', byCounty, answered);
  const sum = (field: string) => [...byCounty.values()].reduce((t, v) => t + (v[field] ?? 0), 0);
  for (const field of ['workers', 'employed', 'complete', 'households', 'zeroHouseholds', 'overdue', 'openCases']) {
    if ((dash.total as unknown as Figures)[field] !== sum(field)) problems.push(`total ${field}: answer ${(dash.total as unknown as Figures)[field]}, base tables ${sum(field)}`);
  }
  checks.push({
    name: 'dashboard(), admin: every county\'s figures = counts from the base tables',
    ok: problems.length === 0,
    detail: problems.length ? `${problems.length} differ; first: ${problems[0]}` : `${dash.counties.length} counties × 16 figures and the total; previous day ${dash.previousDay}`,
  });

  // The officer's: the counties of their province, theirs flagged.
  const mine = await s.dashboards.dashboard(o.officer, {});
  const province = new Set(o.officer.countyCodes.map((c) => c.slice(0, 2)));
  const expectedScope = [...byCounty.keys()].filter((c) => province.has(c.slice(0, 2))).sort().join(',');
  const scope = mine.counties.map((c) => c.countyCode).sort().join(',');
  const flagged = mine.counties.filter((c) => c.mine).map((c) => c.countyCode).sort().join(',');
  checks.push({
    name: 'dashboard(), officer: their province\'s counties, their own flagged',
    ok: scope === expectedScope && flagged === [...o.officer.countyCodes].sort().join(','),
    detail: `${mine.counties.length} counties, ${mine.counties.filter((c) => c.mine).length} flagged`,
  });

  // One county's villages, with the changes since the day (first change on or after it: its from_status, DISTINCT ON).
  const villages = new Map<string, Figures>();
  for (const r of await ds.query(
    `SELECT township || '/' || village AS key, count(*)::int AS workers, count(*) FILTER (WHERE employment_status = ANY($2))::int AS employed, ${statusColumns}
       FROM workers WHERE home_county_code = $1 GROUP BY 1`, [o.county, EMPLOYED_STATUSES])) {
    const { key, ...values } = r;
    villages.set(key, { ...values, households: 0, zeroHouseholds: 0, changed: 0, registered: 0 });
  }
  for (const r of await ds.query(
    `SELECT township || '/' || village AS key, count(*)::int AS households, count(*) FILTER (WHERE zero_employment)::int AS zero
       FROM households WHERE county_code = $1 GROUP BY 1`, [o.county])) {
    const v = villages.get(r.key) ?? { ...zero(villages.values().next().value!), households: 0, zeroHouseholds: 0 };
    villages.set(r.key, { ...v, households: r.households, zeroHouseholds: r.zero });
  }
  const firstSince = `SELECT DISTINCT ON (c.worker_id) c.worker_id, c.from_status FROM worker_status_changes c JOIN workers w ON w.id = c.worker_id
                       WHERE w.home_county_code = $1 AND c.changed_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
                       ORDER BY c.worker_id, c.changed_at, c.id`;
  for (const r of await ds.query(
    `SELECT w.township || '/' || w.village AS key, count(*) FILTER (WHERE f.from_status IS NOT NULL AND f.from_status <> w.employment_status)::int AS changed,
            count(*) FILTER (WHERE f.from_status IS NULL)::int AS registered
       FROM (${firstSince}) f JOIN workers w ON w.id = f.worker_id GROUP BY 1`, [o.county, o.since])) {
    villages.set(r.key, { ...villages.get(r.key)!, changed: r.changed, registered: r.registered });
  }
  const answer = await s.destinations.villages(o.officer, { countyCode: o.county, since: o.since });
  const villageProblems = diff('village', villages, new Map(answer.villages.map((v) => [`${v.township}/${v.village}`, { ...v, ...v.destinations } as unknown as Figures])));
  checks.push({
    name: `villages() ${o.county} since ${o.since}: every village's figures and changes = the base tables`,
    ok: villageProblems.length === 0,
    detail: villageProblems.length ? `${villageProblems.length} differ; first: ${villageProblems[0]}` : `${answer.villages.length} villages`,
  });

  // The destination table's totals: the county, and those whose status differs from the one on the day.
  const [{ all, changed }] = await ds.query(
    `SELECT (SELECT count(*)::int FROM workers WHERE home_county_code = $1) AS all,
            (SELECT count(*)::int FROM (${firstSince}) f JOIN workers w ON w.id = f.worker_id WHERE f.from_status IS DISTINCT FROM w.employment_status) AS changed`,
    [o.county, o.since],
  );
  const page = await s.destinations.table(o.officer, { countyCode: o.county, page: 1, pageSize: 100 } as never);
  const changedPage = await s.destinations.table(o.officer, { countyCode: o.county, since: o.since, changedOnly: 'true', page: 1, pageSize: 100 } as never);
  const wrongRows = changedPage.items.filter((r) => r.change === 'unchanged').length;
  checks.push({
    name: 'table() totals: the county, and changedOnly since the day',
    ok: page.total === all && changedPage.total === changed && wrongRows === 0,
    detail: `${page.total.toLocaleString('en')} / ${changedPage.total.toLocaleString('en')} (base tables ${all.toLocaleString('en')} / ${changed.toLocaleString('en')})${wrongRows ? `; ${wrongRows} rows of the changed page marked unchanged` : ''}`,
  });

  // Targets: the current figure of every county and destination class.
  const t = await s.targets.targets(o.admin);
  const classes: Record<string, string> = { out_of_province: 'outOfProvince', in_province: 'inProvince', in_county: 'inCounty' };
  const targetProblems: string[] = [];
  for (const row of t.rows.filter((r) => r.level === 'county')) {
    for (const f of row.figures) {
      const expected = byCounty.get(row.code)?.[classes[f.destination]] ?? 0;
      if (f.current !== expected) targetProblems.push(`${row.code} ${f.destination}: answer ${f.current}, base tables ${expected}`);
    }
  }
  checks.push({
    name: 'targets(), admin: every county\'s current figure per class = the base tables',
    ok: targetProblems.length === 0 && t.rows.filter((r) => r.level === 'county').length === byCounty.size,
    detail: targetProblems.length ? `${targetProblems.length} differ; first: ${targetProblems[0]}` : `${t.rows.length} rows`,
  });
  return checks;
}
