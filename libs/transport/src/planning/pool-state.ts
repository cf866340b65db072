import type { PoolItem, PoolRules, PoolVehicle } from './pool-types.js';
import type { RouteTable } from './route-table.js';

export type { PoolItem, PoolRules, PoolVehicle } from './pool-types.js';

const NONE: readonly number[] = [];

interface Saved {
  length: number;
  vehicles: Map<number, PoolVehicle>;
  itemVehicles: Map<number, number[]>;
}

type LogEntry = [kind: 0 | 1 | 2, vehicle: number, item: number, value: number]; // 0 amount change, 1 add, 2 remove at

/**
 * The shared vehicles of one destination as sets of items, with how many riders of each item each vehicle carries (a
 * flow: every item's riders all carried, no vehicle over capacity). A move changes sets, then `repair` re-routes the
 * riders that lost their seat along augmenting paths (item → vehicle with room, or item → vehicle → another of that
 * vehicle's items pushed to one of its other vehicles …). Every change is logged so that a refused move rolls back.
 */
export class PoolState {
  readonly vehicles: PoolVehicle[] = [];
  /** Vehicles carrying (or allowed to carry) each item. */
  readonly itemVehicles: number[][];
  /** Vehicles visiting each local point. */
  readonly pointVehicles: Array<Set<number>>;
  private readonly deficit: Int32Array;
  private readonly inDeficit: number[] = [];
  private log: LogEntry[] = [];
  private readonly touched = new Set<number>();
  private stamp = 0;
  private saved: Saved | undefined;
  private readonly pointBuffer: number[] = [];
  private readonly itemSeen: Int32Array;
  private readonly itemParent: Int32Array;
  private vehicleSeen = new Int32Array(16);
  private vehicleParent = new Int32Array(16);

  constructor(readonly items: readonly PoolItem[], readonly table: RouteTable, readonly rules: PoolRules) {
    this.itemVehicles = items.map(() => []);
    this.pointVehicles = Array.from({ length: table.size }, () => new Set<number>());
    this.deficit = new Int32Array(items.length);
    this.itemSeen = new Int32Array(items.length);
    this.itemParent = new Int32Array(items.length);
  }

  /**
   * The objective of one vehicle carrying `base` plus `extra` less the items at point `without` — Infinity when that
   * set is not an allowed load (too many stops, dates too far apart, ride too long). Allocates nothing.
   */
  value(base: readonly number[], extra: readonly number[] = NONE, without = -1): number {
    const pts = this.pointBuffer;
    let n = 0;
    let minDay = Infinity;
    let maxDay = -Infinity;
    let count = 0;
    let daySum = 0;
    for (let pass = 0; pass < 2; pass++) {
      const list = pass ? extra : base;
      for (let k = 0; k < list.length; k++) {
        const i = list[k];
        if (pass && base.includes(i)) continue;
        const it = this.items[i];
        if (it.point === without) continue;
        let seen = false;
        for (let q = 0; q < n; q++) if (pts[q] === it.point) seen = true;
        if (!seen) {
          if (n === this.rules.maxStops) return Infinity;
          pts[n++] = it.point;
        }
        if (it.day < minDay) minDay = it.day;
        if (it.day > maxDay) maxDay = it.day;
        count++;
        daySum += it.day;
      }
    }
    if (!n) return 0;
    if (maxDay - minDay > this.rules.maxEarlyDays) return Infinity;
    const route = this.table.routeOfBuffer(pts, n);
    if (route.minutes > this.rules.maxMinutes) return Infinity;
    return route.km + this.rules.earlyKm * (daySum - count * minDay);
  }

  /** An empty vehicle: a slot left empty by an earlier change, else a new one. Never inside a logged move. */
  addVehicle(): number {
    for (let v = 0; v < this.vehicles.length; v++) if (!this.vehicles[v].items.length) return v;
    const v = this.vehicles.length;
    this.vehicles.push({ items: [], amt: [], load: 0, pts: [], minDay: 0, maxDay: 0, km: 0, objective: 0 });
    if (v >= this.vehicleSeen.length) {
      const seen = new Int32Array(this.vehicleSeen.length * 2);
      seen.set(this.vehicleSeen);
      this.vehicleSeen = seen;
      this.vehicleParent = new Int32Array(this.vehicleSeen.length);
    }
    return v;
  }

  alive(v: number): boolean {
    return this.vehicles[v].items.length > 0;
  }

