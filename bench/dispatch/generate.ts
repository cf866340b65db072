/**
 * Realistic dispatch instances: placed workers of western counties going to employers in the eastern cities paired
 * with them, by job order (one employer, one start date, recruits from one to three counties of the paired
 * prefecture), in households of 1–4 boarding at their county's bus station or a township point. Points are county
 * centres from the regions data (RegionsService); township points and employers are placed around them. Everything
 * depends only on the seed.
 */
import type { PlanDestination, PlanPickup, PlanRider } from '@daogang/transport/planning/plan-types.js';
import { RegionsService } from '@daogang/registry';
import { mix, Rng } from '../search/prng.js';
import { CHONGQING_COUNTIES } from '../search/vocab.js';

export const SEED = 20270222;
/** First start date: the Monday after the 2027 Lantern Festival, when the chartered buses run. */
export const FIRST_DAY = Date.UTC(2027, 1, 22);
const DAY = 86_400_000;

/** Who goes where: western prefectures (or counties) and the eastern city paired with them, with a weight. */
export const FLOWS: Array<{ west: string[]; east: string; weight: number }> = [
  { west: ['622900'], east: '350200', weight: 3 }, // 临夏州 → 厦门
  { west: ['422800'], east: '330100', weight: 2 }, // 恩施州 → 杭州
  { west: ['422800'], east: '330400', weight: 2 }, // 恩施州 → 嘉兴
  { west: CHONGQING_COUNTIES, east: '370800', weight: 1.5 }, // 三峡库区 → 济宁
  { west: ['621200'], east: '370200', weight: 1.5 }, // 陇南 → 青岛
  { west: ['522600'], east: '330100', weight: 1 }, // 黔东南 → 杭州
  { west: ['520400'], east: '370200', weight: 1 }, // 安顺 → 青岛
];
export const HOUSEHOLD_SIZES: Array<readonly [number, number]> = [[1, 0.55], [2, 0.28], [3, 0.12], [4, 0.05]];
/** Intake days per employer over the period. */
const INTAKE_DAYS = 4;
const VILLAGE_ROOTS = ['大河', '石门', '杨家', '马家', '柳树', '红旗', '新庄', '王家', '关山', '黄泥', '青龙', '白杨'];

export interface Instance {
  name: string;
  riders: PlanRider[];
  pickups: PlanPickup[];
  destinations: PlanDestination[];
}

export interface County {
  code: string;
  name: string;
  /** County bus station first, then township points. */
  points: PlanPickup[];
}

/** Moves a point `km` kilometres in direction `angle` (radians). */
export function offset(lng: number, lat: number, km: number, angle: number): { lng: number; lat: number } {
  const dLat = (km * Math.cos(angle)) / 111.2;
  const dLng = (km * Math.sin(angle)) / (111.2 * Math.cos((lat * Math.PI) / 180));
  return { lng: Math.round((lng + dLng) * 1e4) / 1e4, lat: Math.round((lat + dLat) * 1e4) / 1e4 };
}

export function countiesOf(regions: RegionsService, codes: string[], seed: number): County[] {
  const out: County[] = [];
  for (const code of codes) {
    const region = regions.get(code);
    if (!region) continue;
    const list = region.level === 'city' && !region.countyLevel ? regions.children(code) : [region];
    for (const c of list) {
      if (!c.centre) continue;
      const rng = new Rng(mix(seed, Number(c.code)));
      const [lng, lat] = c.centre;
      const points: PlanPickup[] = [{ id: `p${c.code}00`, name: `${c.shortName}汽车站`, lng, lat }];
      const townships = rng.int(2, 4);
      for (let t = 1; t <= townships; t++) {
        const at = offset(lng, lat, rng.int(15, 50), rng.next() * 2 * Math.PI);
        points.push({ id: `p${c.code}${String(t).padStart(2, '0')}`, name: `${c.shortName}${rng.pick(VILLAGE_ROOTS)}乡上车点`, ...at });
      }
      out.push({ code: c.code, name: c.shortName, points });
    }
  }
  return out;
}

/**
 * An instance of `size` riders: job orders of 8–120 places (70 % up to 40), each at one employer (one per 2,000
 * riders in each eastern city, at least two) on one of its four intake days over `days` days, recruiting in one (50 %),
 * two (35 %) or three counties of the paired prefecture; riders board at the county bus station (75 %) or a township
 * point, in households of 1–4 (55/28/12/5 %).
 */
