/**
 * The generated corpus: employers, job orders and workers as the entities the API stores (`JobOrder`, `Worker`),
 * turned into index documents by the real `JobsIndex.document()` and `WorkersIndex.document()`. Document i depends
 * only on the seed and i, so a phase can regenerate any slice without holding the others.
 */
import type { Benefit, Employer, JobOrder, Shift } from '@daogang/jobs';
import { EmploymentStatus, RegionsService, type Education, type Worker } from '@daogang/registry';
import { mix, Rng, uuidOf } from './prng.js';
import {
  BRANDS, CHONGQING_COUNTIES, DESCRIPTION_PARTS, EAST_CITIES, EAST_WEIGHTS, GIVEN, INDUSTRY, ROLES, SKILL_NOTES, SURNAMES,
  TOWN_ROOTS, VILLAGE_ENDS, VILLAGE_ROOTS, WEST_CITIES, type Role,
} from './vocab.js';

export const SEED = 20261125;
const DAY = 86_400_000;

/** Days from today, as YYYY-MM-DD (dates are relative to the run so that every order is open). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

export interface Places {
  regions: RegionsService;
  /** Counties (with a centre) of the eastern cities, and each city's weight. */
  eastCounties: Array<{ code: string; city: string; weight: number }>;
  /** Western counties that send workers (and host local posts). */
  westCounties: string[];
}

export function places(regions: RegionsService): Places {
  const eastCounties: Places['eastCounties'] = [];
  for (const city of EAST_CITIES) {
    const region = regions.get(city);
    if (!region) continue;
    const counties = region.countyLevel ? [region] : regions.children(city).filter((c) => c.centre);
    for (const county of counties) eastCounties.push({ code: county.code, city, weight: (EAST_WEIGHTS[city] ?? 1) / counties.length });
  }
  const westCounties: string[] = [];
  for (const city of WEST_CITIES) {
    const counties = city === '500100' ? CHONGQING_COUNTIES.map((c) => regions.get(c)!).filter(Boolean) : regions.children(city);
    for (const county of counties) if (county.centre && regions.isCounty(county.code)) westCounties.push(county.code);
  }
  return { regions, eastCounties, westCounties };
}

// ---- employers ---------------------------------------------------------------------------------------------------

export const EMPLOYER_PREFIX = 'e0000000';
export const JOB_PREFIX = 'a0000000';
export const WORKER_PREFIX = 'b0000000';

export interface EmployerRow extends Pick<Employer, 'id' | 'name' | 'countyCode' | 'lng' | 'lat' | 'kind'> {
  category: string;
}

/** n employers: eastern firms by category, plus western workshops and forestry stations. */
export function employers(p: Places, n: number, seed = SEED): EmployerRow[] {
  const out: EmployerRow[] = [];
  const categories = [...new Set(ROLES.map((r) => r.category))];
  const eastWeights = p.eastCounties.map((c) => [c, c.weight] as const);
  for (let i = 0; i < n; i++) {
    const rng = new Rng(mix(seed, 1, i));
    const west = i % 10 === 9;
    const category = west ? rng.pick(['护林员', '其他', '普工', '保洁', '农业']) : rng.pick(categories.filter((c) => c !== '护林员'));
    const county = west ? rng.pick(p.westCounties) : rng.weighted(eastWeights).code;
    const ctx = p.regions.county(county)!;
    const industry = rng.pick(INDUSTRY[category]);
    const name = category === '护林员' ? `${ctx.county.name}${industry}`
      : west && category === '其他' ? `${ctx.county.shortName}${rng.pick(TOWN_ROOTS)}扶贫车间`
      : `${ctx.city.shortName}${rng.pick(BRANDS)}${industry}有限公司`;
    const centre = ctx.county.centre!;
    out.push({
      id: uuidOf(EMPLOYER_PREFIX, i + 1), name: name.slice(0, 128), countyCode: county, category,
      kind: west ? (category === '护林员' ? 'public_welfare' : 'workshop') : 'enterprise',
      lng: Math.round((centre[0] + (rng.next() - 0.5) * 0.1) * 1e5) / 1e5,
      lat: Math.round((centre[1] + (rng.next() - 0.5) * 0.1) * 1e5) / 1e5,
    });
  }
  return out;
}

