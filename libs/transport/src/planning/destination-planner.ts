import { packUnits, ridersIn, type BoardingUnit } from './households.js';
import type { DestinationWork, PlanItem } from './plan-input.js';
import type { PlanOptions } from './plan-types.js';
import { PoolState, type PoolItem } from './pool-state.js';
import { largeNeighbourhoodSearch } from './pool-lns.js';
import { construct, eliminate, improve } from './pool-search.js';
import { RouteTable, type PointDistances } from './route-table.js';

/** One vehicle of the plan before times and ids: its loads by pickup point and start date, its route. */
export interface PlannedVehicle {
  destination: number;
  loads: Array<{ point: number; day: number; units: BoardingUnit[] }>;
  /** Global point indices in visiting order. */
  order: number[];
  km: number;
}

export interface DestinationContext {
  distances: PointDistances;
  options: PlanOptions;
  /** Seats of the largest vehicle. */
  capacity: number;
  /** Search cost of one (pickup point, start date) carried one day early, in km. */
  earlyKm: number;
}

/** Rounds of re-planning for households that the seat split of a round could not place whole. */
const MAX_ROUNDS = 4;
/** Large-neighbourhood iterations per shared vehicle, at least and at most. */
const LNS_PER_VEHICLE = 15;
const LNS_MIN = 100;
const LNS_MAX = 2000;
/** …and it stops after this many iterations in a row without a gain. */
const LNS_PATIENCE_PER_VEHICLE = 3;
const LNS_PATIENCE_MIN = 10;

/** A seed for the search's chance that depends only on the pool. */
function poolSeed(destination: number, items: readonly PlanItem[]): number {
  let h = 0x9e3779b9 ^ destination;
  for (const it of items) h = Math.imul(h ^ (it.point * 4099 + it.day), 0x85ebca6b) ^ (h >>> 13);
  return h >>> 0;
}

/**
 * All vehicles to one destination: first the full vehicles straight from each pickup point and start date (whole
 * households, villages kept together), then the rest shared out by the pool search (construct, empty vehicles, improve,
 * large-neighbourhood search) and seated by household; households the seating could not place go round again.
 */
export function planDestination(work: DestinationWork, ctx: DestinationContext): PlannedVehicle[] {
  const vehicles: PlannedVehicle[] = [];
  const C = ctx.capacity;
  let pool: PlanItem[] = [];
  for (const item of work.items) {
    // Full vehicles straight from the point, but one vehicle's worth stays in the pool: the best plan may carry that
    // part with other points' riders (of 60 riders, 46 with 7 from a neighbour and 14 with a third point's 39).
    const full = Math.floor(ridersIn(item.units) / C) - 1;
    if (full <= 0) {
      pool.push(item);
      continue;
    }
    const { bins, left } = packUnits(item.units, new Array<number>(full).fill(C));
    for (const bin of bins) if (bin.length) vehicles.push(direct(work.destination, item.point, item.day, bin, ctx));
    if (left.length) pool.push({ ...item, units: left });
  }
  for (let round = 0; pool.length; round++) {
    if (round === MAX_ROUNDS) {
      for (const item of pool) for (const unit of item.units) vehicles.push(direct(work.destination, item.point, item.day, [unit], ctx));
      break;
    }
    const solved = solvePool(work.destination, pool, ctx);
    vehicles.push(...solved.vehicles);
    pool = solved.left;
  }
  return vehicles;
}

function direct(destination: number, point: number, day: number, units: BoardingUnit[], ctx: DestinationContext): PlannedVehicle {
  return { destination, loads: [{ point, day, units }], order: [point], km: ctx.distances.km(point, destination) };
}

