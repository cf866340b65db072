import type { MatchWeightKey } from '@daogang/platform';
import { EmploymentStatus } from '@daogang/registry';
import { birthWindow, inBirthWindow } from './legal-age.js';
import { dayNumber, type OrderFacts, type PlaceRelation, type WorkerFacts } from './match-facts.js';
import type { MatchWeights } from './match-weights.js';

/**
 * The matching score, pure: hard rules that exclude a worker from an order, then nine components, each a value in
 * [0, 1] times its points (weight scaled so the points add up to 100). The component functions take plain numbers so
 * that the index's scan over a million workers (candidate-scan.ts) computes exactly the same values as the explanation
 * built here for the page it returns. docs/matching.md states the formula.
 */

// ---- hard rules --------------------------------------------------------------------------------------------------

/** In the order they are checked: an excluded worker is counted under the first rule they fail. */
export const HARD_RULES = ['placed', 'status', 'certificates', 'age', 'accessibility'] as const;
export type HardRule = (typeof HARD_RULES)[number];

export const HARD_RULE_ZH: Record<HardRule, string> = {
  placed: '已有录用（已接受、已录用或已到岗）',
  status: '当前就业状态不在推荐范围（只推荐未就业、参加培训的人员）',
  certificates: '缺少岗位要求的证书',
  age: '年龄不符合岗位要求或法定劳动年龄',
  accessibility: '残疾等级为1–2级，岗位未标明适合残疾人',
};

/** Statuses of people looking for work: the rest are employed (in or out of the county, a public-welfare post, self-employed). */
export const AVAILABLE_STATUSES: readonly EmploymentStatus[] = [EmploymentStatus.NotEmployed, EmploymentStatus.InTraining];
/** Grades 1–2 (the most severe) are matched only with orders marked accessible. */
export const SEVERE_DISABILITY_MAX_GRADE = 2;

/** The first hard rule the worker fails for this order, or null when every rule holds. */
export function hardRuleFailure(worker: WorkerFacts, order: OrderFacts): HardRule | null {
  const personal = personalRuleFailure(worker);
  if (personal) return personal;
  if (order.requiredCertificates.some((c) => !worker.certificates.includes(c))) return 'certificates';
  if (!inBirthWindow(worker.birthDate, birthWindow(order.startDate, order.ageMin, order.ageMax, worker.sex))) return 'age';
  if (isSevere(worker.disabilityGrade) && !order.accessible) return 'accessibility';
  return null;
}

/** The rules that depend on the worker alone: whether they are looking for a job at all. */
export function personalRuleFailure(worker: Pick<WorkerFacts, 'placed' | 'employmentStatus'>): 'placed' | 'status' | null {
  if (worker.placed) return 'placed';
  if (!AVAILABLE_STATUSES.includes(worker.employmentStatus)) return 'status';
  return null;
}

export function isSevere(grade: number | null): boolean {
  return grade !== null && grade <= SEVERE_DISABILITY_MAX_GRADE;
}

// ---- component values (plain numbers: the index calls these in its scan) -----------------------------------------

/** A required skill the worker lacks counts half when the employer trains for the job (以岗定训). */
export const TRAINABLE_CREDIT = 0.5;

export function skillsValue(required: number, held: number, trainingOffered: boolean): number {
  if (required === 0) return 1;
  return (held + (trainingOffered ? (required - held) * TRAINABLE_CREDIT : 0)) / required;
}

/** How the order's category stands to the worker's wished categories. */
export const CategoryFit = { Exact: 0, Related: 1, Other: 2, NoWish: 3 } as const;
export const CATEGORY_VALUES = [1, 0.6, 0, 0.5] as const;

/** Categories close enough that a wish for one is half a wish for the other (symmetric). */
export const RELATED_CATEGORIES: ReadonlyArray<readonly [string, string]> = [
  ['普工', '电子厂'], ['普工', '制造'], ['普工', '纺织服装'], ['普工', '物流'], ['电子厂', '制造'],
  ['保洁', '家政'], ['家政', '养老护理'], ['护林员', '农业'], ['保安', '物流'],
];

