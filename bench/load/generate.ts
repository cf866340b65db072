import { createHash } from 'node:crypto';
import { hashPassword, User } from '@daogang/accounts';
import { EmploymentStatus, Worker } from '@daogang/registry';
import { Role, type PiiCipher } from '@daogang/platform';
import type { DataSource } from 'typeorm';
import { generateOrders } from '../match/generate.js';
import { worker as searchWorker, type Places } from '../search/generate.js';
import { GIVEN, SURNAMES } from '../search/vocab.js';
import { PASSWORD } from './config.js';

/**
 * The bench's world, generated once and kept:
 * - employers and published job orders from bench/match's generator (bench/search's corpus: 33 trades in 14
 *   categories across the eastern cities of the pairings, a tenth western workshops; a tenth as many employers as
 *   orders, all verified; ages 16–20 up to 40–60, starts 3–120 days ahead);
 * - an account for every employer (the "new application" notice goes to the employer's accounts) and two brokers per
 *   western county (and to the brokers of the worker's county);
 * - `workers` worker accounts (mobile number + password, the way workers sign in) each with a worker profile from
 *   bench/search's generator (names, villages, skills, wishes), not employed, aged 25–38 so every order's age range
 *   admits them: any (worker, order) pair is a valid application.
 * Every account shares one argon2id hash of PASSWORD (hashing thousands would take minutes and measures nothing).
 */
export const GENERATOR_VERSION = 1;

const log = (message: string) => process.stderr.write(`[bench/load ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** Worker i's mobile number (i from 0): 138 1000 0000 + i. */
export const mobileOf = (i: number) => `138${String(10_000_000 + i).padStart(8, '0')}`;

export async function generateWorld(ds: DataSource, p: Places, pii: PiiCipher, size: { jobs: number; workers: number }): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  let t = performance.now();
  await generateOrders(ds, p, size.jobs);
  log(`${size.jobs.toLocaleString('en')} job orders and their employers in ${Math.round(performance.now() - t)} ms`);

  t = performance.now();
  await ds.query(
    `INSERT INTO users (id, role, username, display_name, password_hash, employer_id)
     SELECT md5('bench-load-employer-' || e.id)::uuid, 'employer', 'bench_emp_' || row_number() OVER (ORDER BY e.id), left(e.name, 64), $1, e.id
       FROM employers e`,
    [passwordHash],
  );
  await ds.query(
    `INSERT INTO users (id, role, username, display_name, password_hash)
     SELECT md5('bench-load-broker-' || c || '-' || i)::uuid, 'broker', 'bench_broker_' || c || '_' || i,
            ($2::text[])[1 + (hashtext(c || i) & 1023) % array_length($2::text[], 1)] || ($3::text[])[1 + (hashtext(i || c) & 1023) % array_length($3::text[], 1)],
            $4
       FROM unnest($1::text[]) c, generate_series(1, 2) i`,
    [p.westCounties, SURNAMES, GIVEN, passwordHash],
  );
  await ds.query(
    `INSERT INTO user_counties (user_id, county_code)
     SELECT md5('bench-load-broker-' || c || '-' || i)::uuid, c FROM unnest($1::text[]) c, generate_series(1, 2) i`,
    [p.westCounties],
  );

  const today = new Date();
  const chunk = 1000;
  for (let from = 0; from < size.workers; from += chunk) {
    const users: Array<Partial<Omit<User, 'employer'>>> = [];
    const workers: Array<Partial<Worker>> = [];
    for (let i = from; i < Math.min(size.workers, from + chunk); i++) {
      const w = searchWorker(p, i) as Worker & { household?: unknown };
      const mobile = mobileOf(i);
      const userId = uuid('bench-load-user', i);
      users.push({
        id: userId, role: Role.Worker, displayName: w.name, passwordHash, status: 'active',
        mobileHash: pii.hash('mobile', mobile), mobileEncrypted: pii.encrypt(mobile),
      });
      // 25–38 years old on any day of the next half year: inside every order's age range.
      const birth = new Date(Date.UTC(today.getUTCFullYear() - 25 - (i % 14), today.getUTCMonth(), today.getUTCDate()) - ((i * 37) % 300) * 86_400_000);
      const idNumber = `${w.homeCountyCode}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(i % 1000).padStart(3, '0')}X`;
      const { household: _household, ...profile } = w;
      workers.push({
        ...profile,
        userId,
        birthDate: birth.toISOString().slice(0, 10),
        idNumberHash: pii.hash('id_number', idNumber),
        idNumberEncrypted: pii.encrypt(idNumber),
        idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`,
        idRegionCode: w.homeCountyCode,
        mobileHash: pii.hash('mobile', mobile),
        mobileEncrypted: pii.encrypt(mobile),
        mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
        employmentStatus: EmploymentStatus.NotEmployed,
        source: 'self',
      });
    }
    await ds.getRepository(User).insert(users);
    await ds.getRepository(Worker).insert(workers);
  }
  await ds.query(
    `INSERT INTO worker_status_changes (worker_id, from_status, to_status, changed_at, source, note)
     SELECT id, NULL, employment_status, now() - make_interval(days => 30 + floor(random() * 300)::int), 'self', '登记' FROM workers`,
  );
  log(`${size.workers.toLocaleString('en')} worker accounts with their profiles, employer and broker accounts in ${Math.round(performance.now() - t)} ms`);
}

/** A deterministic uuid from a name and a number (md5, as the SQL above does). */
function uuid(name: string, i: number): string {
  const hex = createHash('md5').update(`${name}-${i}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Before each run: the previous run's applications, notices, tokens and outbox rows go (so every (worker, order) pair
 * is fresh again and the tables are the size the data set says), and the dates move to today so every order is still
 * open and every worker the same age.
 */
export async function prepareRun(ds: DataSource, generatedFor: string, today: string): Promise<void> {
  await ds.query(
    `TRUNCATE application_events, subsidy_claims, applications, notifications, sms_messages, refresh_tokens, outbox_events, idempotency_keys,
              retention_changes, report_changes CASCADE`,
  );
  const [{ days }] = await ds.query(`SELECT ($1::date - $2::date) AS days`, [today, generatedFor]);
  if (days !== 0) {
    await ds.query(
      `UPDATE job_orders SET start_date = start_date + $1::int, expires_on = expires_on + $1::int, published_at = published_at + make_interval(days => $1::int)`,
      [days],
    );
    await ds.query(`UPDATE workers SET birth_date = birth_date + $1::int`, [days]);
    await ds.query(`UPDATE bench_meta SET today = $1::date`, [today]);
    await ds.query('VACUUM ANALYZE job_orders, workers');
  }
}
