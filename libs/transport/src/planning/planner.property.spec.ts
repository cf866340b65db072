import { GreatCircleDistance } from '../distance/great-circle.distance.js';
import { planViolations } from './plan-check.js';
import type { PlanDestination, PlanOptions, PlanPickup, PlanResult, PlanRider } from './plan-types.js';
import { planTrips } from './planner.js';

/**
 * Property-style specs over seeded random instances: whatever the points, options and households, every rule of
 * plan-check holds (each rider once or unplanned with a reason, seats, stops, ride time, arrival window, households
 * whole), the plan does not depend on the input's order, and on typical instances the vehicles stay within 2 % of the
 * lower bound. The checker itself is shown to catch each kind of broken plan.
 */

/** mulberry32, independent of the planner's. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

interface Instance {
  riders: PlanRider[];
  pickups: PlanPickup[];
  destinations: PlanDestination[];
  options: PlanOptions;
}

const distance = new GreatCircleDistance();
const SEAT_SETS = [[53, 45, 33], [45, 33], [19, 12], [8], [53]];

function randomInstance(seed: number): Instance {
  const r = rng(seed);
  const west = { lng: r.int(1000, 1100) / 10, lat: r.int(250, 360) / 10 };
  const pickups: PlanPickup[] = Array.from({ length: r.int(1, 25) }, (_, k) => ({
    id: `p${k}`,
    name: `上车点${k}`,
    lng: west.lng + (r.next() - 0.5) * 2.5,
    lat: west.lat + (r.next() - 0.5) * 2.5,
  }));
  const destinations: PlanDestination[] = Array.from({ length: r.int(1, 4) }, (_, k) => ({
    id: `d${k}`,
    name: `工厂${k}`,
    lng: r.int(1160, 1210) / 10,
    lat: r.int(230, 370) / 10,
  }));
  const options: PlanOptions = {
    seats: r.pick(SEAT_SETS),
    maxStops: r.int(1, 5),
    maxRideHours: r.int(28, 60),
    maxEarlyDays: r.int(0, 3),
    speedKmh: r.int(55, 90),
    dwellMinutes: r.int(0, 30),
    arriveByHour: r.int(0, 23),
  };
  const riders: PlanRider[] = [];
  const total = r.int(0, 300);
  for (let h = 0; riders.length < total; h++) {
    const size = r.next() < 0.02 ? r.int(5, 12) : r.int(1, 4);
    const pickup = r.next() < 0.02 ? 'p-unknown' : r.pick(pickups).id;
    const destinationId = r.pick(destinations).id;
    const startDate = r.next() < 0.01 ? '2027-13-01' : `2027-03-${String(r.int(1, 7)).padStart(2, '0')}`;
    const village = `${pickup}-村${r.int(1, 4)}`;
    for (let m = 0; m < size; m++) {
      const n = riders.length;
      riders.push({
        id: `r${String(n).padStart(4, '0')}`,
        workerId: `w${n}`,
        householdId: size > 1 || r.next() < 0.3 ? `h${h}` : null,
        village,
        pickupPointId: pickup,
        destinationId,
        startDate,
      });
    }
  }
  return { riders, pickups, destinations, options };
}

/** Big groups from a few nearby points, far enough that a ride is about 20 hours: stops and time do not bind. */
function typicalInstance(seed: number): Instance {
  const r = rng(seed);
  const pickups: PlanPickup[] = Array.from({ length: 12 }, (_, k) => ({
    id: `p${k}`,
    name: `县汽车站${k}`,
    lng: 109.2 + (k % 4) * 0.15 + r.next() * 0.05,
    lat: 30.1 + Math.floor(k / 4) * 0.15 + r.next() * 0.05,
  }));
  const destinations: PlanDestination[] = [
    { id: 'dHZ', name: '杭州', lng: 120.2, lat: 30.27 },
    { id: 'dJX', name: '嘉兴', lng: 120.75, lat: 30.75 },
    { id: 'dNB', name: '宁波', lng: 121.55, lat: 29.87 },
  ];
  const riders: PlanRider[] = [];
  for (const d of destinations) {
    for (let day = 1; day <= 3; day++) {
      const size = r.int(100, 500);
      const points = [r.pick(pickups), r.pick(pickups), r.pick(pickups)];
      for (let h = 0, n = 0; n < size; h++) {
        const members = Math.min(size - n, r.pick([1, 1, 1, 2, 2, 3, 4]));
        const point = r.pick(points);
        for (let m = 0; m < members; m++, n++) {
          riders.push({
            id: `${d.id}-${day}-${n}`,
            workerId: `w-${d.id}-${day}-${n}`,
            householdId: members > 1 ? `${d.id}-${day}-h${h}` : null,
            village: `${point.id}-村${r.int(1, 3)}`,
            pickupPointId: point.id,
            destinationId: d.id,
            startDate: `2027-03-0${day}`,
          });
        }
      }
    }
  }
  return { riders, pickups, destinations, options: { seats: [53, 45, 33], maxStops: 4, maxRideHours: 40, maxEarlyDays: 0, speedKmh: 65, dwellMinutes: 20, arriveByHour: 18 } };
}

const riderCount = (t: PlanResult['trips'][number]) => t.stops.reduce((n, s) => n + s.riderIds.length, 0);
const plan = (i: Instance): PlanResult => planTrips(i.riders, i.pickups, i.destinations, i.options, distance);
const violations = (i: Instance, result: PlanResult) => planViolations(i.riders, i.pickups, i.destinations, i.options, distance, result);

