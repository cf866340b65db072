import { birthWindow, type BirthWindow } from './legal-age.js';
import { dayNumber, type OrderFacts } from './match-facts.js';
import type { MatchWeights } from './match-weights.js';
import { Bitmap, type MatchStore } from './match-store.js';
import type { PlaceRelations } from './place-relations.js';
import {
  availabilityValue, CAME_HOME_DAYS, CATEGORY_VALUES, CategoryFit, categoriesRelated, DESTINATION_VALUES, destinationFit,
  distanceValue, type HardRule, pairingValue, priorityValue, skillsValue, tenureValue, wageValue,
} from './scoring.js';
import { TopK } from './top-k.js';
import { Flag, NO_DAY, type WorkerColumns } from './worker-columns.js';

/** Whose workers: the counties of a broker or officer, or null for everyone (admin, coordinator, employer). */
export interface MatchScope {
  countyCodes: readonly string[] | null;
}

export interface RankedCandidate {
  workerId: string;
  score: number;
}

export interface CandidateRanking {
  /** Workers in scope before the hard rules. */
  considered: number;
  /** Workers in scope that pass every hard rule. */
  total: number;
  /** Excluded workers in scope, each under the first rule they fail. */
  excluded: Record<HardRule, number>;
  items: RankedCandidate[];
}

const EMPTY = new Bitmap().freeze();
const WISHED_CITY = 1;
const WISHED_PROVINCE = 2;

/**
 * Candidate ranking over the store: bitmap hard filters (scope ∩ not placed ∩ available status ∩ every required
 * certificate), then one pass over the survivors checking age and accessibility from the columns and scoring with the
 * component functions of scoring.ts, keeping the best `offset + limit` in a heap.
 */
export function scanCandidates(
  store: MatchStore, places: PlaceRelations, weights: MatchWeights, order: OrderFacts, scope: MatchScope,
  page: { offset: number; limit: number }, today: string, scratch: Uint8Array,
): CandidateRanking {
  const excluded: Record<HardRule, number> = { placed: 0, status: 0, certificates: 0, age: 0, accessibility: 0 };
  const inScope = scope.countyCodes === null
    ? store.present
    : Bitmap.orMany(scope.countyCodes.map((code) => store.byCounty[store.countyOrdinal.get(code) ?? -1]).filter((b): b is Bitmap => !!b));
  const considered = inScope.size;
  excluded.placed = inScope.andCardinality(store.placed);
  let rest = Bitmap.andNot(inScope, store.placed);
  excluded.status = rest.andNotCardinality(store.statusAvailable);
  rest = Bitmap.and(rest, store.statusAvailable);
  const before = rest.size;
  for (const name of new Set(order.requiredCertificates)) rest = rest.isEmpty ? rest : Bitmap.and(rest, store.byCertificate.get(name) ?? EMPTY);
  excluded.certificates = before - rest.size;
  const ordinals = rest.toUint32Array();

  // ---- per-order constants ----
  const c = store.columns;
  const p = weights.points;
  const windowM = birthWindow(order.startDate, order.ageMin, order.ageMax, 'M');
  const windowF = birthWindow(order.startDate, order.ageMin, order.ageMax, 'F');
  const required = [...new Set(order.requiredSkills)];
  let reqLo = 0;
  let reqHi = 0;
  for (const skill of required) {
    const bit = store.skillBit.get(skill);
    if (bit === undefined) continue;
    if (bit < 32) reqLo |= 1 << bit;
    else reqHi |= 1 << (bit - 32);
  }
  const orderBit = store.categoryBit.get(order.category);
  const exactMask = orderBit === undefined ? 0 : 1 << orderBit;
  let relatedMask = 0;
  for (const [name, bit] of store.categoryBit) if (categoriesRelated(name, order.category)) relatedMask |= 1 << bit;
  const tenure = orderBit === undefined ? undefined : c.tenureFor(orderBit, false);
  const startDay = dayNumber(order.startDate);
  const cameHomeFrom = dayNumber(today) - CAME_HOME_DAYS;

  // ---- per home county: distance and pairing points, same county / province ----
  const counties = store.countyCodes.length;
  const placePoints = new Float64Array(counties * 2);
  const sameCounty = new Uint8Array(counties);
  const sameProvince = new Uint8Array(counties);
  let workCity = '';
  let workProvince = '';
  for (let k = 0; k < counties; k++) {
    if (store.byCounty[k].isEmpty) continue;
    const relation = places.relation(store.countyCodes[k], order);
    placePoints[2 * k] = p.distance * distanceValue(relation.distanceKm ?? NaN);
    placePoints[2 * k + 1] = p.pairing * pairingValue(relation.pairing !== null);
    sameCounty[k] = relation.sameCounty ? 1 : 0;
    sameProvince[k] = relation.sameProvince ? 1 : 0;
    workCity = relation.workCityCode;
    workProvince = relation.workProvinceCode;
  }

  // ---- wished places: marks in the scratch column, cleared again below ----
  const cityWishes = workCity ? store.byWishCity.get(workCity)?.toUint32Array() : undefined;
  const provinceWishes = workProvince ? store.byWishProvince.get(workProvince)?.toUint32Array() : undefined;
  if (cityWishes) mark(scratch, cityWishes, WISHED_CITY);
  if (provinceWishes) mark(scratch, provinceWishes, WISHED_PROVINCE);

  // Points a candidate can still get beyond the four components checked first (per home county: its place points).
  const restMax = new Float64Array(counties);
  for (let k = 0; k < counties; k++) restMax[k] = p.destination + placePoints[2 * k] + placePoints[2 * k + 1] + p.availability + p.tenure;

  const top = new TopK(page.offset + page.limit);
  const plan = new ScanPlan(
    windowM, windowF, order.accessible, required.length, reqLo, reqHi, order.trainingOffered, exactMask, relatedMask,
    order.wageMin, order.wageMax, startDay, cameHomeFrom, tenure ?? null, placePoints, sameCounty, sameProvince, restMax, p,
  );
  let total: number;
  try {
    total = scan(plan, c, ordinals, scratch, top, excluded);
  } finally {
    if (cityWishes) mark(scratch, cityWishes, 0);
    if (provinceWishes) mark(scratch, provinceWishes, 0);
  }
  const items = top.drain().slice(page.offset).map(({ score, ordinal }) => ({ workerId: c.idOf(ordinal), score }));
  return { considered, total, excluded, items };
}

