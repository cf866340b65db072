import { EmploymentStatus, JOB_CATEGORIES, RegionsService, SKILLS } from '@daogang/registry';
import { scanCandidates, type MatchScope } from './candidate-scan.js';
import { dateOfDay, dayNumber, type OrderFacts, type WorkerFacts } from './match-facts.js';
import { MatchStore } from './match-store.js';
import { resolveMatchWeights } from './match-weights.js';
import { PlaceRelations } from './place-relations.js';
import { hardRuleFailure, HARD_RULES, scoreMatch, type HardRule } from './scoring.js';

/**
 * The index's scan must give exactly what the pure rules and score give worker by worker: the same survivors, the
 * same exclusions per rule, the same order and the same scores to the last bit — before and after updates.
 */
const TODAY = '2026-11-26';
const HOME = ['622921', '622925', '622922', '422801', '500101', '621122', '350211', '622927'];
const WORK = ['350211', '350212', '330402', '370811', '622921', '500101'];
const CERTS = ['电工证', '焊工证', '叉车证', '健康证'];
const CITIES = ['350200', '330400', '370800', '622900'];
const PROVINCES = ['350000', '330000', '370000', '620000'];
const STATUSES = Object.values(EmploymentStatus);

/** mulberry32: the same workers on every run. */
function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const some = <T>(items: readonly T[], p: number) => items.filter(() => next() < p);
  return { next, pick, some, chance: (p: number) => next() < p };
}

