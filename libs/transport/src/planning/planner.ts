import type { DistancePort } from '../distance/distance.port.js';
import { planDestination, type PlannedVehicle } from './destination-planner.js';
import { cmp, type BoardingUnit } from './households.js';
import { assertPlanOptions } from './plan.errors.js';
import { dateOf, indexPoints, prepare, type PlanPoints } from './plan-input.js';
import type { PlanDestination, PlannedTrip, PlanOptions, PlanPickup, PlanProgress, PlanResult, PlanRider } from './plan-types.js';
import { legMinutes, PointDistances } from './route-table.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const BEIJING_OFFSET_HOURS = 8;
/**
 * Search cost, in km, of carrying the riders of one pickup point and start date one day before that date: riders of
 * neighbouring dates share a vehicle when that saves a vehicle, or more kilometres than this.
 */
export const EARLY_DAY_KM = 25;

/**
 * Plans the vehicles that carry placed workers from their pickup points to their workplaces (see docs/dispatch.md).
 * Pure and deterministic: the same riders, points and options give the same trips whatever their order. Riders it
 * cannot carry are returned in `unplanned` with the reason in Chinese. Throws InvalidPlanOptionsError for options out
 * of range.
 */
export function planTrips(
  riders: PlanRider[],
  pickups: PlanPickup[],
  destinations: PlanDestination[],
  options: PlanOptions,
  distance: DistancePort,
  progress?: PlanProgress,
): PlanResult {
  const started = performance.now();
  assertPlanOptions(options);
  let reported = -1;
  const report = (percent: number) => {
    const p = Math.min(100, Math.max(0, Math.floor(percent)));
    if (progress && p !== reported) progress((reported = p));
  };
  report(0);
  const points = indexPoints(pickups, destinations);
  const distances = new PointDistances(points.coordinates, distance);
  const prepared = prepare(riders, points, options, distances);
  report(5);
  const capacity = Math.max(...options.seats);
  const ctx = { distances, options, capacity, earlyKm: EARLY_DAY_KM };
  const trips: PlannedTrip[] = [];
  let done = 0;
  for (const work of prepared.work) {
    for (const vehicle of planDestination(work, ctx)) trips.push(tripOf(vehicle, points, distances, options));
    done += work.riders;
    report(5 + (90 * done) / Math.max(1, prepared.plannable));
  }
  trips.sort(
    (a, b) =>
      cmp(a.startDate, b.startDate) ||
      cmp(a.destinationId, b.destinationId) ||
      cmp(a.departureAt, b.departureAt) ||
      cmp(a.stops[0].pickupPointId, b.stops[0].pickupPointId) ||
      cmp(a.stops[0].riderIds[0], b.stops[0].riderIds[0]),
  );
  let km = 0;
  for (const t of trips) km += t.km;
  report(100);
  return {
    trips,
    unplanned: prepared.unplanned,
    lowerBound: prepared.lowerBound,
    vehicles: trips.length,
    km: Math.round(km * 10) / 10,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Times and names of one vehicle: it arrives on the earliest start date among its riders at arriveByHour Beijing time
 * (the latest arrival allowed for all of them); each stop's time is counted back by driving minutes (rounded up per
 * leg) and the dwell at every stop; the departure is the time at the first stop.
 */
function tripOf(vehicle: PlannedVehicle, points: PlanPoints, distances: PointDistances, o: PlanOptions): PlannedTrip {
  let day = Infinity;
  let seated = 0;
  const unitsAt = new Map<number, BoardingUnit[]>();
  for (const load of vehicle.loads) {
    if (load.day < day) day = load.day;
    const list = unitsAt.get(load.point) ?? [];
    list.push(...load.units);
    unitsAt.set(load.point, list);
    for (const u of load.units) seated += u.size;
  }
  const arrival = day * DAY_MS + (o.arriveByHour - BEIJING_OFFSET_HOURS) * 3_600_000;
  const order = vehicle.order;
  const etas = new Array<number>(order.length);
  let at = arrival;
  for (let k = order.length - 1; k >= 0; k--) {
    const next = k === order.length - 1 ? vehicle.destination : order[k + 1];
    at -= (legMinutes(distances.km(order[k], next), o.speedKmh) + o.dwellMinutes) * MINUTE_MS;
    etas[k] = at;
  }
  const seats = [...o.seats].sort((a, b) => a - b).find((s) => s >= seated)!;
  return {
    destinationId: points.ids[vehicle.destination],
    startDate: dateOf(day),
    seats,
    stops: order.map((p, k) => ({
      pickupPointId: points.ids[p],
      riderIds: ridersOf(unitsAt.get(p) ?? []),
      eta: new Date(etas[k]).toISOString(),
    })),
    departureAt: new Date(etas[0]).toISOString(),
    arrivalAt: new Date(arrival).toISOString(),
    km: Math.round(vehicle.km * 10) / 10,
  };
}

/** Riders of a stop: by village, then household, then id. */
function ridersOf(units: BoardingUnit[]): string[] {
  return [...units]
    .sort((a, b) => cmp(a.village, b.village) || cmp(a.key, b.key))
    .flatMap((u) => [...u.riderIds].sort(cmp));
}
