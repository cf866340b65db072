/**
 * The reverse match (jobs for one worker): published orders with places left, not expired, that pass the order-level
 * hard rules in SQL — required certificates held (names compared after NFKC without spaces, as
 * `normaliseCertificate` does), the order's age range at its start day, accessibility. The statutory retirement age
 * and the exact rules are checked again in JS (scoring.ts `hardRuleFailure`) before scoring.
 * Served by job_orders_status_county_idx (status, work_county_code).
 *
 * $1 today (Beijing day), $2 the worker's certificate names, $3 birth date, $4 severe disability.
 */
const OPEN_ORDERS = `
  FROM job_orders j
 WHERE j.status = 'published' AND j.places_filled < j.headcount AND j.expires_on >= $1::date`;

const CERTIFICATES_HELD = `ARRAY(SELECT regexp_replace(normalize(c, NFKC), '\\s+', '', 'g') FROM unnest(j.required_certificates) c) <@ $2::text[]`;
const AGE_IN_RANGE = `date_part('year', age(j.start_date, $3::date)) BETWEEN greatest(j.age_min, 16) AND j.age_max`;
const ACCESSIBLE = `(j.accessible OR NOT $4::boolean)`;

export const JOB_MATCH_ROWS_SQL = `
SELECT j.id, j.title, j.category, j.work_county_code, j.lng, j.lat, j.wage_min, j.wage_max, j.start_date::text AS start_date,
       j.age_min, j.age_max, j.required_skills, j.required_certificates, j.training_offered, j.accessible,
       j.headcount - j.places_filled AS places_left, e.name AS employer_name
  FROM (SELECT j.* ${OPEN_ORDERS} AND ${CERTIFICATES_HELD} AND ${AGE_IN_RANGE} AND ${ACCESSIBLE}) j
  JOIN employers e ON e.id = j.employer_id`;

/** The same universe counted per rule, each order under the first rule it fails (certificates, age, accessibility). */
export const JOB_MATCH_COUNTS_SQL = `
SELECT count(*)::int AS considered,
       count(*) FILTER (WHERE NOT certs)::int AS certificates,
       count(*) FILTER (WHERE certs AND NOT aged)::int AS age,
       count(*) FILTER (WHERE certs AND aged AND NOT access)::int AS accessibility
  FROM (SELECT ${CERTIFICATES_HELD} AS certs, ${AGE_IN_RANGE} AS aged, ${ACCESSIBLE} AS access ${OPEN_ORDERS}) t`;

/** The worker's latest application to each of these orders (applications_worker_idx). */
export const WORKER_APPLICATIONS_SQL = `
SELECT DISTINCT ON (job_order_id) id, job_order_id, status
  FROM applications
 WHERE worker_id = $1 AND job_order_id = ANY($2::uuid[])
 ORDER BY job_order_id, created_at DESC`;

/** Each worker's latest application to this order (applications_order_status_idx). */
export const ORDER_APPLICATIONS_SQL = `
SELECT DISTINCT ON (worker_id) id, worker_id, status
  FROM applications
 WHERE job_order_id = $1 AND worker_id = ANY($2::uuid[])
 ORDER BY worker_id, created_at DESC`;

export interface JobMatchRow {
  id: string;
  title: string;
  category: string;
  work_county_code: string;
  lng: number | null;
  lat: number | null;
  wage_min: number;
  wage_max: number;
  start_date: string;
  age_min: number;
  age_max: number;
  required_skills: string[];
  required_certificates: string[];
  training_offered: boolean;
  accessible: boolean;
  places_left: number;
  employer_name: string;
}