describe('planTrips on seeded random instances', () => {
  const seeds = Array.from({ length: 120 }, (_, k) => 1000 + k);

  it('keeps every rule on every instance', () => {
    let planned = 0;
    let unplanned = 0;
    let trips = 0;
    let total = 0;
    for (const seed of seeds) {
      const instance = randomInstance(seed);
      const result = plan(instance);
      expect({ seed, violations: violations(instance, result) }).toEqual({ seed, violations: [] });
      planned += result.trips.reduce((n, t) => n + t.stops.reduce((m, s) => m + s.riderIds.length, 0), 0);
      unplanned += result.unplanned.length;
      trips += result.trips.length;
      total += new Set(instance.riders.map((x) => x.id)).size;
    }
    // The instances exercise the rules: most riders ride, some cannot, many vehicles share stops.
    expect(planned).toBeGreaterThan(10_000);
    expect(unplanned).toBeGreaterThan(100);
    expect(trips).toBeGreaterThan(300);
  });

  it('gives the same plan whatever the order of riders and points', () => {
    for (const seed of seeds.slice(0, 40)) {
      const instance = randomInstance(seed);
      const r = rng(seed * 7);
      const shuffle = <T>(items: T[]) => items.map((x) => [r.next(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
      const a = plan(instance);
      const b = planTrips(shuffle(instance.riders), shuffle(instance.pickups), shuffle(instance.destinations), instance.options, distance);
      expect({ seed, trips: b.trips, unplanned: b.unplanned }).toEqual({ seed, trips: a.trips, unplanned: a.unplanned });
    }
  });

  it('uses at most 2 % more vehicles than the lower bound on typical instances', () => {
    let vehicles = 0;
    let bound = 0;
    for (const seed of seeds.slice(0, 20)) {
      const instance = typicalInstance(seed);
      const result = plan(instance);
      expect(violations(instance, result)).toEqual([]);
      expect(result.unplanned).toEqual([]);
      expect(result.vehicles).toBeLessThanOrEqual(result.lowerBound + 1);
      vehicles += result.vehicles;
      bound += result.lowerBound;
    }
    expect(vehicles).toBeLessThanOrEqual(1.02 * bound);
  });
});

describe('planViolations', () => {
  const instance = typicalInstance(7);
  const good = plan(instance);
  const broken = (change: (r: PlanResult) => void): string[] => {
    const copy = structuredClone(good);
    change(copy);
    return violations(instance, copy);
  };

  it('passes a good plan and catches every kind of broken one', () => {
    expect(violations(instance, good)).toEqual([]);
    expect(broken((r) => r.trips[0].stops[0].riderIds.pop())).toContainEqual(expect.stringMatching(/is missing$/));
    expect(broken((r) => r.trips[1].stops[0].riderIds.push(r.trips[0].stops[0].riderIds[0])).join()).toMatch(/appears 2 times/);
    const fullest = good.trips.reduce((best, t, k) => (riderCount(t) > riderCount(good.trips[best]) ? k : best), 0);
    expect(riderCount(good.trips[fullest])).toBeGreaterThan(33);
    expect(broken((r) => (r.trips[fullest].seats = 33)).join()).toMatch(/riders on 33 seats/);
    expect(broken((r) => (r.trips[0].seats = 50)).join()).toMatch(/50 seats is no vehicle size/);
    expect(broken((r) => (r.trips[0].departureAt = r.trips[0].stops[0].eta = new Date(Date.parse(r.trips[0].arrivalAt) - 41 * 3_600_000).toISOString())).join()).toMatch(/ride 41 h/);
    const late = (iso: string) => new Date(Date.parse(iso) + 86_400_000).toISOString();
    expect(
      broken((r) => {
        const t = r.trips[0];
        t.arrivalAt = late(t.arrivalAt);
        t.departureAt = late(t.departureAt);
        t.stops.forEach((s) => (s.eta = late(s.eta)));
        t.startDate = late(`${t.startDate}T00:00:00Z`).slice(0, 10);
      }).join(),
    ).toMatch(/arrives after the start date/);
    expect(broken((r) => (r.trips[0].km += 5)).join()).toMatch(/km .* but the route is/);
    expect(broken((r) => r.trips[0].stops.push(...r.trips[1].stops.map((s) => ({ ...s, riderIds: [] })))).join()).toMatch(/a stop without riders/);
    expect(broken((r) => (r.trips[0].stops[0].eta = r.trips[0].arrivalAt)).join()).toMatch(/departure is not the first stop's time|faster than the speed allows/);
    expect(broken((r) => r.unplanned.push({ riderId: r.trips[0].stops[0].riderIds.shift()!, reason: '' })).join()).toMatch(/no reason/);
  });

  it('catches a split household and a carriable rider left unplanned', () => {
    const household = instance.riders.find((r) => r.householdId)!;
    const member = instance.riders.find((r) => r.householdId === household.householdId && r.id !== household.id)!;
    expect(
      broken((r) => {
        const from = r.trips.find((t) => t.stops.some((s) => s.riderIds.includes(member.id)))!;
        const stop = from.stops.find((s) => s.riderIds.includes(member.id))!;
        stop.riderIds.splice(stop.riderIds.indexOf(member.id), 1);
        const other = r.trips.find((t) => t !== from && t.destinationId === from.destinationId && t.startDate === from.startDate && t.stops.some((s) => s.pickupPointId === stop.pickupPointId));
        if (other) other.stops.find((s) => s.pickupPointId === stop.pickupPointId)!.riderIds.push(member.id);
        else r.unplanned.push({ riderId: member.id, reason: '测试' });
      }).join(),
    ).toMatch(/household .* split/);
    expect(
      broken((r) => {
        const id = r.trips[0].stops[0].riderIds.pop()!;
        r.unplanned.push({ riderId: id, reason: '测试' });
      }).join(),
    ).toMatch(/unplanned though carriable/);
  });
});
