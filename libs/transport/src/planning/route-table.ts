import type { DistancePort, LngLat } from '../distance/distance.port.js';

/**
 * Distances between the plan's points, asked of the DistancePort once per ordered pair and kept for the whole plan
 * (the same county stations serve many destinations and dates). Pickups are numbered 0…P−1, destinations after them.
 */
export class PointDistances {
  private readonly cache = new Map<number, number>();
  private readonly n: number;
  calls = 0;

  constructor(private readonly points: readonly LngLat[], private readonly port: DistancePort) {
    this.n = points.length;
  }

  km(from: number, to: number): number {
    if (from === to) return 0;
    const key = from * this.n + to;
    let km = this.cache.get(key);
    if (km === undefined) {
      km = this.port.km(this.points[from], this.points[to]);
      if (!Number.isFinite(km) || km < 0) throw new RangeError(`distance port returned ${km} km`);
      this.calls++;
      this.cache.set(key, km);
    }
    return km;
  }
}

export interface RouteInfo {
  /** Local point indices in visiting order; the destination follows the last. */
  order: number[];
  km: number;
  /** From the vehicle's arrival at the first stop to its arrival at the destination, dwell at every stop included. */
  minutes: number;
}

/** Driving minutes of one leg, rounded up to the whole minute (stop times are whole minutes). */
export function legMinutes(km: number, speedKmh: number): number {
  return Math.ceil((km / speedKmh) * 60 - 1e-9);
}

const EXACT_ORDER_MAX = 7;

/**
 * The routes of one destination: a local matrix over the pickups that send riders there, and the best visiting order
 * of a set of pickups ending at the destination (exact by dynamic programming up to 7 stops, nearest-neighbour plus
 * 2-opt above), cached per set.
 */
export class RouteTable {
  readonly size: number;
  /** Local i → local j, row-major. */
  private readonly between: Float64Array;
  /** Local i → the destination. */
  readonly toDestination: Float64Array;
  /** For each local point, the other local points nearest first (at most `neighbourCount`). */
  readonly neighbours: number[][];
  private readonly cache = new Map<number | string, RouteInfo>();
  private readonly radix: number;
  private readonly numericKeys: boolean;
  private dpBest = new Float64Array(0);
  private dpPrev = new Int8Array(0);
  private readonly dpLegs = new Float64Array(EXACT_ORDER_MAX * EXACT_ORDER_MAX);

