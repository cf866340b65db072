/**
 * A lower bound on vehicles that counts stops and ride time as well as seats, per destination-and-date group (valid
 * when riders of different dates do not share vehicles, i.e. maxEarlyDays 0): at least ⌈riders / largest seats⌉, at
 * least ⌈pickup points / maxStops⌉, and at least the size of a set of points no two of which fit in one ride (a
 * clique of the "too far to share" graph, found greedily: any clique is a valid bound).
 */
import type { DistancePort } from '@daogang/transport/distance/distance.port.js';
import type { PlanDestination, PlanOptions, PlanPickup, PlanRider } from '@daogang/transport/planning/plan-types.js';

export interface GroupBounds {
  groups: number;
  seats: number;
  /** max(seats, stops, ride-time clique) summed over groups. */
  combined: number;
}

export function groupBounds(
  riders: readonly PlanRider[],
  pickups: readonly PlanPickup[],
  destinations: readonly PlanDestination[],
  options: PlanOptions,
  distance: DistancePort,
): GroupBounds {
  const C = Math.max(...options.seats);
  const pickup = new Map(pickups.map((p) => [p.id, p]));
  const destination = new Map(destinations.map((d) => [d.id, d]));
  const groups = new Map<string, { n: number; dest: string; points: Set<string> }>();
  for (const r of riders) {
    const key = `${r.destinationId}|${r.startDate}`;
    const g = groups.get(key) ?? { n: 0, dest: r.destinationId, points: new Set<string>() };
    g.n++;
    g.points.add(r.pickupPointId);
    groups.set(key, g);
  }
  const minutes = (km: number) => Math.ceil((km / options.speedKmh) * 60 - 1e-9);
  const limit = options.maxRideHours * 60;
  let seats = 0;
  let combined = 0;
  for (const g of groups.values()) {
    const d = destination.get(g.dest)!;
    const pts = [...g.points].map((id) => pickup.get(id)!);
    const ride = (a: PlanPickup, b: PlanPickup) => minutes(distance.km(a, b)) + minutes(distance.km(b, d)) + 2 * options.dwellMinutes;
    const apart = (a: PlanPickup, b: PlanPickup) => Math.min(ride(a, b), ride(b, a)) > limit;
    const degree = pts.map((a) => pts.filter((b) => b !== a && apart(a, b)).length);
    const order = pts.map((_, i) => i).sort((a, b) => degree[b] - degree[a] || a - b);
    const clique: PlanPickup[] = [];
    for (const i of order) if (clique.every((c) => apart(c, pts[i]))) clique.push(pts[i]);
    const bySeats = Math.ceil(g.n / C);
    seats += bySeats;
    combined += Math.max(bySeats, Math.ceil(pts.length / options.maxStops), clique.length);
  }
  return { groups: groups.size, seats, combined };
}