// ---- job orders --------------------------------------------------------------------------------------------------

const SHIFT_WEIGHTS: Array<readonly [Shift, number]> = [['day', 5], ['two_shift', 3], ['three_shift', 1], ['flexible', 1]];
const SHIFT_TEXT: Record<Shift, string> = { day: '长白班', two_shift: '两班倒', three_shift: '三班倒', flexible: '弹性排班' };
const BENEFIT_TEXT: Record<Benefit, string> = { dorm: '包住', meals: '包吃', insurance: '五险', travel: '报销路费' };

function rolesFor(category: string, west: boolean): Role[] {
  const roles = ROLES.filter((r) => r.category === category && (r.where === 'both' || r.where === (west ? 'west' : 'east')));
  return roles.length ? roles : ROLES.filter((r) => r.category === category);
}

export interface GeneratedJob {
  job: JobOrder;
  /** The intent behind the order (relevance judgements use it). */
  role: string;
}

/** Job order i, published, of one of the employers (its category decides the roles). */
export function jobOrder(p: Places, emps: readonly EmployerRow[], i: number, seed = SEED): GeneratedJob {
  const rng = new Rng(mix(seed, 2, i));
  const employer = emps[rng.int(0, emps.length - 1)];
  const west = employer.kind !== 'enterprise';
  const candidates = rolesFor(employer.category, west);
  const role = rng.weighted(candidates.map((r) => [r, r.weight] as const));
  const shift = role.category === '护林员' ? 'flexible' : rng.weighted(SHIFT_WEIGHTS);
  const benefits: Benefit[] = [];
  if (!west || rng.chance(0.3)) {
    if (rng.chance(0.75)) benefits.push('dorm');
    if (rng.chance(0.6)) benefits.push('meals');
    if (rng.chance(0.55)) benefits.push('insurance');
    if (!west && rng.chance(0.3)) benefits.push('travel');
  }
  const [lo, hi] = role.wage;
  const wageMin = Math.round(rng.int(lo, (lo + hi) / 2) / 100) * 100;
  const wageMax = Math.max(wageMin, Math.round(rng.int((lo + hi) / 2, hi) / 100) * 100);
  const headcount = rng.weighted([[rng.int(1, 5), 3], [rng.int(5, 30), 5], [rng.int(30, 300), 2]] as const);
  const base = rng.pick(role.titles);
  const note = rng.weighted([
    ['', 3], [`（${SHIFT_TEXT[shift]}）`, 2],
    [benefits.includes('dorm') && benefits.includes('meals') ? '（包吃住）' : '', 2],
    [`（月薪${Math.round(wageMax / 1000)}千以上）`, 1], ['（计件，多劳多得）', 1], ['（急招）', 1],
  ] as const);
  const county = west ? employer.countyCode! : rng.chance(0.85) ? employer.countyCode! : rng.weighted(p.eastCounties.map((c) => [c.code, c.weight] as const));
  const ctx = p.regions.county(county)!;
  const title = (rng.chance(0.25) ? `${ctx.city.shortName}` : '') + base + note;
  const d = DESCRIPTION_PARTS;
  const sentences = [
    `${employer.name}招聘${base}${headcount}名`,
    rng.pick(d.duty[role.category]),
    SHIFT_TEXT[shift],
    rng.pick(d.hours),
    benefits.length ? benefits.map((b) => BENEFIT_TEXT[b]).join('、') : '不提供住宿',
    `月薪${wageMin}-${wageMax}元`,
    rng.pick(d.pay),
    ...rng.sample(d.perks, rng.int(0, 2)),
    ...rng.sample(d.needs, rng.int(1, 2)),
  ];
  if (benefits.includes('dorm') && benefits.includes('meals') && rng.chance(0.5)) sentences.push('包吃住');
  const startDays = rng.int(3, 120);
  const accessible = rng.chance(0.08);
  const trainingOffered = rng.chance(0.3);
  const own = employer.countyCode === county;
  const centre = ctx.county.centre!;
  const job = {
    id: uuidOf(JOB_PREFIX, i + 1),
    employerId: employer.id,
    employer: { name: employer.name } as Employer,
    title: title.slice(0, 60),
    description: sentences.filter(Boolean).join('，') + '。',
    category: role.category,
    headcount,
    placesFilled: rng.int(0, Math.floor(headcount / 3)),
    wageMin,
    wageMax,
    pieceRate: note.includes('计件'),
    pieceRateNote: '',
    benefits,
    workCountyCode: county,
    workAddress: '',
    lng: own ? employer.lng : centre[0],
    lat: own ? employer.lat : centre[1],
    shift,
    startDate: dayFromToday(startDays),
    expiresOn: dayFromToday(startDays - 1),
    ageMin: 18,
    ageMax: rng.pick([45, 50, 55]),
    requiredSkills: role.skill && rng.chance(0.5) ? [role.skill] : [],
    requiredCertificates: [],
    trainingOffered,
    trainingNote: '',
    accessible,
    status: 'published',
    publishedAt: new Date(Date.now() - rng.int(0, 60 * 24 * 60) * 60_000),
    closedAt: null,
    closeReason: '',
    createdBy: null,
    version: 2,
  } as unknown as JobOrder;
  return { job, role: role.role };
}

