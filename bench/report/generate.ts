import { EmploymentStatus, JOB_CATEGORIES, RegionsService, SKILLS } from '@daogang/registry';
import { REPORT_RECOUNT } from '@daogang/reporting';
import type pg from 'pg';
import { mix, Rng } from '../search/prng.js';
import { BRANDS, GIVEN, SURNAMES, TOWN_ROOTS, VILLAGE_ENDS, VILLAGE_ROOTS } from '../search/vocab.js';

/**
 * The bench's world, written straight into PostgreSQL with INSERT … SELECT generate_series (no round trip per row), on
 * one connection with `session_replication_role = replica`: neither the report triggers nor the foreign-key triggers
 * fire while loading (every key is made consistent by construction), and the report summary is then filled in one
 * statement from REPORT_RECOUNT — the faster of the two ways (README: 250,000 workers take 6.0 s to insert this way
 * against 7.9 s with the report and foreign-key triggers on, plus 0.8 s to fold their 96,000 change rows; the recount
 * of everything takes 2.4–5.2 s once). The retention summary, whose triggers were off too, gets its placements queued in
 * retention_changes (what its own rebuild does), so it stays consistent for whoever folds it.
 *
 * - 82 counties of 甘肃 (all but 兰州's five urban districts, which are where the in-province placements work) and 4 of
 *   恩施, sizes skewed (share ∝ 1/√rank; 临夏县 the largest, 116,682 labourers; the smallest ~12,000);
 * - 150 villages per county in 10 townships (城关镇 the largest), village sizes skewed;
 * - households of 1–6 labourers (mean 3.37: ~593,000 households), laid end to end over the villages;
 * - a labourer's status: in 97 % of households one member works (the household's earner), the others work with the
 *   county's propensity (27–47 %): ~55 % employed overall (省外 ~44 % of them, 省内县外 22 %, 县内 18 %, 公益性岗位 7 %,
 *   自主创业 9 %), the rest 18 % in training and 82 % not employed; zero_employment and the household counts follow
 *   from the members;
 * - completeness: a county's diligence (25–75 % of records complete), the rest missing fields at realistic rates,
 *   the columns, missing_fields and completeness set as assessCompleteness would;
 * - status history: a registration row for everyone (2 % in the last 60 days, the rest 1–4 years ago), and 0–3
 *   changes in the last year (55/30/12/3 %) on uniformly drawn days, ending at the current status — about 5 % of the
 *   labourers change in a month (142,958 rows in the last 30 days with the new registrations) — written in time order
 *   (ids rise with changed_at as in life);
 * - placements: 30 % of those employed out of province arrived through the platform (85 % in their pairing's eastern
 *   counties — 天津, 厦门, 福州, 青岛, 杭州 — 15 % in unpaired Shenzhen, Dongguan, Suzhou), 10 % of those employed in
 *   the province (兰州 / 武汉 districts), two employers with one order per work county; the default follow-up
 *   programme (days 3, 7, 30, 90, 180) in the states the schedule leaves (7 % of past ones overdue), open cases for
 *   1.5 % of placements, closed ones for 2 %;
 * - the report summary from REPORT_RECOUNT, 30 daily snapshots back from the generation day derived from the status
 *   history (so the day-over-day change is real), last year's figures and targets for the year;
 * - an admin and an officer of 临夏州's eight counties (password BENCH_PASSWORD).
 */
export const GENERATOR_VERSION = 2;
export const BENCH_PASSWORD = 'bench-report-password-1';
export const ADMIN_ID = '00000000-0000-4000-8000-00000000ad01';
export const OFFICER_ID = '00000000-0000-4000-8000-00000000ad02';
export const ADMIN_LOGIN = 'bench_report_admin';
export const OFFICER_LOGIN = 'bench_report_officer';
export const LINXIA = ['622901', '622921', '622922', '622923', '622924', '622925', '622926', '622927'];
export const LARGEST = '622921';
const LANZHOU_URBAN = ['620102', '620103', '620104', '620105', '620111'];
const ENSHI = ['422801', '422802', '422822', '422823'];
const OTHER_EAST_CITIES = ['440300', '441900', '320500'];
const VILLAGES_PER_COUNTY = 150;
const TOWNSHIPS = 10;
const FOLLOW_UP_DAYS = [3, 7, 30, 90, 180];
/** In the enum's order: the generator's status index i is STATUSES[i]. */
export const STATUSES: EmploymentStatus[] = [
  EmploymentStatus.NotEmployed, EmploymentStatus.EmployedInCounty, EmploymentStatus.EmployedInProvince,
  EmploymentStatus.EmployedOutOfProvince, EmploymentStatus.InTraining, EmploymentStatus.PublicWelfarePost, EmploymentStatus.SelfEmployed,
];