function solvePool(destination: number, items: PlanItem[], ctx: DestinationContext): { vehicles: PlannedVehicle[]; left: PlanItem[] } {
  const { options, capacity } = ctx;
  const globalPoints = [...new Set(items.map((it) => it.point))].sort((a, b) => a - b);
  const local = new Map(globalPoints.map((g, l) => [g, l]));
  const table = new RouteTable(globalPoints, destination, ctx.distances, options.speedKmh, options.dwellMinutes, options.maxStops);
  const poolItems: PoolItem[] = items.map((it) => ({ point: local.get(it.point)!, day: it.day, riders: ridersIn(it.units) }));
  const state = new PoolState(poolItems, table, {
    capacity,
    maxStops: options.maxStops,
    maxMinutes: options.maxRideHours * 60,
    maxEarlyDays: options.maxEarlyDays,
    earlyKm: ctx.earlyKm,
  });
  construct(state);
  for (let round = 0; round < 4; round++) {
    const removed = eliminate(state);
    const moves = improve(state);
    if (!removed && !moves) break;
  }
  const alive = state.score().vehicles;
  if (alive > 1) {
    const iterations = Math.min(LNS_MAX, Math.max(LNS_MIN, LNS_PER_VEHICLE * alive));
    const patience = Math.max(LNS_PATIENCE_MIN, LNS_PATIENCE_PER_VEHICLE * alive);
    largeNeighbourhoodSearch(state, iterations, patience, poolSeed(destination, items));
    improve(state);
  }

  // Seat households: each item's units into its vehicles by the amounts the search gave them.
  const nv = state.vehicles.length;
  const seated = new Int32Array(nv);
  const seats: Array<Map<number, BoardingUnit[]>> = Array.from({ length: nv }, () => new Map());
  const put = (v: number, i: number, unit: BoardingUnit) => {
    const list = seats[v].get(i);
    if (list) list.push(unit);
    else seats[v].set(i, [unit]);
    seated[v] += unit.size;
  };
  // Seats the search promised to items not yet seated stay reserved; the rest of a vehicle is free, so an item split
  // over vehicles may use more than its share of one of them to keep a village together.
  const reserved = new Int32Array(nv);
  state.vehicles.forEach((veh, v) => (reserved[v] = veh.load));
  const waiting: Array<[number, BoardingUnit]> = [];
  items.forEach((item, i) => {
    const vs = [...state.itemVehicles[i]].sort((a, b) => a - b);
    for (const v of vs) reserved[v] -= state.amountOf(v, i);
    const { bins, left } = packUnits(item.units, vs.map((v) => capacity - seated[v] - reserved[v]));
    bins.forEach((bin, b) => bin.forEach((unit) => put(vs[b], i, unit)));
    for (const unit of left) waiting.push([i, unit]);
  });
  const leftOver = new Map<number, BoardingUnit[]>();
  for (const [i, unit] of waiting) {
    const it = poolItems[i];
    const fits = (v: number) => state.alive(v) && capacity - seated[v] >= unit.size;
    const sameItem = [...state.itemVehicles[i]].filter(fits).sort((a, b) => seated[a] - seated[b] || a - b);
    const samePoint = [...state.pointVehicles[it.point]]
      .filter((v) => fits(v) && Math.max(state.vehicles[v].maxDay, it.day) - Math.min(state.vehicles[v].minDay, it.day) <= options.maxEarlyDays)
      .sort((a, b) => seated[a] - seated[b] || a - b);
    const v = sameItem[0] ?? samePoint[0];
    if (v === undefined) {
      const list = leftOver.get(i);
      if (list) list.push(unit);
      else leftOver.set(i, [unit]);
    } else put(v, i, unit);
  }

  const vehicles: PlannedVehicle[] = [];
  for (let v = 0; v < nv; v++) {
    if (!seats[v].size) continue;
    const loads = [...seats[v].entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([i, units]) => ({ point: items[i].point, day: items[i].day, units }));
    let route = table.route([...new Set([...seats[v].keys()].map((i) => poolItems[i].point))]);
    if (route.minutes > options.maxRideHours * 60) {
      // Only with a distance that breaks the triangle inequality: keep the searched vehicle's order, less empty stops.
      const kept = table.route(state.vehicles[v].pts).order.filter((p) => route.order.includes(p));
      route = { order: kept, km: table.pathKm(kept), minutes: table.pathMinutes(kept) };
    }
    vehicles.push({ destination, loads, order: route.order.map((l) => globalPoints[l]), km: route.km });
  }
  const left = [...leftOver.entries()].sort((a, b) => a[0] - b[0]).map(([i, units]) => ({ ...items[i], units }));
  return { vehicles, left };
}
