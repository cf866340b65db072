import { Employer, JobOrder } from '@daogang/jobs';
import { JOB_CATEGORIES, SKILLS } from '@daogang/registry';
import type { DataSource } from 'typeorm';
import { employers, jobOrder, type Places } from '../search/generate.js';
import { mix, Rng } from '../search/prng.js';

/**
 * The bench's world, written straight into PostgreSQL with INSERT … SELECT generate_series (a million workers in a
 * minute or so, no round trip per row): households in the western counties of the pairings (some zero-employment,
 * about a third registered poor), their workers (about 40 % not employed, skills, certificates, wishes, wages,
 * availability, a few with a disability), a registration status row for each and a "came home" change for some,
 * employers and job orders from bench/search's generator (with certificates required by some), and applications:
 * active placements for a quarter of those working away, finished ones in the past for tenure.
 */
export const GENERATOR_VERSION = 3;

const SKILL_P: Record<string, number> = {
  普工: 0.3, 电子装配: 0.08, 缝纫: 0.08, 电焊: 0.05, 电工: 0.03, 叉车: 0.04, 厨师: 0.03, 面点: 0.02, 保洁: 0.05, 家政: 0.04, 育婴: 0.02,
  养老护理: 0.03, 砌筑: 0.06, 钢筋: 0.03, 木工: 0.03, 架子工: 0.01, 挖掘机: 0.02, 驾驶: 0.06, 快递分拣: 0.04, 仓储: 0.03,
  农业种植: 0.15, 养殖: 0.08, 拉面: 0.03, 销售: 0.03, 保安: 0.03,
};
const CATEGORY_P: Record<string, number> = {
  普工: 0.25, 电子厂: 0.2, 纺织服装: 0.12, 建筑: 0.12, 餐饮: 0.08, 家政: 0.06, 物流: 0.08, 保洁: 0.05, 护林员: 0.04, 保安: 0.04,
  制造: 0.1, 农业: 0.05, 养老护理: 0.03, 其他: 0.02,
};
/** Certificate a required skill usually comes with. */
const CERTIFICATE_OF: Record<string, string> = { 电焊: '焊工证', 电工: '电工证', 叉车: '叉车证', 驾驶: '驾驶证', 厨师: '健康证', 养老护理: '养老护理员证', 育婴: '育婴员证' };
const CERTIFICATES = ['健康证', '电工证', '焊工证', '叉车证', '驾驶证', '养老护理员证', '育婴员证'];
const EAST_PROVINCES = ['350000', '330000', '440000', '320000', '370000'];
const EAST_CITIES = ['350200', '330400', '330100', '440300', '441900', '320500', '370800'];