const log = (message: string) => process.stderr.write(`[bench/report ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

export interface Plan {
  /** Rank order, the largest first. */
  counties: string[];
  shares: number[];
  /** Chance that a member other than the household's earner works. */
  empP: number[];
  /** Share of the employed who work out of the province. */
  outP: number[];
  /** Share of records complete. */
  completeQ: number[];
  /** Where a county's placed workers work: its pairing's eastern counties, unpaired eastern ones, in the province. */
  partners: Array<{ county: string; kind: 'east' | 'other' | 'province'; work: string }>;
}

export function plan(regions: RegionsService): Plan {
  const gansu = regions.all('county').filter((r) => r.code.startsWith('62') && !LANZHOU_URBAN.includes(r.code)).map((r) => r.code);
  const others = [...gansu, ...ENSHI].filter((c) => c !== LARGEST).sort((a, b) => mix(Number(a), 9) - mix(Number(b), 9));
  const counties = [LARGEST, ...others];
  const weights = counties.map((_, i) => 1 / Math.sqrt(i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const rng = new Rng(20261127);
  const within = new Map<string, string[]>();
  const countiesOf = (code: string): string[] => {
    let list = within.get(code);
    if (!list) {
      const region = regions.get(code)!;
      list = region.countyLevel ? [code] : regions.all('county').filter((r) => regions.isWithin(r.code, code)).map((r) => r.code);
      within.set(code, list);
    }
    return list;
  };
  const otherEast = OTHER_EAST_CITIES.flatMap(countiesOf);
  const partners: Plan['partners'] = [];
  for (const county of counties) {
    const matches = regions.pairingOf(county).filter((m) => m.side === 'west');
    const east: string[] = [];
    for (const m of matches) {
      const list = countiesOf(m.partner.code);
      // A district paired with the county itself takes more of its workers than the rest of the partner city.
      for (const code of list) for (let i = 0; i < (m.partner.countyLevel ? 6 : 1); i++) east.push(code);
    }
    for (const work of east) partners.push({ county, kind: 'east', work });
    for (const work of otherEast) partners.push({ county, kind: 'other', work });
    const province = county.startsWith('42') ? countiesOf('420100').slice(0, 6) : LANZHOU_URBAN.slice(0, 4);
    for (const work of province) partners.push({ county, kind: 'province', work });
  }
  const migrant = (c: string) => c.startsWith('6229') || c.startsWith('6211') || c.startsWith('6212');
  return {
    counties,
    shares: weights.map((w) => w / total),
    empP: counties.map(() => 0.27 + rng.next() * 0.2),
    outP: counties.map((c) => (migrant(c) ? 0.5 + rng.next() * 0.1 : 0.35 + rng.next() * 0.15)),
    completeQ: counties.map(() => 0.25 + rng.next() * 0.5),
    partners,
  };
}

export interface GenerateOptions {
  workers: number;
  /** Beijing day of the generation. */
  today: string;
  passwordHash: string;
}

/** Beijing wall-clock time of a day plus hours, as timestamptz SQL. */
const at = (day: string, hours: string) => `((${day})::timestamp + make_interval(hours => ${hours})) AT TIME ZONE 'Asia/Shanghai'`;

export async function generateWorld(db: pg.Client, p: Plan, regions: RegionsService, o: GenerateOptions): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const step = (name: string) => {
    const ms = Math.round(performance.now() - t);
    timings[name] = ms;
    log(`${name} in ${(ms / 1000).toFixed(1)} s`);
    t = performance.now();
  };
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  await q(`SET session_replication_role = replica`);
  await q(`SET work_mem = '256MB'`);
  await q(`SET maintenance_work_mem = '1GB'`);
  await q(`SET synchronous_commit = off`);
  await q(`SELECT setseed(0.2026)`);
  const W = o.workers;

  // ---- places: counties, villages in townships, laid end to end by share ----
  await q(`CREATE UNLOGGED TABLE bench_counties AS
           SELECT k::int, code::char(6), share, emp_p, out_p, complete_q
             FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[], $5::float8[]) WITH ORDINALITY AS u(code, share, emp_p, out_p, complete_q, k)`,
  [p.counties, p.shares, p.empP, p.outP, p.completeQ]);
  await q(`CREATE UNLOGGED TABLE bench_villages AS
           SELECT vid, k, county, township, village, share, sum(share) OVER (ORDER BY vid) - share AS lo FROM (
             SELECT row_number() OVER (ORDER BY k, t, i)::int AS vid, k, county,
                    CASE WHEN t = 0 THEN '城关镇' ELSE ($1::text[])[2 + (t - 1 + k * 3) % (array_length($1::text[], 1) - 1)] || CASE WHEN t % 3 = 2 THEN '乡' ELSE '镇' END END AS township,
                    ($2::text[])[1 + (i + k * 5) % array_length($2::text[], 1)] || ($3::text[])[1 + (i / array_length($2::text[], 1)) % array_length($3::text[], 1)] AS village,
                    c_share * w / sum(w) OVER (PARTITION BY k) AS share
               FROM (SELECT c.k, c.code AS county, c.share AS c_share, v.i, floor(power(random(), 1.6) * ${TOWNSHIPS})::int AS t,
                            0.15 + power(random(), 2) * 3 AS w
                       FROM bench_counties c CROSS JOIN generate_series(0, ${VILLAGES_PER_COUNTY - 1}) v(i) OFFSET 0) x) y`,
  [TOWN_ROOTS, VILLAGE_ROOTS, VILLAGE_ENDS]);
  await q(`ALTER TABLE bench_villages ADD PRIMARY KEY (vid)`);

  // ---- households (1–6 labourers) end to end over the villages, then one row per labourer with all it draws ----
  await q(`CREATE UNLOGGED TABLE bench_households AS
           WITH sized AS (
             SELECT n, CASE WHEN r < .10 THEN 1 WHEN r < .30 THEN 2 WHEN r < .55 THEN 3 WHEN r < .77 THEN 4 WHEN r < .91 THEN 5 ELSE 6 END AS size, earner
               FROM (SELECT n, random() AS r, random() < 0.97 AS earner FROM generate_series(1, $2::int) n OFFSET 0) s
           ), placed AS (SELECT n, size, earner, (sum(size) OVER (ORDER BY n) - size)::int AS first FROM sized)
           SELECT n, least(size, $1::int - first)::int AS size, earner, first,
                  width_bucket((first + 0.5) / $1::float8, (SELECT array_agg(lo ORDER BY vid) FROM bench_villages)) AS vid
             FROM placed WHERE first < $1::int`,
  [W, Math.ceil((W / 3.37) * 1.1)]);
  await q(`ALTER TABLE bench_households ADD PRIMARY KEY (n)`);
  await q(`CREATE UNLOGGED TABLE bench_members AS
           SELECT g, n, m, vid, county, k, st, reg_days, kc, a1, a2, a3, sex_m, age_days, place_r,
                  CASE kc WHEN 0 THEN NULL WHEN 1 THEN u1 WHEN 2 THEN greatest(u1, u2) ELSE greatest(u1, u2, u3) END AS d1,
                  CASE kc WHEN 2 THEN least(u1, u2) WHEN 3 THEN u1 + u2 + u3 - greatest(u1, u2, u3) - least(u1, u2, u3) END AS d2,
                  CASE kc WHEN 3 THEN least(u1, u2, u3) END AS d3,
                  CASE kc WHEN 0 THEN reg_days WHEN 1 THEN u1 WHEN 2 THEN least(u1, u2) ELSE least(u1, u2, u3) END AS last_days,
                  full_rec OR r_mob < .9 AS mob, full_rec OR r_mok < .7 AS mob_ok, full_rec OR r_edu < .85 AS edu, full_rec OR r_skl < .7 AS skl,
                  full_rec OR r_wsh < .6 AS wsh, full_rec OR r_wag < .55 AS wag, full_rec OR r_avl < .5 AS avl, full_rec OR r_emg < .45 AS emg
             FROM (
               SELECT g, n, m, vid, county, k, reg_days, kc, a1, a2, a3, sex_m, age_days, place_r, full_rec,
                      r_mob, r_mok, r_edu, r_skl, r_wsh, r_wag, r_avl, r_emg,
                      CASE WHEN NOT employed THEN CASE WHEN r_cls < .18 THEN 4 ELSE 0 END
                           WHEN r_cls < out_p THEN 3
                           WHEN r_cls < out_p + (1 - out_p) * .39 THEN 2
                           WHEN r_cls < out_p + (1 - out_p) * .71 THEN 1
                           WHEN r_cls < out_p + (1 - out_p) * .84 THEN 5
                           ELSE 6 END AS st,
                      1 + floor(r_d1 * least(364, reg_days - 1))::int AS u1, 1 + floor(r_d2 * least(364, reg_days - 1))::int AS u2,
                      1 + floor(r_d3 * least(364, reg_days - 1))::int AS u3
                 FROM (
                   SELECT h.first + m AS g, h.n, m, h.vid, v.county, v.k, c.out_p,
                          (m = 1 AND h.earner) OR random() < c.emp_p AS employed, random() AS r_cls,
                          reg_days, CASE WHEN reg_days < 3 THEN 0 WHEN r_k < .55 THEN 0 WHEN r_k < .85 THEN 1 WHEN r_k < .97 THEN 2 ELSE 3 END AS kc,
                          random() AS r_d1, random() AS r_d2, random() AS r_d3,
                          a1, a1 + o2 AS a2, a1 + o2 + o3 AS a3,
                          random() < .53 AS sex_m, (16 * 365 + floor(power(random(), 1.2) * 44 * 365))::int AS age_days, random() AS place_r,
                          random() < c.complete_q AS full_rec,
                          random() AS r_mob, random() AS r_mok, random() AS r_edu, random() AS r_skl, random() AS r_wsh, random() AS r_wag,
                          random() AS r_avl, random() AS r_emg
                     FROM (SELECT h.*, m, CASE WHEN random() < .02 THEN 1 + floor(random() * 59)::int ELSE 365 + floor(random() * 1095)::int END AS reg_days,
                                  random() AS r_k, 1 + floor(random() * 6)::int AS a1, 1 + floor(random() * 6)::int AS o2, 1 + floor(random() * 6)::int AS o3
                             FROM bench_households h CROSS JOIN LATERAL generate_series(1, h.size) m OFFSET 0) h
                     JOIN bench_villages v ON v.vid = h.vid JOIN bench_counties c ON c.k = v.k
                   OFFSET 0) x
               OFFSET 0) y`);
  // The change days (days ago) are the order statistics of kc uniform draws over the last year (or since registration):
  // d1 ≥ d2 ≥ d3, the last one the most recent. The statuses back from the current one: S_kc = st, S_(kc-j) = (st + a_j) % 7 with a_j - a_(j-1) in 1..6, so no
  // change goes from a status to itself.
  step('places, households and labourers drawn');

  // ---- households (counts from their members), in village order ----
  await q(`INSERT INTO households (id, registration_no, county_code, township, village, head_name, registered_poor, zero_employment,
                                   labourer_count, employed_count, version, created_at, updated_at)
           SELECT md5('bench-report-h' || h.n)::uuid, 'BR' || lpad(h.n::text, 9, '0'), v.county, v.township, v.village,
                  ($1::text[])[1 + h.n % array_length($1::text[], 1)] || ($2::text[])[1 + (h.n * 31) % array_length($2::text[], 1)],
                  random() < .3, s.e = 0, s.size, s.e, 1, $3::date - 1400, $3::date - 1400
             FROM bench_households h JOIN bench_villages v ON v.vid = h.vid
             JOIN (SELECT n, count(*)::int AS size, count(*) FILTER (WHERE st IN (1, 2, 3, 5, 6))::int AS e FROM bench_members GROUP BY n) s ON s.n = h.n
            ORDER BY h.vid, h.n`,
  [SURNAMES, GIVEN, o.today]);
  step('households');

  // ---- workers: village by village (an import is a village's sheet), the villages in a shuffled order ----
  const reg = at(`$3::date - m.reg_days`, '8');
  const lastAt = at(`$3::date - m.last_days`, 'CASE WHEN m.kc = 0 THEN 8 ELSE 8 + m.kc END');
  const CHUNKS = 8;
  for (let c = 0; c < CHUNKS; c++) {
    await q(`INSERT INTO workers (id, household_id, name, id_number_hash, id_number_encrypted, id_number_masked, birth_date, sex, id_region_code,
                                  mobile_hash, mobile_encrypted, mobile_masked, mobile_verified_at, home_county_code, township, village,
                                  registered_poor, education, skills, wish_categories, min_monthly_wage, available_from,
                                  employment_status, status_changed_at, emergency_contact_name, emergency_contact_mobile_encrypted,
                                  completeness, missing_fields, source, version, created_at, updated_at)
             SELECT md5('bench-report-w' || m.g)::uuid, md5('bench-report-h' || m.n)::uuid,
                    ($1::text[])[1 + m.n % array_length($1::text[], 1)] || ($2::text[])[1 + (m.g::bigint * 7919) % array_length($2::text[], 1)],
                    md5('bench-report-id-' || m.g), 'bench', m.county || '********' || lpad((m.g % 10000)::text, 4, '0'),
                    $3::date - m.age_days, CASE WHEN m.sex_m THEN 'M' ELSE 'F' END, m.county,
                    CASE WHEN m.mob THEN md5('bench-report-m' || m.g) END, CASE WHEN m.mob THEN 'bench' END,
                    CASE WHEN m.mob THEN '139****' || lpad((m.g % 10000)::text, 4, '0') END,
                    CASE WHEN m.mob AND m.mob_ok THEN ${reg} END,
                    m.county, v.township, v.village, m.n % 3 = 0,
                    CASE WHEN m.edu THEN (ARRAY['primary', 'junior', 'junior', 'junior', 'senior', 'vocational', 'college'])[1 + m.g % 7] END,
                    CASE WHEN m.skl THEN ARRAY[($4::text[])[1 + (m.g * 13) % array_length($4::text[], 1)]] ELSE '{}' END,
                    CASE WHEN m.wsh THEN ARRAY[($5::text[])[1 + (m.g * 17) % array_length($5::text[], 1)]] ELSE '{}' END,
                    CASE WHEN m.wag THEN 3000 + 500 * (m.g % 7)::int END,
                    CASE WHEN m.avl THEN $3::date + (m.g % 90)::int END,
                    ($6::text[])[1 + m.st], ${lastAt},
                    CASE WHEN m.emg THEN ($1::text[])[1 + (m.n + 7) % array_length($1::text[], 1)] || '某' ELSE '' END, CASE WHEN m.emg THEN 'bench' END,
                    (8 + 12 + CASE WHEN NOT m.mob THEN 0 WHEN m.mob_ok THEN 10 ELSE 5 END + 8 + 6 + 6 + m.edu::int * 8 + m.skl::int * 8 + m.wsh::int * 10
                       + m.wag::int * 6 + m.avl::int * 6 + m.emg::int * 12)::smallint,
                    array_remove(ARRAY[CASE WHEN NOT m.mob THEN 'mobile:missing' WHEN NOT m.mob_ok THEN 'mobile:unverified' END,
                                       CASE WHEN NOT m.edu THEN 'education:missing' END, CASE WHEN NOT m.skl THEN 'skills:missing' END,
                                       CASE WHEN NOT m.wsh THEN 'wishCategories:missing' END, CASE WHEN NOT m.wag THEN 'minMonthlyWage:missing' END,
                                       CASE WHEN NOT m.avl THEN 'availableFrom:missing' END, CASE WHEN NOT m.emg THEN 'emergencyContact:missing' END], NULL),
                    'import', 1, ${reg}, ${lastAt}
               FROM bench_members m JOIN bench_villages v ON v.vid = m.vid
              WHERE hashint4(m.vid) & ${CHUNKS - 1} = $7
              ORDER BY hashint4(m.vid), m.n, m.m`,
    [SURNAMES, GIVEN, o.today, SKILLS, JOB_CATEGORIES, STATUSES, c]);
    log(`workers: part ${c + 1} / ${CHUNKS}`);
  }
  step(`${W.toLocaleString('en')} workers`);

  // ---- status history in time order: registration, then 0–3 changes ending at the current status ----
  await q(`INSERT INTO worker_status_changes (worker_id, from_status, to_status, changed_at, source, note)
           SELECT worker_id, from_status, to_status, changed_at, source, note FROM (
             SELECT md5('bench-report-w' || m.g)::uuid AS worker_id,
                    CASE WHEN j = 0 THEN NULL ELSE ($1::text[])[1 + (m.st + CASE m.kc - j + 1 WHEN 0 THEN 0 WHEN 1 THEN m.a1 WHEN 2 THEN m.a2 ELSE m.a3 END) % 7] END AS from_status,
                    ($1::text[])[1 + (m.st + CASE m.kc - j WHEN 0 THEN 0 WHEN 1 THEN m.a1 WHEN 2 THEN m.a2 ELSE m.a3 END) % 7] AS to_status,
                    CASE WHEN j = 0 THEN ${at('$2::date - m.reg_days', '8')}
                         ELSE ${at('$2::date - CASE j WHEN 1 THEN m.d1 WHEN 2 THEN m.d2 ELSE m.d3 END', '8 + j')} END AS changed_at,
                    CASE WHEN j = 0 THEN 'import' ELSE (ARRAY['manual', 'followup', 'placement', 'import', 'manual'])[1 + (m.g + j) % 5] END AS source,
                    CASE WHEN j = 0 THEN '登记' ELSE '' END AS note, m.g, j
               FROM bench_members m CROSS JOIN LATERAL generate_series(0, m.kc) j) s
            ORDER BY changed_at, g, j`,
  [STATUSES, o.today]);
  step('status history');

  // ---- employers and one order each in every work county; placements; their follow-ups and cases ----
  await q(`CREATE UNLOGGED TABLE bench_partners AS
           SELECT county::char(6), kind, row_number() OVER (PARTITION BY county, kind ORDER BY ord)::int AS i, work::char(6)
             FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(county, kind, work, ord)`,
  [p.partners.map((x) => x.county), p.partners.map((x) => x.kind), p.partners.map((x) => x.work)]);
  const works = [...new Set(p.partners.map((x) => x.work))].sort();
  const employerName = (code: string, j: number) => {
    const city = regions.county(code)?.city.shortName ?? code;
    return `${city}${BRANDS[mix(Number(code), j) % BRANDS.length]}${['电子', '制衣', '食品', '物流', '建材'][mix(j, Number(code)) % 5]}有限公司`;
  };
  await q(`CREATE UNLOGGED TABLE bench_orders AS
           SELECT work::char(6), j::int, md5('bench-report-e' || work || j)::uuid AS employer_id, md5('bench-report-o' || work || j)::uuid AS order_id,
                  name, category
             FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS u(work, j, name, category)`,
  [works.flatMap((w) => [w, w]), works.flatMap(() => [1, 2]), works.flatMap((w) => [employerName(w, 1), employerName(w, 2)]),
    works.flatMap((w) => [JOB_CATEGORIES[mix(Number(w), 1) % 7], JOB_CATEGORIES[mix(Number(w), 2) % 7]])]);
  await q(`INSERT INTO employers (id, name, county_code, kind, verification, version) SELECT employer_id, name, work, 'enterprise', 'verified', 1 FROM bench_orders`);
  await q(`INSERT INTO job_orders (id, employer_id, title, category, headcount, wage_min, wage_max, work_county_code, start_date, expires_on, status, published_at, version)
           SELECT order_id, employer_id, category || '（长期）', category, 5000, 4500, 6500, work, $1::date - 1500, $1::date + 365, 'published', $1::date - 1500, 1 FROM bench_orders`,
  [o.today]);
  await q(`CREATE UNLOGGED TABLE bench_placements AS
           SELECT md5('bench-report-a' || x.g)::uuid AS id, md5('bench-report-w' || x.g)::uuid AS worker_id, x.g, x.county, x.arrived_on,
                  bo.order_id, bo.employer_id, bo.category, bp.work, x.case_r
             FROM (SELECT m.g, m.county, $1::date - m.last_days AS arrived_on,
                          CASE WHEN m.st = 2 THEN 'province' WHEN random() < .85 THEN 'east' ELSE 'other' END AS kind,
                          random() AS r_i, 1 + floor(random() * 2)::int AS j, random() AS case_r
                     FROM bench_members m WHERE (m.st = 3 AND m.place_r < .3) OR (m.st = 2 AND m.place_r < .1) OFFSET 0) x
             JOIN (SELECT county, kind, count(*)::int AS n FROM bench_partners GROUP BY 1, 2) pc ON pc.county = x.county AND pc.kind = x.kind
             JOIN bench_partners bp ON bp.county = x.county AND bp.kind = x.kind AND bp.i = 1 + floor(x.r_i * pc.n)::int
             JOIN bench_orders bo ON bo.work = bp.work AND bo.j = x.j`,
  [o.today]);
  await q(`INSERT INTO applications (id, job_order_id, worker_id, employer_id, worker_county_code, work_county_code, category, status, channel,
                                     offered_at, accepted_at, start_date, arrived_on, version, created_at, updated_at)
           SELECT id, order_id, worker_id, employer_id, county, work, category, 'arrived', 'broker',
                  (arrived_on - 20)::timestamptz, (arrived_on - 18)::timestamptz, arrived_on, arrived_on, 4, (arrived_on - 25)::timestamptz, arrived_on::timestamptz
             FROM bench_placements p ORDER BY p.arrived_on, p.id`);
  await q(`INSERT INTO follow_ups (application_id, worker_id, county_code, day_offset, due_on, status, promoted_at, overdue_at, done_at, created_at)
           SELECT id, worker_id, county, d, due_on, status,
                  CASE WHEN status <> 'scheduled' THEN ${at('due_on', '0')} END,
                  CASE WHEN status = 'overdue' THEN ${at('due_on + 4', '0')} END,
                  CASE WHEN status = 'done' THEN ${at('due_on', '10')} END,
                  ${at('arrived_on', '18')}
             FROM (SELECT p.id, p.worker_id, p.county, p.arrived_on, d, p.arrived_on + d AS due_on,
                          CASE WHEN p.arrived_on + d > $1::date THEN 'scheduled' WHEN p.arrived_on + d = $1::date THEN 'due'
                               WHEN random() < .93 THEN 'done' WHEN p.arrived_on + d < $1::date - 3 THEN 'overdue' ELSE 'due' END AS status
                     FROM bench_placements p CROSS JOIN unnest($2::int[]) d OFFSET 0) f
            ORDER BY arrived_on, id, d`,
  [o.today, FOLLOW_UP_DAYS]);
  await q(`INSERT INTO follow_up_cases (application_id, worker_id, county_code, reasons, status, due_on, outcome, closed_at, created_at)
           SELECT id, worker_id, county, ARRAY[(ARRAY['wage_arrears', 'intent_to_leave', 'missed_follow_ups', 'needs_help', 'wage_drop'])[1 + floor(case_r * 1000)::int % 5]],
                  CASE WHEN case_r < .015 THEN 'open' ELSE 'closed' END, $1::date + 7 - floor(case_r * 1000)::int % 14,
                  CASE WHEN case_r < .015 THEN NULL ELSE 'resolved' END, CASE WHEN case_r < .015 THEN NULL ELSE now() - interval '3 days' END,
                  now() - make_interval(days => 2 + floor(case_r * 1000)::int % 20)
             FROM bench_placements WHERE case_r < .035`,
  [o.today]);
  // The retention summary's triggers were off as well: its placements queued for its own fold (as its rebuild does).
  await q(`INSERT INTO retention_changes (application_id) SELECT id FROM bench_placements`);
  step('employers, placements, follow-ups and cases');

  // ---- the report summary, counted once (the triggers count from here on) ----
  await q(`TRUNCATE report_changes, report_counts, report_county_counts, report_daily`);
  await q(`INSERT INTO report_counts (county_code, township, village, metric, n) SELECT county_code, township, village, metric, n FROM (${REPORT_RECOUNT}) r`);
  await q(`INSERT INTO report_county_counts (county_code, metric, n) SELECT county_code, metric, sum(n) FROM report_counts GROUP BY 1, 2 HAVING sum(n) <> 0`);
  step('report summary from REPORT_RECOUNT');

  // ---- 30 daily snapshots before the generation day: today's counts less the status history since each day ----
  await q(`WITH deltas AS (
             SELECT w.home_county_code AS county_code, (c.changed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, x.metric, sum(x.n) AS n
               FROM worker_status_changes c JOIN workers w ON w.id = c.worker_id
              CROSS JOIN LATERAL (VALUES ('status:' || c.to_status, 1), ('status:' || c.from_status, -1),
                                         ('workers', CASE WHEN c.from_status IS NULL THEN 1 ELSE 0 END)) x(metric, n)
              WHERE c.changed_at >= ${at('$1::date - 30', '0')} AND x.metric IS NOT NULL
              GROUP BY 1, 2, 3
           ), days AS (SELECT $1::date - d AS day, d FROM generate_series(1, 30) d)
           INSERT INTO report_daily (day, county_code, metric, n)
           SELECT day, county_code, metric, n FROM (
             SELECT d.day, cc.county_code, cc.metric,
                    CASE WHEN cc.metric IN ('overdue', 'open_cases') THEN round(cc.n * (1 + 0.004 * d.d * (hashint4(cc.county_code::text::int + d.d) % 7 - 2) / 7.0))
                         ELSE cc.n - coalesce(sum(x.n), 0) END AS n
               FROM report_county_counts cc CROSS JOIN days d
               LEFT JOIN deltas x ON x.county_code = cc.county_code AND x.metric = cc.metric AND x.day > d.day
              GROUP BY d.day, d.d, cc.county_code, cc.metric, cc.n) s
            WHERE n <> 0`,
  [o.today]);
  // Last year's figures for every county and class; a target set for the year in two counties of three.
  await q(`INSERT INTO employment_targets (year, county_code, destination, last_year, target)
           SELECT $1::int, county_code, destination, last_year, CASE WHEN hashint4(county_code::text::int) % 3 <> 0 THEN round(last_year * 1.05)::int END
             FROM (SELECT cc.county_code, d.destination, round(cc.n * (0.88 + (abs(hashint4(cc.county_code::text::int + d.o)) % 25) / 100.0))::int AS last_year
                     FROM report_county_counts cc
                     JOIN (VALUES ('out_of_province', 'status:employed_out_of_province', 1), ('in_province', 'status:employed_in_province', 2),
                                  ('in_county', 'status:employed_in_county', 3)) d(destination, metric, o) ON d.metric = cc.metric) s`,
  [Number(o.today.slice(0, 4))]);
  step('30 daily snapshots and the targets');

  // ---- the two readers ----
  await q(`INSERT INTO users (id, role, username, display_name, password_hash) VALUES
             ($1, 'admin', $3, '基准管理员', $5), ($2, 'officer', $4, '临夏州人社干部（基准）', $5)`,
  [ADMIN_ID, OFFICER_ID, ADMIN_LOGIN, OFFICER_LOGIN, o.passwordHash]);
  await q(`INSERT INTO user_counties (user_id, county_code) SELECT $1::uuid, unnest($2::text[])`, [OFFICER_ID, LINXIA]);

  await q(`DROP TABLE bench_counties, bench_villages, bench_households, bench_members, bench_partners, bench_orders, bench_placements`);
  await q(`RESET session_replication_role`);
  await q(`VACUUM (ANALYZE)`);
  step('VACUUM ANALYZE');
  return timings;
}
