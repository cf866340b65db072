import { lockHouseholds, refreshHouseholds } from '@daogang/registry';
import type { DataSource } from 'typeorm';
import { STATUSES } from './generate.js';

/** What the burst and the overhead pass change: a status other than the current one, drawn from the seed. */
function nextStatus(current: string, i: number, seed: number): string {
  const at = STATUSES.indexOf(current as (typeof STATUSES)[number]);
  return STATUSES[(at + 1 + ((i * 7 + seed) % 6)) % STATUSES.length];
}

/** `count` workers spread over the table (a Bernoulli sample, repeatable by seed), skipping the burst's own. */
async function pick(ds: DataSource, count: number, seed: number): Promise<Array<{ id: string; household_id: string | null; employment_status: string; status_changed_at: Date }>> {
  const [{ n }] = await ds.query(`SELECT greatest(reltuples, 1)::float8 AS n FROM pg_class WHERE oid = 'workers'::regclass`);
  const percent = Math.min(100, ((count * 1.3) / n) * 100);
  return ds.query(
    `SELECT id, household_id, employment_status, status_changed_at FROM workers TABLESAMPLE BERNOULLI (${percent}) REPEATABLE (${seed})
      WHERE id_number_hash NOT LIKE 'bench-report-burst-%' LIMIT ${count}`,
  );
}

/** What a burst changed, to put back afterwards. */
export interface Undo {
  ids: string[];
  statuses: string[];
  changedAt: Date[];
  households: Array<string | null>;
}

/**
 * Status changes as the registry writes them (WorkerStatusService.change, batched): in each transaction the households
 * locked, the workers' statuses set, a history row each (note 'bench/report'), the households' counts and
 * zero-employment flag refreshed.
 */
export async function burst(ds: DataSource, o: { changes: number; batch: number; seed: number }): Promise<{ changed: number; undo: Undo }> {
  const workers = await pick(ds, o.changes, o.seed);
  for (let from = 0; from < workers.length; from += o.batch) {
    const part = workers.slice(from, from + o.batch);
    const ids = part.map((w) => w.id);
    const before = part.map((w) => w.employment_status);
    const after = part.map((w, i) => nextStatus(w.employment_status, from + i, o.seed));
    const households = part.map((w) => w.household_id);
    await ds.transaction(async (m) => {
      await lockHouseholds(m, households);
      await m.query(
        `UPDATE workers w SET employment_status = v.s, status_changed_at = now(), version = w.version + 1, updated_at = now()
           FROM unnest($1::uuid[], $2::text[]) AS v(id, s) WHERE w.id = v.id`,
        [ids, after],
      );
      await m.query(
        `INSERT INTO worker_status_changes (worker_id, from_status, to_status, source, note)
         SELECT id, f, s, 'manual', 'bench/report' FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, f, s)`,
        [ids, before, after],
      );
      await refreshHouseholds(m, households);
    });
  }
  return {
    changed: workers.length,
    undo: {
      ids: workers.map((w) => w.id), statuses: workers.map((w) => w.employment_status), changedAt: workers.map((w) => w.status_changed_at),
      households: workers.map((w) => w.household_id),
    },
  };
}

/**
 * Puts the bursts' workers back as they were (latest burst first): status and status_changed_at restored, the bursts'
 * history rows deleted, the households refreshed — so that every run measures the generated data, not the drift of
 * the runs before it.
 */
export async function undoBursts(ds: DataSource, undos: Undo[], batch = 2_000): Promise<void> {
  for (const undo of [...undos].reverse()) {
    for (let from = 0; from < undo.ids.length; from += batch) {
      const to = from + batch;
      const households = undo.households.slice(from, to);
      await ds.transaction(async (m) => {
        await lockHouseholds(m, households);
        await m.query(
          `UPDATE workers w SET employment_status = v.s, status_changed_at = v.at
             FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS v(id, s, at) WHERE w.id = v.id`,
          [undo.ids.slice(from, to), undo.statuses.slice(from, to), undo.changedAt.slice(from, to)],
        );
        await refreshHouseholds(m, households);
      });
    }
  }
  await ds.query(`DELETE FROM worker_status_changes WHERE note = 'bench/report' AND source = 'manual'`);
}

/**
 * An import-sized batch of new labourers: `households` new households in existing villages (a village each), then
 * `workers` workers in one INSERT, their registration rows, the households' counts refreshed — one transaction.
 */
