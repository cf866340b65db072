import type { DistancePort } from '../distance/distance.port.js';
import type { PlanDestination, PlanOptions, PlanPickup, PlanResult, PlanRider } from './plan-types.js';

const DAY_MS = 86_400_000;

/**
 * Every rule a plan must keep, checked from the input and the result alone (none of the planner's code is used), so
 * that the specs and bench/dispatch can test any plan: each rider planned exactly once or unplanned with a reason; a
 * rider whose point, destination, date, direct ride and household all allow it is planned; seats, stops, ride time and
 * the arrival window kept; stops times consistent; households never split; km as the route says. Returns one line per
 * violation (empty: the plan keeps every rule).
 */
export function planViolations(
  riders: readonly PlanRider[],
  pickups: readonly PlanPickup[],
  destinations: readonly PlanDestination[],
  options: PlanOptions,
  distance: DistancePort,
  result: PlanResult,
): string[] {
  const out: string[] = [];
  const byId = new Map<string, PlanRider>();
  for (const r of riders) if (!byId.has(r.id)) byId.set(r.id, r);
  const pickup = new Map(pickups.map((p) => [p.id, p]));
  const destination = new Map(destinations.map((d) => [d.id, d]));
  const maxSeats = Math.max(...options.seats);
  const seen = new Map<string, number>();
  const tripOf = new Map<string, number>();
  const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);

  result.trips.forEach((trip, t) => {
    const name = `trip ${t} (${trip.destinationId} ${trip.startDate})`;
    const dest = destination.get(trip.destinationId);
    if (!dest) out.push(`${name}: unknown destination`);
    const riderCount = trip.stops.reduce((n, s) => n + s.riderIds.length, 0);
    if (riderCount > trip.seats) out.push(`${name}: ${riderCount} riders on ${trip.seats} seats`);
    if (!options.seats.includes(trip.seats)) out.push(`${name}: ${trip.seats} seats is no vehicle size`);
    if (!trip.stops.length || trip.stops.some((s) => !s.riderIds.length)) out.push(`${name}: a stop without riders`);
    if (trip.stops.length > options.maxStops) out.push(`${name}: ${trip.stops.length} stops > ${options.maxStops}`);
    if (new Set(trip.stops.map((s) => s.pickupPointId)).size !== trip.stops.length) out.push(`${name}: a pickup point visited twice`);
    const departure = Date.parse(trip.departureAt);
    const arrival = Date.parse(trip.arrivalAt);
    if (arrival - departure > options.maxRideHours * 3_600_000) out.push(`${name}: ride ${(arrival - departure) / 3_600_000} h`);
    if (trip.stops.length && Date.parse(trip.stops[0].eta) !== departure) out.push(`${name}: departure is not the first stop's time`);
    let km = 0;
    for (let k = 0; k < trip.stops.length; k++) {
      const here = pickup.get(trip.stops[k].pickupPointId);
      const next = k + 1 < trip.stops.length ? pickup.get(trip.stops[k + 1].pickupPointId) : dest;
      if (!here || !next) {
        out.push(`${name}: unknown point`);
        continue;
      }
      const leg = distance.km(here, next);
      km += leg;
      const after = k + 1 < trip.stops.length ? Date.parse(trip.stops[k + 1].eta) : arrival;
      const minimum = (options.dwellMinutes + (leg / options.speedKmh) * 60) * 60_000;
      if (after - Date.parse(trip.stops[k].eta) < minimum - 1) out.push(`${name}: stop ${k} → next faster than the speed allows`);
    }
    if (Math.abs(km - trip.km) > 0.06) out.push(`${name}: km ${trip.km} but the route is ${km.toFixed(2)}`);
    const arrivalDay = Math.floor((arrival + 8 * 3_600_000) / DAY_MS);
    if (new Date(arrivalDay * DAY_MS).toISOString().slice(0, 10) !== trip.startDate) out.push(`${name}: arrives on another day than its start date`);
    for (const stop of trip.stops) {
      for (const id of stop.riderIds) {
        count(id);
        tripOf.set(id, t);
        const r = byId.get(id);
        if (!r) {
          out.push(`${name}: unknown rider ${id}`);
          continue;
        }
        if (r.pickupPointId !== stop.pickupPointId) out.push(`${name}: rider ${id} boards at another point than theirs`);
        if (r.destinationId !== trip.destinationId) out.push(`${name}: rider ${id} goes elsewhere`);
        const start = Date.parse(`${r.startDate}T00:00:00Z`) / DAY_MS;
        if (arrivalDay > start) out.push(`${name}: rider ${id} arrives after the start date ${r.startDate}`);
        if (arrivalDay < start - options.maxEarlyDays) out.push(`${name}: rider ${id} arrives more than ${options.maxEarlyDays} days early`);
      }
    }
  });
  for (const u of result.unplanned) {
    count(u.riderId);
    if (!u.reason) out.push(`unplanned ${u.riderId}: no reason`);
  }
  for (const [id, n] of seen) if (n !== 1) out.push(`rider ${id} appears ${n} times`);
  for (const id of byId.keys()) if (!seen.has(id)) out.push(`rider ${id} is missing`);

  // Households: riders of one household, destination, start date and pickup point share a vehicle.
  const households = new Map<string, PlanRider[]>();
  for (const r of byId.values()) {
    if (!r.householdId) continue;
    const key = `${r.householdId}|${r.destinationId}|${r.startDate}|${r.pickupPointId}`;
    households.set(key, [...(households.get(key) ?? []), r]);
  }
  for (const [key, members] of households) {
    const trips = new Set(members.map((m) => tripOf.get(m.id) ?? -1));
    if (trips.size > 1) out.push(`household ${key} split over ${trips.size} vehicles (or partly unplanned)`);
  }

  // Nobody unplanned who could have been carried.
  const reasons = new Map(result.unplanned.map((u) => [u.riderId, u.reason]));
  for (const [id, reason] of reasons) {
    const r = byId.get(id);
    const p = r && pickup.get(r.pickupPointId);
    const d = r && destination.get(r.destinationId);
    if (!r || !p || !d || !realDay(r.startDate)) continue;
    const ride = options.dwellMinutes + (distance.km(p, d) / options.speedKmh) * 60;
    const size = r.householdId ? households.get(`${r.householdId}|${r.destinationId}|${r.startDate}|${r.pickupPointId}`)!.length : 1;
    if (ride <= options.maxRideHours * 60 - 1 && size <= maxSeats) out.push(`rider ${id} unplanned though carriable: ${reason}`);
  }
  if (result.vehicles !== result.trips.length) out.push(`vehicles ${result.vehicles} ≠ trips ${result.trips.length}`);
  return out;
}

function realDay(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)) && new Date(Date.parse(date)).toISOString().slice(0, 10) === date;
}
