import type { DataSource } from 'typeorm';
import { generateOrders } from '../match/generate.js';
import { GIVEN, SURNAMES } from '../search/vocab.js';
import type { Places } from '../search/generate.js';

/**
 * The bench's world, written straight into PostgreSQL with INSERT … SELECT generate_series in chunks (no round trip
 * per row): employers and job orders from bench/match's generator (only the eastern enterprises' orders take
 * placements), two brokers per western county, one worker per placement from the western counties (larger counties
 * first), placements that arrived over the last 12 months (a quarter in the weeks after the Spring Festival, when most
 * go out) with about a quarter gone again at realistic tenures (most leave in the first weeks), and the default
 * programme's five follow-ups per placement (days 3, 7, 30, 90 and 180 after arrival) in the states the schedule would
 * have left them: scheduled while in the future, due on the day, done for 86 % of those past (a day or two late at
 * most), overdue once the grace days are past (escalated a week later), and — once the worker has left — cancelled
 * unless done before leaving. Four workers in five have a mobile number on file (the check-in SMS of the due scan).
 */
export const GENERATOR_VERSION = 3;
export const FOLLOW_UP_DAYS = [3, 7, 30, 90, 180];
/** FOLLOWUP_GRACE_DAYS and FOLLOWUP_ESCALATE_DAYS at their defaults. */
const GRACE_DAYS = 3;
const ESCALATE_DAYS = 7;
const CHUNK = 100_000;
// Instants are stamped at a Beijing day's midnight, as the schedule does.