  constructor(
    readonly globalPoints: readonly number[],
    destination: number,
    distances: PointDistances,
    private readonly speedKmh: number,
    private readonly dwellMinutes: number,
    maxStops: number,
    neighbourCount = 16,
  ) {
    const m = (this.size = globalPoints.length);
    this.between = new Float64Array(m * m);
    this.toDestination = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      this.toDestination[i] = distances.km(globalPoints[i], destination);
      for (let j = 0; j < m; j++) if (i !== j) this.between[i * m + j] = distances.km(globalPoints[i], globalPoints[j]);
    }
    this.neighbours = [];
    for (let i = 0; i < m; i++) {
      const others: number[] = [];
      for (let j = 0; j < m; j++) if (j !== i) others.push(j);
      others.sort((a, b) => this.d(i, a) + this.d(a, i) - this.d(i, b) - this.d(b, i) || a - b);
      this.neighbours.push(others.slice(0, neighbourCount));
    }
    this.radix = m + 1;
    this.numericKeys = Math.pow(this.radix, maxStops) < Number.MAX_SAFE_INTEGER;
  }

  d(i: number, j: number): number {
    return this.between[i * this.size + j];
  }

  /** The best route over a set of distinct local points (any order given; the array is not kept). */
  route(points: readonly number[]): RouteInfo {
    const sorted = points.length > 1 ? [...points].sort((a, b) => a - b) : points;
    const key = this.keyOf(sorted);
    let info = this.cache.get(key);
    if (!info) {
      const order = sorted.length <= 1 ? [...sorted] : sorted.length <= EXACT_ORDER_MAX ? this.exactOrder(sorted) : this.heuristicOrder(sorted);
      info = { order, km: this.pathKm(order), minutes: this.pathMinutes(order) };
      this.cache.set(key, info);
    }
    return info;
  }

  /** route() of the first n points of a scratch buffer, which it sorts in place: no allocation on a cache hit. */
  routeOfBuffer(buffer: number[], n: number): RouteInfo {
    for (let i = 1; i < n; i++) {
      const x = buffer[i];
      let j = i - 1;
      for (; j >= 0 && buffer[j] > x; j--) buffer[j + 1] = buffer[j];
      buffer[j + 1] = x;
    }
    let key: number | string;
    if (this.numericKeys) {
      key = 0;
      for (let i = 0; i < n; i++) key = key * this.radix + (buffer[i] + 1);
    } else key = buffer.slice(0, n).join(',');
    return this.cache.get(key) ?? this.route(buffer.slice(0, n));
  }

  /** Km of visiting the points in this order and then the destination. */
  pathKm(order: readonly number[]): number {
    let km = 0;
    for (let k = 0; k + 1 < order.length; k++) km += this.d(order[k], order[k + 1]);
    return order.length ? km + this.toDestination[order[order.length - 1]] : 0;
  }

  pathMinutes(order: readonly number[]): number {
    let minutes = order.length * this.dwellMinutes;
    for (let k = 0; k + 1 < order.length; k++) minutes += legMinutes(this.d(order[k], order[k + 1]), this.speedKmh);
    return order.length ? minutes + legMinutes(this.toDestination[order[order.length - 1]], this.speedKmh) : 0;
  }

  private keyOf(sorted: readonly number[]): number | string {
    if (!this.numericKeys) return sorted.join(',');
    let key = 0;
    for (const p of sorted) key = key * this.radix + (p + 1);
    return key;
  }

  /** Held–Karp over subsets for the open path that ends at the destination (buffers reused between calls). */
  private exactOrder(pts: readonly number[]): number[] {
    const k = pts.length;
    const full = (1 << k) - 1;
    const size = (full + 1) * k;
    if (this.dpBest.length < size) {
      this.dpBest = new Float64Array(size);
      this.dpPrev = new Int8Array(size);
    }
    const best = this.dpBest;
    const prev = this.dpPrev;
    best.fill(Infinity, 0, size);
    const d = this.dpLegs;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) d[i * k + j] = this.d(pts[i], pts[j]);
    for (let j = 0; j < k; j++) {
      best[(1 << j) * k + j] = 0;
      prev[(1 << j) * k + j] = -1;
    }
    for (let set = 1; set <= full; set++) {
      for (let j = 0; j < k; j++) {
        if (!(set & (1 << j))) continue;
        const here = best[set * k + j];
        if (here === Infinity) continue;
        for (let n = 0; n < k; n++) {
          if (set & (1 << n)) continue;
          const at = (set | (1 << n)) * k + n;
          const cost = here + d[j * k + n];
          if (cost < best[at] - 1e-9) {
            best[at] = cost;
            prev[at] = j;
          }
        }
      }
    }
    let last = 0;
    let bestKm = Infinity;
    for (let j = 0; j < k; j++) {
      const km = best[full * k + j] + this.toDestination[pts[j]];
      if (km < bestKm - 1e-9) {
        bestKm = km;
        last = j;
      }
    }
    const order: number[] = [];
    for (let set = full, j = last; j >= 0; ) {
      order.push(pts[j]);
      const p = prev[set * k + j];
      set &= ~(1 << j);
      j = p;
    }
    return order.reverse();
  }

  /** Farthest from the destination first, then the nearest unvisited, then 2-opt on the open path. */
  private heuristicOrder(pts: readonly number[]): number[] {
    const left = [...pts];
    left.sort((a, b) => this.toDestination[b] - this.toDestination[a] || a - b);
    const order = [left.shift()!];
    while (left.length) {
      const at = order[order.length - 1];
      let bi = 0;
      for (let i = 1; i < left.length; i++) if (this.d(at, left[i]) < this.d(at, left[bi])) bi = i;
      order.push(left.splice(bi, 1)[0]);
    }
    for (let improved = true, rounds = 0; improved && rounds < 50; rounds++) {
      improved = false;
      const base = this.pathKm(order);
      for (let i = 0; i < order.length - 1 && !improved; i++) {
        for (let j = i + 1; j < order.length && !improved; j++) {
          const candidate = [...order.slice(0, i), ...order.slice(i, j + 1).reverse(), ...order.slice(j + 1)];
          if (this.pathKm(candidate) < base - 1e-9) {
            order.splice(0, order.length, ...candidate);
            improved = true;
          }
        }
      }
    }
    return order;
  }
}
