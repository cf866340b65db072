import type { LngLat } from '../distance/distance.port.js';
import { cmp, type BoardingUnit } from './households.js';
import type { PlanDestination, PlanOptions, PlanPickup, PlanRider } from './plan-types.js';
import { legMinutes, type PointDistances } from './route-table.js';

const DAY_MS = 86_400_000;

/** Riders of one pickup point and one start date going to one destination. */
export interface PlanItem {
  /** Global point index (pickups first, then destinations). */
  point: number;
  /** Start date, days since 1970-01-01. */
  day: number;
  units: BoardingUnit[];
}

export interface DestinationWork {
  /** Global point index of the destination. */
  destination: number;
  items: PlanItem[];
  riders: number;
}

export interface PreparedPlan {
  work: DestinationWork[];
  unplanned: Array<{ riderId: string; reason: string }>;
  lowerBound: number;
  plannable: number;
}

export interface PlanPoints {
  /** Pickups then destinations, as given (those without coordinates too, so that indices match). */
  coordinates: LngLat[];
  ids: string[];
  pickupIndex: Map<string, number>;
  destinationIndex: Map<string, number>;
}

/** Indexes the points: pickups first, then destinations; a point without finite coordinates is left out. */
export function indexPoints(pickups: readonly PlanPickup[], destinations: readonly PlanDestination[]): PlanPoints {
  const coordinates: LngLat[] = [];
  const ids: string[] = [];
  const pickupIndex = new Map<string, number>();
  const destinationIndex = new Map<string, number>();
  const add = (p: PlanPickup | PlanDestination, index: Map<string, number>) => {
    if (index.has(p.id) || !validPoint(p)) return;
    index.set(p.id, coordinates.length);
    coordinates.push({ lng: p.lng, lat: p.lat });
    ids.push(p.id);
  };
  for (const p of [...pickups].sort((a, b) => cmp(a.id, b.id))) add(p, pickupIndex);
  for (const d of [...destinations].sort((a, b) => cmp(a.id, b.id))) add(d, destinationIndex);
  return { coordinates, ids, pickupIndex, destinationIndex };
}

function validPoint(p: LngLat): boolean {
  return Number.isFinite(p.lng) && Number.isFinite(p.lat) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;
}

/** Days since 1970-01-01 for a real YYYY-MM-DD, else undefined. */
export function dayOf(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : undefined;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Checks every rider (known pickup and destination, a real start date, a direct ride within maxRideHours, a household
 * that fits the largest vehicle), sets the others aside with a reason in Chinese, and groups the rest into boarding
 * units and items per destination. Riders are taken in id order, so the plan does not depend on the input's order; a
 * rider id given twice is planned once (the first given).
 */
export function prepare(riders: readonly PlanRider[], points: PlanPoints, options: PlanOptions, distances: PointDistances): PreparedPlan {
  const unplanned: PreparedPlan['unplanned'] = [];
  const maxSeats = Math.max(...options.seats);
  const maxMinutes = options.maxRideHours * 60;
  const seen = new Set<string>();
  const units = new Map<string, { dest: number; point: number; day: number; unit: BoardingUnit; riders: PlanRider[] }>();
  const sorted = [...riders].sort((a, b) => cmp(a.id, b.id));
  for (const r of sorted) {
    if (seen.has(r.id)) continue; // the same rider given twice is planned once
    seen.add(r.id);
    const point = points.pickupIndex.get(r.pickupPointId);
    const dest = points.destinationIndex.get(r.destinationId);
    const day = dayOf(r.startDate);
    if (point === undefined) unplanned.push({ riderId: r.id, reason: `上车点未知或缺少坐标：${r.pickupPointId}` });
    else if (dest === undefined) unplanned.push({ riderId: r.id, reason: `目的地未知或缺少坐标：${r.destinationId}` });
    else if (day === undefined) unplanned.push({ riderId: r.id, reason: `到岗日期无效：${r.startDate}` });
    else {
      const minutes = options.dwellMinutes + legMinutes(distances.km(point, dest), options.speedKmh);
      if (minutes > maxMinutes) {
        const hours = Math.round(minutes / 6) / 10;
        unplanned.push({ riderId: r.id, reason: `直达约 ${hours} 小时，超过单程最长 ${options.maxRideHours} 小时，需改乘火车或中途住宿` });
        continue;
      }
      const key = r.householdId ? `h|${r.householdId}|${dest}|${point}|${day}` : `r|${r.id}`;
      const entry = units.get(key);
      if (entry) {
        entry.riders.push(r);
        entry.unit.riderIds.push(r.id);
        entry.unit.size++;
      } else {
        const unit: BoardingUnit = { key: r.householdId ?? r.id, village: r.village ?? '', riderIds: [r.id], size: 1 };
        units.set(key, { dest, point, day, unit, riders: [r] });
      }
    }
  }
  const byDestination = new Map<number, Map<string, PlanItem>>();
  const groups = new Map<string, number>();
  let plannable = 0;
  for (const { dest, point, day, unit, riders: members } of units.values()) {
    if (unit.size > maxSeats) {
      for (const r of members) unplanned.push({ riderId: r.id, reason: `同户 ${unit.size} 人同行，超过最大车型 ${maxSeats} 座` });
      continue;
    }
    plannable += unit.size;
    let items = byDestination.get(dest);
    if (!items) byDestination.set(dest, (items = new Map()));
    const itemKey = `${point}|${day}`;
    let item = items.get(itemKey);
    if (!item) items.set(itemKey, (item = { point, day, units: [] }));
    item.units.push(unit);
    const group = `${dest}|${day}`;
    groups.set(group, (groups.get(group) ?? 0) + unit.size);
  }
  let lowerBound = 0;
  for (const n of groups.values()) lowerBound += Math.ceil(n / maxSeats);
  const work: DestinationWork[] = [...byDestination.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([destination, items]) => {
      const list = [...items.values()].sort((a, b) => a.day - b.day || a.point - b.point);
      let n = 0;
      for (const it of list) for (const u of it.units) n += u.size;
      return { destination, items: list, riders: n };
    });
  unplanned.sort((a, b) => cmp(a.riderId, b.riderId) || cmp(a.reason, b.reason));
  return { work, unplanned, lowerBound, plannable };
}