export async function insertBurst(ds: DataSource, o: { workers: number; households: number; run: number }): Promise<number> {
  return ds.transaction(async (m) => {
    const households: Array<{ id: string }> = await m.query(
      `INSERT INTO households (id, registration_no, county_code, township, village, head_name, version)
       SELECT md5('bench-report-burst-h-' || $1::int || '-' || i)::uuid, 'BRX' || $1::int || '-' || i, county_code, township, village, '新户' || i, 1
         FROM (SELECT row_number() OVER ()::int AS i, county_code, township, village
                 FROM (SELECT county_code, township, village FROM report_counts WHERE metric = 'workers' AND n > 0
                        ORDER BY md5(county_code || township || village || $1::int) LIMIT $2) s) v
       RETURNING id`,
      [o.run, o.households],
    );
    const inserted: Array<{ id: string; employment_status: string }> = await m.query(
      `INSERT INTO workers (household_id, name, id_number_hash, id_number_encrypted, id_number_masked, birth_date, sex, id_region_code,
                            home_county_code, township, village, employment_status, completeness, missing_fields, source, version)
       SELECT h.id, '新登记' || j, 'bench-report-burst-' || $1::int || '-' || j, 'bench', h.county_code || '********' || lpad((j % 10000)::text, 4, '0'),
              date '1975-01-01' + (j * 37) % 12000, CASE WHEN j % 2 = 0 THEN 'M' ELSE 'F' END, h.county_code, h.county_code, h.township, h.village,
              ($3::text[])[1 + (j * 7 + $1::int) % 7], 40,
              ARRAY['mobile:missing', 'education:missing', 'skills:missing', 'wishCategories:missing', 'minMonthlyWage:missing', 'availableFrom:missing', 'emergencyContact:missing'],
              'import', 1
         FROM generate_series(1, $2::int) j JOIN households h ON h.registration_no = 'BRX' || $1::int || '-' || (1 + j % $4::int)
       RETURNING id, employment_status`,
      [o.run, o.workers, STATUSES, households.length],
    );
    await m.query(
      `INSERT INTO worker_status_changes (worker_id, from_status, to_status, source, note)
       SELECT id, NULL, s, 'import', '登记' FROM unnest($1::uuid[], $2::text[]) AS v(id, s)`,
      [inserted.map((w) => w.id), inserted.map((w) => w.employment_status)],
    );
    await refreshHouseholds(m, households.map((h) => h.id));
    return inserted.length;
  });
}

/** Removes what insertBurst added (any run's: a run stopped half-way leaves nothing behind for the next). */
export async function cleanupBurst(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(`DELETE FROM workers WHERE id_number_hash LIKE 'bench-report-burst-%'`);
    await m.query(`DELETE FROM households WHERE registration_no LIKE 'BRX%'`);
  });
}

/**
 * One UPDATE of `rows` workers' employment_status, with and without the report trigger on workers (ALTER TABLE …
 * DISABLE TRIGGER inside the transaction), each rolled back; warmed once each, then `runs` pairs in turn, medians.
 */
export async function triggerOverhead(ds: DataSource, o: { rows: number; seed: number; runs?: number }) {
  const runs = o.runs ?? 7;
  const workers = await pick(ds, o.rows, o.seed);
  const ids = workers.map((w) => w.id);
  const to = workers.map((w, i) => nextStatus(w.employment_status, i, o.seed));
  const runner = ds.createQueryRunner();
  await runner.connect();
  let changeRows = 0;
  const once = async (triggers: boolean): Promise<number> => {
    await runner.startTransaction();
    try {
      if (!triggers) await runner.query('ALTER TABLE workers DISABLE TRIGGER report_workers_updated');
      const [{ before }] = await runner.query(`SELECT count(*)::int AS before FROM report_changes`);
      const started = performance.now();
      await runner.query(`UPDATE workers w SET employment_status = v.s FROM unnest($1::uuid[], $2::text[]) AS v(id, s) WHERE w.id = v.id`, [ids, to]);
      const ms = performance.now() - started;
      if (triggers) changeRows = (await runner.query(`SELECT count(*)::int AS n FROM report_changes`))[0].n - before;
      return ms;
    } finally {
      await runner.rollbackTransaction();
    }
  };
  const withTriggers: number[] = [];
  const withoutTriggers: number[] = [];
  try {
    await once(true);
    await once(false);
    for (let i = 0; i < runs; i++) {
      // In turn, the order swapped each time (a busy moment falls on both sides alike).
      if (i % 2 === 0) {
        withTriggers.push(await once(true));
        withoutTriggers.push(await once(false));
      } else {
        withoutTriggers.push(await once(false));
        withTriggers.push(await once(true));
      }
    }
  } finally {
    await runner.release();
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return { rows: ids.length, runs, withTriggers: median(withTriggers), withoutTriggers: median(withoutTriggers), all: { withTriggers, withoutTriggers }, changeRows };
}