export function categoriesRelated(a: string, b: string): boolean {
  return RELATED_CATEGORIES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** Where the workplace stands to the worker's wishes and willingness to move. */
export const DestinationFit = {
  WishedCity: 0, WishedProvince: 1, WishedElsewhereJobAtHome: 2, WishedElsewhere: 3,
  HomeCounty: 4, HomeCountyWantsToMove: 5, AwayWilling: 6, AwayUnwillingInProvince: 7, AwayUnwillingFar: 8,
} as const;
export const DESTINATION_VALUES = [1, 0.85, 0.4, 0.1, 1, 0.7, 0.7, 0.4, 0.1] as const;

export function destinationFit(
  wishedCity: boolean, wishedProvince: boolean, hasPlaceWish: boolean, sameCounty: boolean, sameProvince: boolean, wantsToMove: boolean,
): number {
  if (wishedCity) return DestinationFit.WishedCity;
  if (wishedProvince) return DestinationFit.WishedProvince;
  if (hasPlaceWish) return sameCounty ? DestinationFit.WishedElsewhereJobAtHome : DestinationFit.WishedElsewhere;
  if (sameCounty) return wantsToMove ? DestinationFit.HomeCountyWantsToMove : DestinationFit.HomeCounty;
  if (wantsToMove) return DestinationFit.AwayWilling;
  return sameProvince ? DestinationFit.AwayUnwillingInProvince : DestinationFit.AwayUnwillingFar;
}

export const WAGE_UNKNOWN_VALUE = 0.7;

/**
 * The order's wage against the worker's minimum (NaN: none given): 1 when even the lower bound reaches it, 0.6–1 when
 * it lies inside the range, and below the upper bound falling from 0.6 to 0 at 20 % short.
 */
export function wageValue(minWage: number, wageMin: number, wageMax: number): number {
  if (Number.isNaN(minWage)) return WAGE_UNKNOWN_VALUE;
  if (wageMin >= minWage) return 1;
  if (wageMax >= minWage) return 0.6 + (0.4 * (wageMax - minWage)) / (wageMax - wageMin);
  const short = (minWage - wageMax) / minWage;
  return Math.max(0, 0.6 * (1 - 5 * short));
}

/** Half at 500 km (a day on the bus); NaN (unknown) counts 0.5. */
export const DISTANCE_HALF_KM = 500;
export function distanceValue(km: number): number {
  return Number.isNaN(km) ? 0.5 : 1 / (1 + km / DISTANCE_HALF_KM);
}

export function pairingValue(paired: boolean): number {
  return paired ? 1 : 0;
}

export const AVAILABILITY_UNKNOWN_VALUE = 0.8;
/** Days late at which availability reaches 0. */
export const AVAILABILITY_LATE_DAYS = 60;

/** availableFrom against the start day (both day numbers; NaN: not given). */
export function availabilityValue(availableDay: number, startDay: number): number {
  if (Number.isNaN(availableDay)) return AVAILABILITY_UNKNOWN_VALUE;
  if (availableDay <= startDay) return 1;
  return Math.max(0, 1 - (availableDay - startDay) / AVAILABILITY_LATE_DAYS);
}

/** Base values of the priority cases; each further case adds PRIORITY_EXTRA, up to 1. */
export const PRIORITY_VALUES = { zeroEmployment: 0.8, cameHome: 0.6, registeredPoor: 0.4 } as const;
export const PRIORITY_EXTRA = 0.1;
/** "Came home" counts for this many days after the status change. */
export const CAME_HOME_DAYS = 365;

export function priorityValue(zeroEmployment: boolean, cameHome: boolean, registeredPoor: boolean): number {
  const base = zeroEmployment ? PRIORITY_VALUES.zeroEmployment : cameHome ? PRIORITY_VALUES.cameHome : registeredPoor ? PRIORITY_VALUES.registeredPoor : 0;
  const cases = Number(zeroEmployment) + Number(cameHome) + Number(registeredPoor);
  return cases === 0 ? 0 : Math.min(1, base + PRIORITY_EXTRA * (cases - 1));
}

/** A year in jobs of the same category earns the whole component. */
export const TENURE_FULL_DAYS = 365;
export function tenureValue(days: number): number {
  return Math.min(1, days / TENURE_FULL_DAYS);
}

// ---- the explained score -----------------------------------------------------------------------------------------

export interface ScorePart {
  key: MatchWeightKey;
  /** 技能 */
  label: string;
  /** value × the component's points, unrounded. */
  points: number;
  /** The component's points at value 1. */
  maxPoints: number;
  /** One line in Chinese: 技能匹配 2/3（电焊、叉车） */
  explanation: string;
}

export interface MatchScore {
  /** 0–100 */
  total: number;
  parts: ScorePart[];
}

export const COMPONENT_LABELS: Record<MatchWeightKey, string> = {
  skills: '技能', category: '意向工种', destination: '意向地点', wage: '工资', distance: '距离', pairing: '东西部协作',
  availability: '到岗时间', priority: '优先帮扶', tenure: '同类岗位经验',
};

/** Every component's value and explanation for one worker and one order; `today` is a Beijing day. */
export function scoreMatch(worker: WorkerFacts, order: OrderFacts, place: PlaceRelation, weights: MatchWeights, today: string): MatchScore {
  const parts: Array<[MatchWeightKey, number, string]> = [
    ['skills', ...skillsPart(worker, order)],
    ['category', ...categoryPart(worker, order)],
    ['destination', ...destinationPart(worker, place)],
    ['wage', ...wagePart(worker, order)],
    ['distance', ...distancePart(place)],
    ['pairing', pairingValue(place.pairing !== null), place.pairing ? `${place.pairing} 东西部协作结对` : '非东西部协作结对地区'],
    ['availability', ...availabilityPart(worker, order)],
    ['priority', ...priorityPart(worker, today)],
    ['tenure', ...tenurePart(worker, order)],
  ];
  const scored = parts.map(([key, value, explanation]) => ({
    key, label: COMPONENT_LABELS[key], points: value * weights.points[key], maxPoints: weights.points[key], explanation,
  }));
  return { total: scored.reduce((sum, p) => sum + p.points, 0), parts: scored };
}

/** Whether the worker counts as "came home" on `today`. */
export function cameHomeRecently(cameHomeOn: string | null, today: string): boolean {
  return cameHomeOn !== null && dayNumber(cameHomeOn) >= dayNumber(today) - CAME_HOME_DAYS;
}

function skillsPart(worker: WorkerFacts, order: OrderFacts): [number, string] {
  const required = [...new Set(order.requiredSkills)];
  if (!required.length) return [1, '岗位无技能要求'];
  const held = required.filter((s) => worker.skills.includes(s));
  const missing = required.filter((s) => !worker.skills.includes(s));
  let text = `技能匹配 ${held.length}/${required.length}${held.length ? `（${held.join('、')}）` : ''}`;
  if (missing.length) text += `，缺${missing.join('、')}${order.trainingOffered ? '（企业提供培训）' : ''}`;
  return [skillsValue(required.length, held.length, order.trainingOffered), text];
}

function categoryPart(worker: WorkerFacts, order: OrderFacts): [number, string] {
  const wishes = worker.wishCategories;
  if (!wishes.length) return [CATEGORY_VALUES[CategoryFit.NoWish], '未填写意向工种'];
  if (wishes.includes(order.category)) return [CATEGORY_VALUES[CategoryFit.Exact], `意向工种：${order.category}`];
  const related = wishes.find((w) => categoriesRelated(w, order.category));
  if (related) return [CATEGORY_VALUES[CategoryFit.Related], `意向${related}，与${order.category}相近`];
  return [CATEGORY_VALUES[CategoryFit.Other], `意向工种为${wishes.join('、')}，不含${order.category}`];
}

function destinationPart(worker: WorkerFacts, place: PlaceRelation): [number, string] {
  const fit = destinationFit(
    worker.wishCities.includes(place.workCityCode),
    worker.wishProvinces.includes(place.workProvinceCode),
    worker.wishCities.length + worker.wishProvinces.length > 0,
    place.sameCounty,
    place.sameProvince,
    worker.wantsToMove,
  );
  const texts: Record<number, string> = {
    [DestinationFit.WishedCity]: `意向城市包含工作地（${place.workPlaceName}）`,
    [DestinationFit.WishedProvince]: `意向省份包含工作地（${place.workPlaceName}）`,
    [DestinationFit.WishedElsewhereJobAtHome]: '意向外出务工，岗位在本县',
    [DestinationFit.WishedElsewhere]: `意向地点不含${place.workPlaceName}`,
    [DestinationFit.HomeCounty]: '在户籍县内就业',
    [DestinationFit.HomeCountyWantsToMove]: '愿意外出务工，岗位在本县',
    [DestinationFit.AwayWilling]: '愿意外出务工，未填写意向地点',
    [DestinationFit.AwayUnwillingInProvince]: '不愿外出，工作地在省内县外',
    [DestinationFit.AwayUnwillingFar]: '不愿外出，工作地在省外',
  };
  return [DESTINATION_VALUES[fit], texts[fit]];
}

function wagePart(worker: WorkerFacts, order: OrderFacts): [number, string] {
  const range = `月薪${order.wageMin}–${order.wageMax}元`;
  const min = worker.minMonthlyWage;
  const value = wageValue(min ?? NaN, order.wageMin, order.wageMax);
  if (min === null) return [value, `${range}，未填写期望月薪`];
  if (order.wageMin >= min) return [value, `${range}，不低于期望${min}元`];
  if (order.wageMax >= min) return [value, `${range}，期望${min}元在区间内`];
  return [value, `${range}，低于期望${min}元`];
}

function distancePart(place: PlaceRelation): [number, string] {
  if (place.distanceKm === null) return [distanceValue(NaN), '距离未知'];
  const km = Math.round(place.distanceKm);
  const text = place.sameCounty && km < 30 ? '在户籍县内' : `距工作地约${km.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}公里`;
  return [distanceValue(place.distanceKm), text];
}

function availabilityPart(worker: WorkerFacts, order: OrderFacts): [number, string] {
  if (!worker.availableFrom) return [AVAILABILITY_UNKNOWN_VALUE, '未填写可到岗日期'];
  const late = dayNumber(worker.availableFrom) - dayNumber(order.startDate);
  const value = availabilityValue(dayNumber(worker.availableFrom), dayNumber(order.startDate));
  if (late <= 0) return [value, `${worker.availableFrom}可到岗，不晚于开工日期`];
  return [value, `${worker.availableFrom}可到岗，晚于开工日期${late}天`];
}

function priorityPart(worker: WorkerFacts, today: string): [number, string] {
  const cameHome = cameHomeRecently(worker.cameHomeOn, today);
  const cases = [
    worker.zeroEmployment ? '零就业家庭优先' : '',
    cameHome ? `返乡人员需再就业（${worker.cameHomeOn}返乡）` : '',
    worker.registeredPoor ? '建档立卡' : '',
  ].filter(Boolean);
  return [priorityValue(worker.zeroEmployment, cameHome, worker.registeredPoor), cases.length ? cases.join('；') : '无优先帮扶情形'];
}

function tenurePart(worker: WorkerFacts, order: OrderFacts): [number, string] {
  const days = worker.tenureDays[order.category] ?? 0;
  if (days <= 0) return [0, `无${order.category}类岗位工作记录`];
  return [tenureValue(days), `曾在${order.category}类岗位工作${formatDays(days)}`];
}

function formatDays(days: number): string {
  if (days < 60) return `${days}天`;
  if (days < 730) return `约${Math.round(days / 30.4)}个月`;
  return `约${(days / 365).toFixed(1)}年`;
}