export function generateInstance(regions: RegionsService, size: number, days = 14, seed = SEED): Instance {
  const rng = new Rng(mix(seed, size, days));
  const flows = FLOWS.map((f) => ({ ...f, counties: countiesOf(regions, f.west, seed) })).filter((f) => f.counties.length);
  const employersPerCity = Math.max(2, Math.round(size / 2000));
  const destinations: PlanDestination[] = [];
  const employersOf = new Map<string, PlanDestination[]>();
  const intakeOf = new Map<string, string[]>();
  for (const east of [...new Set(flows.map((f) => f.east))]) {
    const city = regions.get(east)!;
    const districts = regions.children(east).filter((d) => d.centre);
    const list: PlanDestination[] = [];
    for (let e = 0; e < employersPerCity; e++) {
      const d = districts[e % districts.length];
      const at = offset(d.centre![0], d.centre![1], rng.int(2, 15), rng.next() * 2 * Math.PI);
      const id = `e${east}${String(e).padStart(3, '0')}`;
      list.push({ id, name: `${city.shortName}${d.shortName}第${e + 1}厂`, ...at });
      // A factory takes new hires on a few intake days, not every day.
      const intake = rng.sample([...Array(days).keys()], Math.min(days, INTAKE_DAYS)).sort((a, b) => a - b);
      intakeOf.set(id, intake.map((k) => new Date(FIRST_DAY + k * DAY).toISOString().slice(0, 10)));
    }
    employersOf.set(east, list);
    destinations.push(...list);
  }
  const riders: PlanRider[] = [];
  let order = 0;
  while (riders.length < size) {
    order++;
    const flow = rng.weighted(flows.map((f) => [f, f.weight] as const));
    const employer = rng.pick(employersOf.get(flow.east)!);
    const startDate = rng.pick(intakeOf.get(employer.id)!);
    const places = Math.min(size - riders.length, rng.chance(0.7) ? rng.int(8, 40) : rng.int(40, 120));
    const counties = rng.sample(flow.counties, rng.weighted([[1, 0.5], [2, 0.35], [3, 0.15]] as const));
    let placed = 0;
    let household = 0;
    while (placed < places) {
      const county = rng.pick(counties);
      const point = rng.chance(0.75) ? county.points[0] : rng.pick(county.points.slice(1));
      const village = `${county.name}${point.id.slice(-2)}${rng.pick(VILLAGE_ROOTS)}村`;
      const members = Math.min(places - placed, rng.weighted(HOUSEHOLD_SIZES));
      const householdId = `h${order}-${++household}`;
      for (let m = 0; m < members; m++) {
        riders.push({
          id: `r${String(riders.length).padStart(6, '0')}`,
          workerId: `w${String(riders.length).padStart(6, '0')}`,
          householdId: members > 1 || rng.chance(0.5) ? householdId : null,
          village,
          pickupPointId: point.id,
          destinationId: employer.id,
          startDate,
        });
      }
      placed += members;
    }
  }
  const pickups = flows.flatMap((f) => f.counties.flatMap((c) => c.points));
  const unique = [...new Map(pickups.map((p) => [p.id, p])).values()];
  return { name: `${size.toLocaleString('en')} riders`, riders, pickups: unique, destinations };
}

/**
 * Small instances for the exact optimum: one employer, one start date, `points` pickup points (4–8) of one to three
 * counties of a paired prefecture, 50–150 riders spread unevenly over them in households of 1–4.
 */
export function smallInstance(regions: RegionsService, k: number, seed = SEED): Instance & { maxStops: number } {
  const rng = new Rng(mix(seed, 7, k));
  const flow = FLOWS[k % FLOWS.length];
  const counties = countiesOf(regions, flow.west, seed);
  const wanted = rng.int(4, 8);
  const chosen = rng.sample(counties, rng.int(1, 3));
  const candidates = chosen.flatMap((c) => c.points);
  const points = rng.sample(candidates.length >= wanted ? candidates : counties.flatMap((c) => c.points), wanted);
  const districts = regions.children(flow.east).filter((d) => d.centre);
  const d = rng.pick(districts);
  const destination: PlanDestination = { id: `e${flow.east}s${k}`, name: `${regions.get(flow.east)!.shortName}${d.shortName}工厂`, ...offset(d.centre![0], d.centre![1], rng.int(2, 15), rng.next() * 2 * Math.PI) };
  const weights = points.map(() => 0.2 + rng.next() * rng.next() * 3);
  const size = rng.int(50, 150);
  const startDate = new Date(FIRST_DAY + rng.int(0, 13) * DAY).toISOString().slice(0, 10);
  const riders: PlanRider[] = [];
  for (let h = 0; riders.length < size; h++) {
    const point = rng.weighted(points.map((p, i) => [p, weights[i]] as const));
    const members = Math.min(size - riders.length, rng.weighted(HOUSEHOLD_SIZES));
    for (let m = 0; m < members; m++) {
      riders.push({
        id: `s${k}-${String(riders.length).padStart(4, '0')}`,
        workerId: `sw${k}-${riders.length}`,
        householdId: members > 1 ? `sh${k}-${h}` : null,
        village: `${point.id}-${rng.pick(VILLAGE_ROOTS)}村`,
        pickupPointId: point.id,
        destinationId: destination.id,
        startDate,
      });
    }
  }
  return { name: `small ${k + 1}`, riders, pickups: points, destinations: [destination], maxStops: k % 2 ? 3 : 4 };
}