  amountOf(v: number, item: number): number {
    const veh = this.vehicles[v];
    const k = veh.items.indexOf(item);
    return k < 0 ? 0 : veh.amt[k];
  }

  /** Lets vehicle v carry item (0 riders for now). */
  addEdge(item: number, v: number): void {
    const veh = this.vehicles[v];
    if (veh.items.includes(item)) return;
    this.saveVehicle(v);
    this.saveItem(item);
    veh.items.push(item);
    veh.amt.push(0);
    this.itemVehicles[item].push(v);
    this.log.push([1, v, item, 0]);
    this.refresh(v);
  }

  /** Takes item off vehicle v; its riders there wait for `repair`. */
  removeEdge(item: number, v: number): void {
    const veh = this.vehicles[v];
    const k = veh.items.indexOf(item);
    if (k < 0) return;
    this.saveVehicle(v);
    this.saveItem(item);
    const a = veh.amt[k];
    if (a) {
      this.changeAmount(v, k, -a);
      this.addDeficit(item, a);
    }
    veh.items.splice(k, 1);
    veh.amt.splice(k, 1);
    const list = this.itemVehicles[item];
    list.splice(list.indexOf(v), 1);
    this.log.push([2, v, item, k]);
    this.refresh(v);
  }

  /** Puts `riders` of item on vehicle v directly (construction). */
  load(item: number, v: number, riders: number): void {
    this.addEdge(item, v);
    this.changeAmount(v, this.vehicles[v].items.indexOf(item), riders);
  }

  /** Seats every rider left without one by the last removals; false when some cannot be seated. */
  repair(): boolean {
    while (this.inDeficit.length) {
      const item = this.inDeficit[this.inDeficit.length - 1];
      while (this.deficit[item] > 0) if (!this.augment(item)) return false;
      this.inDeficit.pop();
    }
    return true;
  }

  /** Empties vehicle v outside any move (the large-neighbourhood search): returns the riders it carried per item. */
  unload(v: number): Array<[item: number, riders: number]> {
    this.saveVehicle(v);
    const veh = this.vehicles[v];
    const out: Array<[number, number]> = veh.items.map((i, k) => [i, veh.amt[k]]);
    for (const i of veh.items) {
      this.saveItem(i);
      const list = this.itemVehicles[i];
      list.splice(list.indexOf(v), 1);
    }
    veh.items = [];
    veh.amt = [];
    veh.load = 0;
    this.refresh(v);
    this.touched.clear();
    return out;
  }

  /**
   * Starts keeping the first state of every vehicle and item list changed from now on, so that restore() can put
   * them back: a snapshot whose cost is what changed, not the size of the pool.
   */
  snapshot(): void {
    this.saved = { length: this.vehicles.length, vehicles: new Map(), itemVehicles: new Map() };
  }

  /** Puts back what changed since snapshot(). */
  restore(): void {
    const saved = this.saved;
    if (!saved) return;
    this.saved = undefined;
    for (const [v, copy] of saved.vehicles) {
      if (v >= saved.length) continue;
      for (const p of this.vehicles[v].pts) this.pointVehicles[p].delete(v);
      this.vehicles[v] = copy;
      for (const p of copy.pts) this.pointVehicles[p].add(v);
    }
    for (let v = saved.length; v < this.vehicles.length; v++) for (const p of this.vehicles[v].pts) this.pointVehicles[p].delete(v);
    this.vehicles.length = saved.length;
    for (const [i, list] of saved.itemVehicles) this.itemVehicles[i] = list;
  }

  /** Stops keeping copies: what changed since snapshot() stays. */
  keep(): void {
    this.saved = undefined;
  }

  private saveVehicle(v: number): void {
    const saved = this.saved;
    if (!saved || saved.vehicles.has(v) || v >= saved.length) return;
    const veh = this.vehicles[v];
    saved.vehicles.set(v, { ...veh, items: [...veh.items], amt: [...veh.amt], pts: [...veh.pts] });
  }

  private saveItem(i: number): void {
    const saved = this.saved;
    if (saved && !saved.itemVehicles.has(i)) saved.itemVehicles.set(i, [...this.itemVehicles[i]]);
  }

  /** Vehicles in use and the sum of their objectives: what the search compares, vehicles first. */
  score(): { vehicles: number; objective: number } {
    let vehicles = 0;
    let objective = 0;
    for (const v of this.vehicles) {
      if (!v.items.length) continue;
      vehicles++;
      objective += v.objective;
    }
    return { vehicles, objective };
  }