const log = (message: string) => process.stderr.write(`[bench/followup ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

export interface World {
  placements: number;
  /** Encrypted mobile numbers (PiiCipher) and their masked forms, handed out to the workers in turn. */
  mobiles: Array<{ encrypted: string; masked: string }>;
  /** The generation day (Beijing): the bench's "today" for the scan and the reports. */
  today: string;
}

/** The weeks after the Spring Festival (20 Feb – 31 Mar) of the last 12 months, as days before today. */
function springWindow(today: string): { nearest: number; farthest: number } {
  const year = Number(today.slice(0, 4));
  const end = `${today.slice(5) > '03-31' ? year : year - 1}-03-31`;
  const start = `${end.slice(0, 4)}-02-20`;
  const daysBefore = (day: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
  return { nearest: daysBefore(end), farthest: Math.min(364, daysBefore(start)) };
}

export async function generateWorld(ds: DataSource, p: Places, world: World): Promise<void> {
  const { placements, today, mobiles } = world;
  await ds.query(`SELECT setseed(0.1180)`);

  // ---- employers and job orders (bench/match's generator: eastern enterprises plus a tenth western workshops) ----
  let t = performance.now();
  await generateOrders(ds, p, Math.max(1000, Math.round(placements / 50)));
  await ds.query(`CREATE UNLOGGED TABLE bench_orders (k serial PRIMARY KEY, id uuid NOT NULL, employer_id uuid NOT NULL, category varchar(16) NOT NULL, work_county_code char(6) NOT NULL)`);
  await ds.query(
    `INSERT INTO bench_orders (id, employer_id, category, work_county_code)
     SELECT j.id, j.employer_id, j.category, j.work_county_code FROM job_orders j JOIN employers e ON e.id = j.employer_id
      WHERE e.kind = 'enterprise' ORDER BY j.id`,
  );
  log(`employers and job orders in ${Math.round(performance.now() - t)} ms`);

  // ---- brokers: two per western county, with their counties ----
  const counties = p.westCounties;
  await ds.query(`CREATE UNLOGGED TABLE bench_brokers (county char(6) NOT NULL, i int NOT NULL, id uuid NOT NULL, PRIMARY KEY (county, i))`);
  await ds.query(
    `INSERT INTO bench_brokers SELECT c, i, md5('bench-fu-broker-' || c || '-' || i)::uuid FROM unnest($1::text[]) c, generate_series(1, 2) i`,
    [counties],
  );
  await ds.query(
    `INSERT INTO users (id, role, username, display_name, password_hash)
     SELECT b.id, 'broker', 'bench_broker_' || b.county || '_' || b.i,
            ($1::text[])[1 + (hashtext(b.county || b.i) & 1023) % array_length($1::text[], 1)] || ($2::text[])[1 + (hashtext(b.i || b.county) & 1023) % array_length($2::text[], 1)],
            'bench-not-a-password-hash'
       FROM bench_brokers b`,
    [SURNAMES, GIVEN],
  );
  await ds.query(`INSERT INTO user_counties (user_id, county_code) SELECT id, county FROM bench_brokers`);

  // ---- the placements' facts, drawn once (a worker each), numbered in arrival order: applications and follow-ups are
  // written in that order, as they are in life (the schedule inserts a placement's follow-ups when it arrives), while
  // workers, registered long before, are written in an order unrelated to it ----
  t = performance.now();
  const spring = springWindow(today);
  await ds.query(
    `CREATE UNLOGGED TABLE bench_placements AS
     SELECT g, row_number() OVER (ORDER BY md5(g::text)) AS w, md5('bench-fu-w' || g)::uuid AS worker_id, md5('bench-fu-a' || g)::uuid AS application_id,
            county, arrived_on, CASE WHEN tenure IS NOT NULL AND arrived_on + tenure <= $2::date THEN arrived_on + tenure END AS left_on,
            1 + floor(random() * (SELECT count(*) FROM bench_orders))::int AS k,
            random() < 0.75 AS by_broker, 1 + floor(random() * 2)::int AS broker_i
       FROM (SELECT row_number() OVER (ORDER BY arrived_on, r) AS g, county, arrived_on, tenure FROM (SELECT random() AS r, ($1::text[])[1 + floor(power(random(), 1.4) * array_length($1::text[], 1))::int] AS county,
                    $2::date - CASE WHEN random() < 0.25 THEN $4::int + floor(random() * ($5::int - $4::int + 1))::int ELSE floor(random() * 365)::int END AS arrived_on,
                    CASE WHEN random() < 0.31 THEN 1 + floor(-ln(1 - random()) * 75)::int END AS tenure
               FROM generate_series(1, $3::int)) d) s`,
    [counties, today, placements, spring.nearest, spring.farthest],
  );
  await ds.query(`ALTER TABLE bench_placements ADD PRIMARY KEY (g)`);
  await ds.query(`CREATE UNIQUE INDEX ON bench_placements (w)`);
  log(`placement facts drawn in ${Math.round(performance.now() - t)} ms`);

  for (let from = 1; from <= placements; from += CHUNK) {
    const to = Math.min(placements, from + CHUNK - 1);
    await ds.query(
      `INSERT INTO workers (id, name, id_number_hash, id_number_encrypted, id_number_masked, birth_date, sex, id_region_code, home_county_code,
                            mobile_encrypted, mobile_masked, employment_status, source, version)
       SELECT worker_id, ($3::text[])[1 + g % array_length($3::text[], 1)] || ($4::text[])[1 + (g / 7) % array_length($4::text[], 1)],
              md5('bench-fu-id-' || g), 'bench', left(county, 6) || '********' || lpad((g % 10000)::text, 4, '0'),
              arrived_on - (18 * 365 + (g::bigint * 7919 % (35 * 365))::int), CASE WHEN g % 5 < 3 THEN 'M' ELSE 'F' END, county, county,
              CASE WHEN g % 5 <> 0 THEN ($5::text[])[1 + g % array_length($5::text[], 1)] END,
              CASE WHEN g % 5 <> 0 THEN ($6::text[])[1 + g % array_length($6::text[], 1)] END,
              CASE WHEN left_on IS NULL THEN 'employed_out_of_province' ELSE 'not_employed' END, 'import', 1
         FROM bench_placements WHERE w BETWEEN $1 AND $2 ORDER BY w`,
      [from, to, SURNAMES, GIVEN, mobiles.map((m) => m.encrypted), mobiles.map((m) => m.masked)],
    );
  }
  log(`${placements.toLocaleString('en')} workers`);
  for (let from = 1; from <= placements; from += CHUNK) {
    const to = Math.min(placements, from + CHUNK - 1);
    t = performance.now();
    await ds.query(
      `INSERT INTO applications (id, job_order_id, worker_id, employer_id, worker_county_code, work_county_code, category, status, channel,
                                 offered_at, accepted_at, start_date, arrived_on, left_on, reason, created_by, version, created_at)
       SELECT p.application_id, o.id, p.worker_id, o.employer_id, p.county, o.work_county_code, o.category,
              CASE WHEN p.left_on IS NULL THEN 'arrived' ELSE 'left' END, CASE WHEN p.by_broker THEN 'broker' ELSE 'worker' END,
              (p.arrived_on - 20)::timestamptz, (p.arrived_on - 18)::timestamptz, p.arrived_on, p.arrived_on, p.left_on,
              CASE WHEN p.left_on IS NULL THEN '' ELSE '个人原因' END, CASE WHEN p.by_broker THEN b.id END, 5, (p.arrived_on - 25)::timestamptz
         FROM bench_placements p JOIN bench_orders o ON o.k = p.k JOIN bench_brokers b ON b.county = p.county AND b.i = p.broker_i
        WHERE p.g BETWEEN $1 AND $2
        ORDER BY p.g`,
      [from, to],
    );
    await ds.query(
      `INSERT INTO follow_ups (application_id, worker_id, county_code, broker_id, day_offset, due_on, status, promoted_at, overdue_at, escalated_at, done_at, created_at)
       SELECT application_id, worker_id, county, broker_id, day_offset, due_on, status,
              CASE WHEN status IN ('due', 'done', 'overdue') OR (status = 'cancelled' AND due_on <= least(left_on, $3::date)) THEN ((due_on)::timestamp AT TIME ZONE 'Asia/Shanghai') END,
              CASE WHEN status = 'overdue' THEN ((due_on + $4::int + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') END,
              CASE WHEN status = 'overdue' AND due_on + $4::int + 1 + $6::int <= $3::date THEN ((due_on + $4::int + 1 + $6::int)::timestamp AT TIME ZONE 'Asia/Shanghai') END,
              CASE WHEN status = 'done' THEN ((least(due_on + late, left_on, $3::date))::timestamp AT TIME ZONE 'Asia/Shanghai') + interval '10 hours' END,
              ((arrived_on)::timestamp AT TIME ZONE 'Asia/Shanghai') + interval '18 hours'
         FROM (SELECT p.g AS application_id_order, p.application_id, p.worker_id, p.county, b.id AS broker_id, d.day_offset, p.arrived_on + d.day_offset AS due_on,
                      p.arrived_on, p.left_on, floor(power(random(), 3) * 3)::int AS late,
                      CASE WHEN p.left_on <= p.arrived_on + d.day_offset THEN 'cancelled'
                           WHEN p.left_on IS NOT NULL THEN CASE WHEN random() < 0.86 THEN 'done' ELSE 'cancelled' END
                           WHEN p.arrived_on + d.day_offset > $3::date THEN 'scheduled'
                           WHEN p.arrived_on + d.day_offset = $3::date THEN 'due'
                           WHEN random() < 0.86 THEN 'done'
                           WHEN p.arrived_on + d.day_offset < $3::date - $4::int THEN 'overdue'
                           ELSE 'due' END AS status
                 FROM bench_placements p
                 JOIN bench_brokers b ON b.county = p.county AND b.i = p.broker_i
                CROSS JOIN unnest($5::int[]) AS d(day_offset)
                WHERE p.g BETWEEN $1 AND $2) f
        ORDER BY application_id_order, day_offset`,
      [from, to, today, GRACE_DAYS, FOLLOW_UP_DAYS, ESCALATE_DAYS],
    );
    log(`placements ${to.toLocaleString('en')} / ${placements.toLocaleString('en')} (${Math.round(performance.now() - t)} ms for this chunk)`);
  }
  await ds.query(`DROP TABLE bench_placements, bench_orders, bench_brokers`);
}

/**
 * 10,000 follow-ups due and still `scheduled`, as before the morning's scan: those due today first, then (if today
 * has fewer) the latest of those due before, as if yesterday's scan had missed them. Their ids are kept in
 * `bench_due_scan` so every run starts from the same state.
 */
export async function arrangeDueScan(ds: DataSource, today: string, count: number): Promise<number> {
  await ds.query(`DROP TABLE IF EXISTS bench_due_scan`);
  await ds.query(
    `CREATE TABLE bench_due_scan AS
     SELECT id FROM follow_ups WHERE status = 'due' AND due_on <= $1::date ORDER BY due_on DESC, id LIMIT $2`,
    [today, count],
  );
  return resetDueScan(ds);
}

/** Puts the arranged follow-ups back to `scheduled` (a previous run promoted them). */
export async function resetDueScan(ds: DataSource): Promise<number> {
  await ds.query(
    `UPDATE follow_ups f SET status = 'scheduled', promoted_at = NULL, done_at = NULL, visit_id = NULL
       FROM bench_due_scan s WHERE f.id = s.id AND f.status <> 'scheduled'`,
  );
  const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM bench_due_scan`);
  return count;
}
