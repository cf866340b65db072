import type { EmploymentStatus } from '@daogang/registry';
import type { DataSource, EntityManager } from 'typeorm';
import { normaliseCertificate, type WorkerFacts } from './match-facts.js';

/**
 * The queries that load WorkerFacts: one page of workers (keyset on id, `workers_pkey`), then the three derived facts
 * for the same id range, each served by an index on worker_id. The index build streams every worker through them
 * page by page; an outbox batch and an explanation page use the `ids` forms.
 */
const WORKER_COLUMNS = `
  w.id, w.birth_date::text AS birth_date, w.sex, w.home_county_code, w.registered_poor,
  (w.disability->>'grade')::int AS disability_grade,
  array_to_string(w.skills, E'\\x1f') AS skills,
  (SELECT string_agg(c->>'name', E'\\x1f') FROM jsonb_array_elements(w.certificates) c) AS certificates,
  array_to_string(w.wish_categories, E'\\x1f') AS wish_categories,
  array_to_string(w.wish_provinces, E'\\x1f') AS wish_provinces,
  array_to_string(w.wish_cities, E'\\x1f') AS wish_cities,
  w.min_monthly_wage, w.wants_to_move, w.available_from::text AS available_from, w.employment_status,
  coalesce(h.zero_employment, false) AS zero_employment`;
/** Lists come joined by U+001F (unit separator): splitting a string is several times faster than pg's array parser. */
const SEPARATOR = '\x1f';
const list = (joined: string | null): string[] => (joined ? joined.split(SEPARATOR) : []);

/** A page of workers after a cursor (workers_pkey). */
export const WORKER_PAGE_SQL = `
SELECT ${WORKER_COLUMNS}
  FROM workers w LEFT JOIN households h ON h.id = w.household_id
 WHERE w.id > $1::uuid
 ORDER BY w.id
 LIMIT $2`;

/** Given workers (workers_pkey). */
export const WORKERS_BY_ID_SQL = `
SELECT ${WORKER_COLUMNS}
  FROM workers w LEFT JOIN households h ON h.id = w.household_id
 WHERE w.id = ANY($1::uuid[])`;

/** Active placements (applications_one_active_placement, a partial unique index on worker_id). */
const PLACED_SQL = (where: string) => `
SELECT DISTINCT worker_id FROM applications
 WHERE ${where} AND status IN ('accepted', 'placed', 'arrived')`;

/**
 * 返乡回流: each worker's latest status change of the last 366 days (worker_status_changes_worker_idx). The worker came
 * home when it took them from employment outside the county to not_employed; the day is the Beijing day of the change.
 */
const LATEST_CHANGE_SQL = (where: string) => `
SELECT DISTINCT ON (worker_id) worker_id, from_status, to_status,
       (changed_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day
  FROM worker_status_changes
 WHERE ${where} AND changed_at > now() - interval '366 days'
 ORDER BY worker_id, changed_at DESC, id DESC`;

/**
 * Days in jobs of each category (applications_worker_idx): from arrival (or the agreed start) to leaving (or today),
 * over applications that reached arrival.
 */
const TENURE_SQL = (where: string, todayParam: string) => `
SELECT worker_id, category,
       sum(greatest(0, coalesce(left_on, ${todayParam}::date) - coalesce(arrived_on, start_date)))::int AS days
  FROM applications
 WHERE ${where} AND status IN ('arrived', 'left') AND coalesce(arrived_on, start_date) IS NOT NULL
 GROUP BY worker_id, category`;

const CAME_HOME_FROM = new Set(['employed_in_province', 'employed_out_of_province']);

interface WorkerRow {
  id: string;
  birth_date: string;
  sex: 'M' | 'F';
  home_county_code: string;
  registered_poor: boolean;
  disability_grade: number | null;
  skills: string | null;
  certificates: string | null;
  wish_categories: string | null;
  wish_provinces: string | null;
  wish_cities: string | null;
  min_monthly_wage: number | null;
  wants_to_move: boolean;
  available_from: string | null;
  employment_status: EmploymentStatus;
  zero_employment: boolean;
}

type Db = DataSource | EntityManager;

/** One page of workers after `afterId` (null: from the start), in id order. */
export async function loadWorkerFactsPage(db: Db, afterId: string | null, limit: number, today: string): Promise<WorkerFacts[]> {
  const rows: WorkerRow[] = await db.query(WORKER_PAGE_SQL, [afterId ?? '00000000-0000-0000-0000-000000000000', limit]);
  if (!rows.length) return [];
  const range = [rows[0].id, rows[rows.length - 1].id];
  return withDerivedFacts(db, rows, 'worker_id BETWEEN $1::uuid AND $2::uuid', range, today);
}

/** The given workers (those that exist), in no particular order. */
export async function loadWorkerFacts(db: Db, ids: readonly string[], today: string): Promise<WorkerFacts[]> {
  if (!ids.length) return [];
  const rows: WorkerRow[] = await db.query(WORKERS_BY_ID_SQL, [ids]);
  if (!rows.length) return [];
  return withDerivedFacts(db, rows, 'worker_id = ANY($1::uuid[])', [rows.map((r) => r.id)], today);
}

async function withDerivedFacts(db: Db, rows: WorkerRow[], where: string, params: unknown[], today: string): Promise<WorkerFacts[]> {
  const todayParam = `$${params.length + 1}`;
  const [placed, changes, tenure] = await Promise.all([
    db.query(PLACED_SQL(where), params) as Promise<Array<{ worker_id: string }>>,
    db.query(LATEST_CHANGE_SQL(where), params) as Promise<Array<{ worker_id: string; from_status: string | null; to_status: string; day: string }>>,
    db.query(TENURE_SQL(where, todayParam), [...params, today]) as Promise<Array<{ worker_id: string; category: string; days: number }>>,
  ]);
  const placedIds = new Set(placed.map((r) => r.worker_id));
  const cameHome = new Map<string, string>();
  for (const c of changes) {
    if (c.to_status === 'not_employed' && c.from_status && CAME_HOME_FROM.has(c.from_status)) cameHome.set(c.worker_id, c.day);
  }
  const tenureOf = new Map<string, Record<string, number>>();
  for (const t of tenure) {
    if (t.days <= 0) continue;
    const record = tenureOf.get(t.worker_id) ?? {};
    record[t.category] = t.days;
    tenureOf.set(t.worker_id, record);
  }
  return rows.map((r) => ({
    id: r.id,
    birthDate: r.birth_date,
    sex: r.sex,
    homeCountyCode: r.home_county_code,
    registeredPoor: r.registered_poor,
    zeroEmployment: r.zero_employment,
    cameHomeOn: cameHome.get(r.id) ?? null,
    disabilityGrade: r.disability_grade,
    skills: list(r.skills),
    certificates: list(r.certificates).map(normaliseCertificate).filter(Boolean),
    wishCategories: list(r.wish_categories),
    wishProvinces: list(r.wish_provinces),
    wishCities: list(r.wish_cities),
    minMonthlyWage: r.min_monthly_wage,
    wantsToMove: r.wants_to_move,
    availableFrom: r.available_from,
    employmentStatus: r.employment_status,
    placed: placedIds.has(r.id),
    tenureDays: tenureOf.get(r.id) ?? {},
  }));
}