/** The per-order constants of one scan, in one object of one shape (the scan loop below stays monomorphic). */
class ScanPlan {
  constructor(
    readonly windowM: BirthWindow,
    readonly windowF: BirthWindow,
    readonly accessible: boolean,
    readonly required: number,
    readonly reqLo: number,
    readonly reqHi: number,
    readonly trainingOffered: boolean,
    readonly exactMask: number,
    readonly relatedMask: number,
    readonly wageMin: number,
    readonly wageMax: number,
    readonly startDay: number,
    readonly cameHomeFrom: number,
    readonly tenure: Uint16Array | null,
    readonly placePoints: Float64Array,
    readonly sameCounty: Uint8Array,
    readonly sameProvince: Uint8Array,
    readonly restMax: Float64Array,
    readonly points: MatchWeights['points'],
  ) {}
}

/**
 * The hot loop, in a function of its own so that it is optimised once and reused by every query (inside the larger
 * function it was recompiled on the fly at each call). Returns how many passed; counts age and accessibility exclusions.
 */
function scan(plan: ScanPlan, c: WorkerColumns, ordinals: Uint32Array, scratch: Uint8Array, top: TopK, excluded: Record<HardRule, number>): number {
  const { windowM, windowF, accessible, required, reqLo, reqHi, trainingOffered, exactMask, relatedMask, wageMin, wageMax } = plan;
  const { startDay, cameHomeFrom, tenure, placePoints, sameCounty, sameProvince, restMax } = plan;
  const pSkills = plan.points.skills;
  const pCategory = plan.points.category;
  const pDestination = plan.points.destination;
  const pWage = plan.points.wage;
  const pAvailability = plan.points.availability;
  const pPriority = plan.points.priority;
  const pTenure = plan.points.tenure;
  const { flags: flagColumn, birthDay, county, skillsLo, skillsHi, wishCategories, minWage: minWages, cameHomeDay: cameHome, availableDay } = c;
  let total = 0;
  let age = 0;
  let access = 0;
  for (let i = 0; i < ordinals.length; i++) {
    const o = ordinals[i];
    const flags = flagColumn[o];
    const birth = birthDay[o];
    const window = flags & Flag.Female ? windowF : windowM;
    if (birth < window.earliest || birth > window.latest) {
      age++;
      continue;
    }
    if (flags & Flag.SevereDisability && !accessible) {
      access++;
      continue;
    }
    total++;
    const k = county[o];
    const held = popcount(skillsLo[o] & reqLo) + popcount(skillsHi[o] & reqHi);
    const wishes = wishCategories[o];
    const categoryFit = wishes === 0 ? CategoryFit.NoWish : wishes & exactMask ? CategoryFit.Exact : wishes & relatedMask ? CategoryFit.Related : CategoryFit.Other;
    const minWage = minWages[o];
    const cameHomeDay = cameHome[o];
    const skills = pSkills * skillsValue(required, held, trainingOffered);
    const category = pCategory * CATEGORY_VALUES[categoryFit];
    const wage = pWage * wageValue(minWage < 0 ? NaN : minWage, wageMin, wageMax);
    const priority = pPriority * priorityValue((flags & Flag.ZeroEmployment) !== 0, cameHomeDay !== NO_DAY && cameHomeDay >= cameHomeFrom, (flags & Flag.RegisteredPoor) !== 0);
    // Cannot reach the page even with full marks for the rest: skip it (the margin covers rounding of this other sum).
    if (skills + category + wage + priority + restMax[k] < top.threshold - 1e-9) continue;
    const mark = scratch[o];
    const destination = destinationFit(
      (mark & WISHED_CITY) !== 0, (mark & WISHED_PROVINCE) !== 0, (flags & Flag.HasPlaceWish) !== 0,
      sameCounty[k] === 1, sameProvince[k] === 1, (flags & Flag.WantsToMove) !== 0,
    );
    const available = availableDay[o];
    // Summed in the order of scoreMatch's parts, so the total is the same number to the last bit.
    let score = skills;
    score += category;
    score += pDestination * DESTINATION_VALUES[destination];
    score += wage;
    score += placePoints[2 * k];
    score += placePoints[2 * k + 1];
    score += pAvailability * availabilityValue(available === NO_DAY ? NaN : available, startDay);
    score += priority;
    score += pTenure * tenureValue(tenure ? tenure[o] : 0);
    top.offer(score, o);
  }
  excluded.age += age;
  excluded.accessibility += access;
  return total;
}

/** Sets `bit` in the scratch column for these ordinals; 0 clears them. */
function mark(scratch: Uint8Array, ordinals: Uint32Array, bit: number): void {
  for (let i = 0; i < ordinals.length; i++) scratch[ordinals[i]] = bit === 0 ? 0 : scratch[ordinals[i]] | bit;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