  /** Starts a move: everything until commit() or rollback() is logged. */
  begin(): void {
    this.log = [];
    this.touched.clear();
  }

  commit(): void {
    this.log = [];
    this.touched.clear();
  }

  rollback(): void {
    for (let e = this.log.length - 1; e >= 0; e--) {
      const [kind, v, item, value] = this.log[e];
      const veh = this.vehicles[v];
      if (kind === 0) {
        const k = veh.items.indexOf(item);
        veh.amt[k] -= value;
        veh.load -= value;
      } else if (kind === 1) {
        const k = veh.items.indexOf(item);
        veh.items.splice(k, 1);
        veh.amt.splice(k, 1);
        const list = this.itemVehicles[item];
        list.splice(list.indexOf(v), 1);
      } else {
        veh.items.splice(value, 0, item);
        veh.amt.splice(value, 0, 0);
        this.itemVehicles[item].push(v);
      }
      this.touched.add(v);
    }
    for (const item of this.inDeficit) this.deficit[item] = 0;
    this.inDeficit.length = 0;
    this.log = [];
    for (const v of this.touched) this.refresh(v);
    this.touched.clear();
  }

  private changeAmount(v: number, k: number, delta: number): void {
    this.saveVehicle(v);
    const veh = this.vehicles[v];
    veh.amt[k] += delta;
    veh.load += delta;
    this.log.push([0, v, veh.items[k], delta]);
  }

  private addDeficit(item: number, riders: number): void {
    if (!this.deficit[item]) this.inDeficit.push(item);
    this.deficit[item] += riders;
  }

  /** One augmenting path from `source` to a vehicle with a free seat (breadth first); false when none is left. */
  private augment(source: number): boolean {
    const stamp = ++this.stamp;
    const cap = this.rules.capacity;
    const queue = [source];
    this.itemSeen[source] = stamp;
    let found = -1;
    search: for (let q = 0; q < queue.length; q++) {
      const x = queue[q];
      for (const v of this.itemVehicles[x]) {
        if (this.vehicleSeen[v] === stamp) continue;
        this.vehicleSeen[v] = stamp;
        this.vehicleParent[v] = x;
        const veh = this.vehicles[v];
        if (veh.load < cap) {
          found = v;
          break search;
        }
        for (let k = 0; k < veh.items.length; k++) {
          const y = veh.items[k];
          if (veh.amt[k] > 0 && this.itemSeen[y] !== stamp) {
            this.itemSeen[y] = stamp;
            this.itemParent[y] = v;
            queue.push(y);
          }
        }
      }
    }
    if (found < 0) return false;
    let delta = Math.min(this.deficit[source], cap - this.vehicles[found].load);
    for (let v = found, x = this.vehicleParent[v]; x !== source; ) {
      const u = this.itemParent[x];
      delta = Math.min(delta, this.amountOf(u, x));
      v = u;
      x = this.vehicleParent[u];
    }
    for (let v = found, x = this.vehicleParent[v]; ; ) {
      this.changeAmount(v, this.vehicles[v].items.indexOf(x), delta);
      if (x === source) break;
      const u = this.itemParent[x];
      this.changeAmount(u, this.vehicles[u].items.indexOf(x), -delta);
      v = u;
      x = this.vehicleParent[u];
    }
    this.deficit[source] -= delta;
    return true;
  }

  /** Recomputes a vehicle's points, dates, km and objective after its set changed. */
  private refresh(v: number): void {
    this.touched.add(v);
    const veh = this.vehicles[v];
    for (const p of veh.pts) this.pointVehicles[p].delete(v);
    veh.pts = [];
    veh.minDay = Infinity;
    veh.maxDay = -Infinity;
    for (const i of veh.items) {
      const it = this.items[i];
      if (!veh.pts.includes(it.point)) veh.pts.push(it.point);
      if (it.day < veh.minDay) veh.minDay = it.day;
      if (it.day > veh.maxDay) veh.maxDay = it.day;
    }
    for (const p of veh.pts) this.pointVehicles[p].add(v);
    if (!veh.items.length) {
      veh.km = 0;
      veh.objective = 0;
      return;
    }
    veh.km = this.table.route(veh.pts).km;
    veh.objective = this.value(veh.items);
  }
}