const log = (message: string) => process.stderr.write(`[bench/match ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** Households and workers, in chunks (progress shows); `counties` weighted by position (earlier = larger). */
export async function generateWorkers(ds: DataSource, counties: string[], workers: number): Promise<void> {
  const households = Math.ceil(workers / 2.6);
  await ds.query(`SELECT setseed(0.2026)`);
  await ds.query(`CREATE UNLOGGED TABLE bench_households (n int PRIMARY KEY, id uuid NOT NULL, county char(6) NOT NULL, poor boolean NOT NULL)`);
  await ds.query(
    `INSERT INTO bench_households
     SELECT n, gen_random_uuid(), ($1::text[])[1 + floor(power(random(), 1.4) * array_length($1::text[], 1))::int], random() < 0.35
       FROM generate_series(0, $2 - 1) n`,
    [counties, households],
  );
  await ds.query(
    `INSERT INTO households (id, registration_no, county_code, registered_poor, version)
     SELECT id, 'BM' || lpad(n::text, 10, '0'), county, poor, 1 FROM bench_households`,
  );
  const skills = SKILLS.map((s) => SKILL_P[s] ?? 0.02);
  const categories = JOB_CATEGORIES.map((c) => CATEGORY_P[c] ?? 0.02);
  const chunk = 100_000;
  for (let from = 0; from < workers; from += chunk) {
    const to = Math.min(workers, from + chunk);
    await ds.query(
      `INSERT INTO workers (id, household_id, name, id_number_hash, id_number_encrypted, id_number_masked, birth_date, sex, id_region_code,
                            home_county_code, registered_poor, disability, skills, certificates, wish_categories, wish_provinces, wish_cities,
                            min_monthly_wage, wants_to_move, available_from, employment_status, source, version)
       SELECT gen_random_uuid(), h.id, '马' || g, md5('bench-match-' || g), 'bench', '62292519******' || lpad((g % 10000)::text, 4, '0'),
              current_date - (16 * 365 + floor(power(random(), 1.25) * 49 * 365))::int,
              CASE WHEN random() < 0.55 THEN 'M' ELSE 'F' END, h.county, h.county, h.poor,
              CASE WHEN random() < 0.03 THEN jsonb_build_object('kind', 'physical', 'grade', 1 + floor(random() * 4)::int) END,
              ARRAY(SELECT s FROM unnest($3::text[], $4::float8[]) AS t(s, p) WHERE random() < p AND g >= 0),
              CASE WHEN random() < 0.12 THEN jsonb_build_array(jsonb_build_object('name', ($7::text[])[1 + floor(random() * array_length($7::text[], 1))::int])) ELSE '[]'::jsonb END,
              CASE WHEN random() < 0.75 THEN ARRAY(SELECT c FROM unnest($5::text[], $6::float8[]) AS t(c, p) WHERE random() < p AND g >= 0) ELSE '{}' END,
              CASE WHEN random() < 0.3 THEN ARRAY[($8::text[])[1 + floor(random() * array_length($8::text[], 1))::int]] ELSE '{}' END,
              CASE WHEN random() < 0.25 THEN ARRAY[($9::text[])[1 + floor(random() * array_length($9::text[], 1))::int]] ELSE '{}' END,
              CASE WHEN random() < 0.7 THEN 3000 + 500 * floor(random() * 9)::int END,
              random() < 0.55,
              CASE WHEN random() < 0.6 THEN current_date + (floor(random() * 150) - 30)::int END,
              (ARRAY['not_employed', 'not_employed', 'not_employed', 'not_employed', 'in_training', 'employed_out_of_province', 'employed_out_of_province',
                     'employed_out_of_province', 'employed_in_province', 'employed_in_county', 'public_welfare_post', 'self_employed'])[1 + floor(random() * 12)::int],
              'import', 1
         FROM generate_series($1::int, $2::int - 1) g
         JOIN bench_households h ON h.n = floor(g / 2.6)::int`,
      [from, to, SKILLS, skills, JOB_CATEGORIES, categories, CERTIFICATES, EAST_PROVINCES, EAST_CITIES],
    );
    log(`workers ${to.toLocaleString('en')} / ${workers.toLocaleString('en')}`);
  }
  await ds.query(`DROP TABLE bench_households`);
  // Status history: a registration row for everyone, two to three years back; a return home in the last year for some.
  await ds.query(
    `INSERT INTO worker_status_changes (worker_id, from_status, to_status, changed_at, source, note)
     SELECT id, NULL, employment_status, now() - make_interval(days => 730 + floor(random() * 365)::int), 'import', '登记' FROM workers`,
  );
  await ds.query(
    `INSERT INTO worker_status_changes (worker_id, from_status, to_status, changed_at, source, note)
     SELECT id, CASE WHEN random() < 0.7 THEN 'employed_out_of_province' ELSE 'employed_in_province' END, 'not_employed',
            now() - make_interval(days => floor(random() * 330)::int), 'followup', '返乡'
       FROM workers WHERE employment_status = 'not_employed' AND random() < 0.15`,
  );
  // 零就业户: households with labourers and none employed (what refreshHouseholds keeps).
  await ds.query(
    `UPDATE households h SET labourer_count = s.n, employed_count = s.e, zero_employment = (s.n > 0 AND s.e = 0)
       FROM (SELECT household_id, count(*)::int AS n,
                    count(*) FILTER (WHERE employment_status IN ('employed_in_county', 'employed_in_province', 'employed_out_of_province', 'public_welfare_post', 'self_employed'))::int AS e
               FROM workers GROUP BY household_id) s
      WHERE s.household_id = h.id`,
  );
}

/** Employers and job orders (bench/search's generator), some requiring a certificate; all published. */
export async function generateOrders(ds: DataSource, p: Places, count: number): Promise<void> {
  const emps = employers(p, Math.max(50, Math.round(count / 10)));
  await ds.getRepository(Employer).insert(emps.map((e) => ({
    id: e.id, name: e.name, countyCode: e.countyCode, kind: e.kind, lng: e.lng, lat: e.lat, verification: 'verified', version: 1,
  }) as Partial<Employer>));
  const jobs: Partial<JobOrder>[] = [];
  for (let i = 0; i < count; i++) {
    const { job } = jobOrder(p, emps, i);
    const rng = new Rng(mix(7, i));
    const { employer: _employer, ...row } = job as JobOrder & { employer?: unknown };
    const certificate = row.requiredSkills.map((s) => CERTIFICATE_OF[s]).find(Boolean);
    row.requiredCertificates = certificate && rng.chance(0.6) ? [certificate] : rng.chance(0.04) ? ['健康证'] : [];
    row.ageMin = rng.pick([16, 18, 18, 18, 20]);
    row.ageMax = rng.pick([40, 45, 50, 55, 55, 60]);
    jobs.push(row);
  }
  for (let from = 0; from < jobs.length; from += 1000) await ds.getRepository(JobOrder).insert(jobs.slice(from, from + 1000));
}

/** Applications: active placements (a quarter of those working away, 1 % of the others), and past jobs for tenure. */
export async function generateApplications(ds: DataSource): Promise<void> {
  const pick = (where: string, status: string, dates: string) => `
    WITH o AS (SELECT row_number() OVER (ORDER BY id) AS k, id, employer_id, category FROM job_orders),
         w AS MATERIALIZED (SELECT id, home_county_code, 1 + floor(random() * (SELECT count(*) FROM job_orders))::int AS k FROM workers WHERE ${where})
    INSERT INTO applications (job_order_id, worker_id, employer_id, worker_county_code, category, status, channel, start_date, arrived_on, left_on, version)
    SELECT o.id, w.id, o.employer_id, w.home_county_code, o.category, '${status}', 'broker', ${dates}, 1
      FROM w JOIN o ON o.k = w.k`;
  await ds.query(pick(`employment_status = 'employed_out_of_province' AND random() < 0.25`, 'arrived',
    `current_date - 200, current_date - floor(random() * 200)::int, NULL`));
  await ds.query(pick(`employment_status = 'not_employed' AND random() < 0.01`, 'accepted', `current_date + 20, NULL, NULL`));
  await ds.query(pick(`random() < 0.15`, 'left',
    `current_date - 1500, current_date - 1500 + floor(random() * 300)::int, current_date - 1100 + floor(random() * 700)::int`));
}