function uuid(n: number): string {
  const hex = (n * 2654435761 >>> 0).toString(16).padStart(8, '0');
  return `${hex}-${(n & 0xffff).toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function randomWorker(r: ReturnType<typeof rng>, n: number): WorkerFacts {
  const birth = dateOfDay(dayNumber('1955-01-01') + Math.floor(r.next() * 366 * 55));
  return {
    id: uuid(n), birthDate: birth, sex: r.chance(0.45) ? 'F' : 'M', homeCountyCode: r.pick(HOME),
    registeredPoor: r.chance(0.4), zeroEmployment: r.chance(0.1), cameHomeOn: r.chance(0.1) ? dateOfDay(dayNumber(TODAY) - Math.floor(r.next() * 500)) : null,
    disabilityGrade: r.chance(0.08) ? 1 + Math.floor(r.next() * 4) : null,
    skills: r.some(SKILLS, 0.08), certificates: r.some(CERTS, 0.15), wishCategories: r.some(JOB_CATEGORIES, 0.12),
    wishProvinces: r.some(PROVINCES, 0.15), wishCities: r.some(CITIES, 0.15),
    minMonthlyWage: r.chance(0.7) ? 3000 + 500 * Math.floor(r.next() * 10) : null, wantsToMove: r.chance(0.6),
    availableFrom: r.chance(0.7) ? dateOfDay(dayNumber('2027-01-01') + Math.floor(r.next() * 120)) : null,
    employmentStatus: r.chance(0.5) ? EmploymentStatus.NotEmployed : r.pick(STATUSES), placed: r.chance(0.08),
    tenureDays: r.chance(0.2) ? { [r.pick(JOB_CATEGORIES)]: Math.floor(r.next() * 800) } : {},
  };
}

function randomOrder(r: ReturnType<typeof rng>, n: number): OrderFacts {
  const ageMin = 16 + Math.floor(r.next() * 10);
  return {
    id: uuid(1_000_000 + n), category: r.pick(JOB_CATEGORIES), workCountyCode: r.pick(WORK),
    lng: r.chance(0.5) ? 118.1 : null, lat: r.chance(0.5) ? 24.58 : null,
    wageMin: 4000 + 500 * Math.floor(r.next() * 4), wageMax: 6000 + 500 * Math.floor(r.next() * 6),
    startDate: dateOfDay(dayNumber('2027-01-15') + Math.floor(r.next() * 90)), ageMin, ageMax: ageMin + 20 + Math.floor(r.next() * 30),
    requiredSkills: r.some(SKILLS, 0.06), requiredCertificates: r.chance(0.3) ? [r.pick(CERTS)] : [],
    trainingOffered: r.chance(0.5), accessible: r.chance(0.3),
  };
}

const places = new PlaceRelations(new RegionsService());
const weights = resolveMatchWeights({ pairing: 15, tenure: 7 });

/** Worker by worker, once per order: the rule each fails, or the score. */
function oneByOne(workers: WorkerFacts[], order: OrderFacts): Array<HardRule | number> {
  return workers.map((w) => hardRuleFailure(w, order) ?? scoreMatch(w, order, places.relation(w.homeCountyCode, order), weights, TODAY).total);
}

/** The ranking the scan should give: in scope, the exclusions per rule, the sort (ties: first loaded first). */
function expected(workers: WorkerFacts[], results: Array<HardRule | number>, scope: MatchScope, k: number) {
  const excluded = Object.fromEntries(HARD_RULES.map((h) => [h, 0])) as Record<HardRule, number>;
  const scored: Array<{ workerId: string; score: number; at: number }> = [];
  let considered = 0;
  workers.forEach((w, at) => {
    if (scope.countyCodes && !scope.countyCodes.includes(w.homeCountyCode)) return;
    considered++;
    const result = results[at];
    if (typeof result === 'string') excluded[result]++;
    else scored.push({ workerId: w.id, score: result, at });
  });
  scored.sort((a, b) => b.score - a.score || a.at - b.at);
  return { considered, total: scored.length, excluded, items: scored.slice(0, k).map(({ workerId, score }) => ({ workerId, score })) };
}

describe('candidate scan', () => {
  const r = rng(2026);
  const workers = Array.from({ length: 6000 }, (_, i) => randomWorker(r, i));
  const orders = Array.from({ length: 40 }, (_, i) => randomOrder(r, i));
  const store = new MatchStore();
  for (let from = 0; from < workers.length; from += 1000) store.apply(workers.slice(from, from + 1000));
  const scratch = new Uint8Array(16_384);
  const scopes: MatchScope[] = [{ countyCodes: null }, { countyCodes: ['622921', '622925'] }, { countyCodes: ['999999'] }, { countyCodes: [] }];

  function expectSame(list: WorkerFacts[]) {
    let survivors = 0;
    for (const order of orders) {
      const results = oneByOne(list, order);
      for (const scope of scopes) {
        const scanned = scanCandidates(store, places, weights, order, scope, { offset: 0, limit: 60 }, TODAY, scratch);
        expect(scanned).toEqual(expected(list, results, scope, 60));
        survivors += scanned.total;
      }
    }
    expect(scratch.every((b) => b === 0)).toBe(true);
    return survivors;
  }

  it('gives exactly the workers, exclusions, order and scores that the rules and score give one by one', () => {
    const survivors = expectSame(workers);
    expect(survivors).toBeGreaterThan(1000); // the orders do find people, so the comparison means something
  });

  it('every hard rule excludes somebody in this population', () => {
    const totals = Object.fromEntries(HARD_RULES.map((h) => [h, 0])) as Record<HardRule, number>;
    for (const order of orders) {
      const { excluded } = scanCandidates(store, places, weights, order, { countyCodes: null }, { offset: 0, limit: 1 }, TODAY, scratch);
      for (const h of HARD_RULES) totals[h] += excluded[h];
    }
    for (const h of HARD_RULES) expect({ rule: h, n: totals[h] > 0 }).toEqual({ rule: h, n: true });
  });

  it('pages: offset skips the best, the rest continue the same order', () => {
    const order = orders[0];
    const all = scanCandidates(store, places, weights, order, { countyCodes: null }, { offset: 0, limit: 30 }, TODAY, scratch);
    const second = scanCandidates(store, places, weights, order, { countyCodes: null }, { offset: 10, limit: 20 }, TODAY, scratch);
    expect(second.items).toEqual(all.items.slice(10, 30));
  });

  it('skips only workers who cannot reach the page, even when scores differ by a hair and get better as it scans', () => {
    // Everything but the wage at full marks, so the bound used for skipping is the score itself; each worker scanned
    // scores 0.012 points more than the one before.
    const tight = new MatchStore();
    const list: WorkerFacts[] = Array.from({ length: 400 }, (_, i) => ({
      ...randomWorker(rng(i), i), homeCountyCode: '622921', birthDate: '1990-01-01', sex: 'M', disabilityGrade: null, placed: false,
      employmentStatus: EmploymentStatus.NotEmployed, certificates: [], skills: [], wishCategories: ['制造'], wishCities: ['350200'],
      wishProvinces: [], availableFrom: '2027-01-01', tenureDays: { 制造: 400 }, zeroEmployment: true, registeredPoor: true,
      cameHomeOn: TODAY, minMonthlyWage: 8000 - 5 * i,
    }));
    tight.apply(list);
    const order: OrderFacts = { ...randomOrder(rng(1), 1), category: '制造', workCountyCode: '350211', wageMin: 6000, wageMax: 8000,
      startDate: '2027-02-01', ageMin: 18, ageMax: 55, requiredSkills: [], requiredCertificates: [], accessible: false };
    for (const limit of [1, 10, 37]) {
      const scanned = scanCandidates(tight, places, weights, order, { countyCodes: null }, { offset: 0, limit }, TODAY, scratch);
      expect(scanned).toEqual(expected(list, oneByOne(list, order), { countyCodes: null }, limit));
      expect(scanned.items[0].workerId).toBe(list[399].id);
    }
  });

  it('stays exact after workers change, move county, get placed and disappear', () => {
    const r2 = rng(7);
    const changed = workers.map((w, i) => (i % 7 === 0 ? { ...randomWorker(r2, i), id: w.id } : w));
    const gone = new Set(changed.filter((_, i) => i % 50 === 3).map((w) => w.id));
    store.apply(changed.filter((_, i) => i % 7 === 0 && !gone.has(changed[i].id)), [...gone]);
    const now = changed.filter((w) => !gone.has(w.id));
    expectSame(now);
    expect(store.present.size).toBe(now.length);
    // back again: a gone worker re-registered keeps working
    const back = changed.find((w) => gone.has(w.id))!;
    store.apply([back]);
    expect(store.has(back.id)).toBe(true);
  });
});