// ---- workers -----------------------------------------------------------------------------------------------------

const STATUS_WEIGHTS: Array<readonly [EmploymentStatus, number]> = [
  [EmploymentStatus.NotEmployed, 30], [EmploymentStatus.EmployedOutOfProvince, 30], [EmploymentStatus.EmployedInProvince, 12],
  [EmploymentStatus.EmployedInCounty, 14], [EmploymentStatus.InTraining, 4], [EmploymentStatus.PublicWelfarePost, 5],
  [EmploymentStatus.SelfEmployed, 5],
];
const EDUCATION_WEIGHTS: Array<readonly [Education | null, number]> = [
  [null, 2], ['none', 1], ['primary', 5], ['junior', 10], ['senior', 4], ['vocational', 3], ['college', 1], ['bachelor', 0.3],
];

/** Townships and villages of a county: the same names every time for a county. */
const villageCache = new Map<string, Array<[string, string]>>();
function villagesOf(county: string): Array<[string, string]> {
  let list = villageCache.get(county);
  if (!list) {
    const rng = new Rng(mix(SEED, 3, Number(county)));
    list = [];
    for (const town of rng.sample(TOWN_ROOTS, 8)) {
      const township = town + (rng.chance(0.7) ? '镇' : '乡');
      for (let v = 0; v < 12; v++) list.push([township, rng.pick(VILLAGE_ROOTS) + rng.pick(VILLAGE_ENDS)]);
    }
    villageCache.set(county, list);
  }
  return list;
}

/** Worker i of one of the western counties. */
export function worker(p: Places, i: number): Worker {
  const rng = new Rng(mix(SEED, 4, i));
  const county = p.westCounties[rng.int(0, p.westCounties.length - 1)];
  const [township, village] = rng.pick(villagesOf(county));
  const sex = rng.chance(0.55) ? 'M' : 'F';
  const skillRoles = ROLES.filter((r) => r.skill);
  const skills = [...new Set(rng.sample(skillRoles, rng.weighted([[0, 3], [1, 5], [2, 2], [3, 1]] as const)).map((r) => r.skill!))];
  const wishCategories = [...new Set(rng.sample(ROLES, rng.weighted([[0, 2], [1, 5], [2, 3]] as const)).map((r) => r.category))];
  const year = rng.int(1966, 2007);
  const birthDate = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const status = rng.weighted(STATUS_WEIGHTS);
  return {
    id: uuidOf(WORKER_PREFIX, i + 1),
    name: rng.pick(SURNAMES) + rng.pick(GIVEN),
    sex,
    birthDate,
    homeCountyCode: county,
    township,
    village,
    employmentStatus: status,
    registeredPoor: rng.chance(0.35),
    household: { zeroEmployment: rng.chance(0.04) },
    skills,
    wishCategories,
    skillsNote: rng.pick(SKILL_NOTES),
    education: rng.weighted(EDUCATION_WEIGHTS),
    minMonthlyWage: rng.chance(0.6) ? rng.int(30, 90) * 100 : null,
    wantsToMove: rng.chance(0.5),
    wantsTraining: rng.chance(0.3),
    availableFrom: rng.chance(0.6) ? dayFromToday(rng.int(-30, 150)) : null,
    completeness: rng.int(40, 100),
  } as unknown as Worker;
}
