import { PoolState } from './pool-state.js';

/** Weight of one vehicle against kilometres: fewest vehicles first. */
const VEHICLE = 1e9;
const EPS = 1e-6;
/** A stop's moves look at the vehicles visiting this many of its nearest points (and its own). */
const NEAR = 8;

/**
 * Opens vehicles one by one: the seed is the earliest-dated, farthest riders still without a seat; the vehicle then
 * takes the riders whose pickup adds the least to its objective (a point it already visits adds nothing), each whole
 * if the seats allow, else as many households' worth as fill it (the rest of that point waits for another vehicle).
 * So every vehicle but the last leaves full unless its stops, ride time or dates run out. `rest` is what each item
 * still has to seat (all of it by default); with `noise` (uniform [0, 1)) the seed is one of the next three and each
 * insertion one of the three cheapest (60/25/15 %), for the large-neighbourhood search. Returns the vehicles opened.
 */
export function construct(state: PoolState, rest = state.items.map((it) => it.riders), noise?: () => number): number[] {
  const { items, table, rules } = state;
  const byPoint: number[][] = Array.from({ length: table.size }, () => []);
  items.forEach((it, i) => {
    if (rest[i] > 0) byPoint[it.point].push(i);
  });
  const seeds = items
    .map((_, i) => i)
    .filter((i) => rest[i] > 0)
    .sort((a, b) => items[a].day - items[b].day || table.toDestination[items[b].point] - table.toDestination[items[a].point] || a - b);
  const opened: number[] = [];
  const one = [0];
  let s = 0;
  for (;;) {
    while (s < seeds.length && rest[seeds[s]] === 0) s++;
    if (s === seeds.length) return opened;
    let pick = s;
    if (noise) {
      // Randomised rebuilds start from one of the next few seeds, not always the first.
      for (let k = s + 1, tries = Math.floor(noise() * 3); k < seeds.length && tries > 0; k++) if (rest[seeds[k]] > 0) (pick = k), tries--;
    }
    const v = state.addVehicle();
    opened.push(v);
    const seed = seeds[pick];
    const first = Math.min(rest[seed], rules.capacity);
    state.load(seed, v, first);
    rest[seed] -= first;
    const veh = state.vehicles[v];
    while (veh.load < rules.capacity) {
      // The cheapest candidates, cheapest first (three kept: a randomised rebuild sometimes takes the second or third).
      const top = [-1, -1, -1];
      const topCost = [Infinity, Infinity, Infinity];
      const seen = new Set<number>();
      for (const p of veh.pts) {
        for (const q of [p, ...table.neighbours[p]]) {
          if (seen.has(q)) continue;
          seen.add(q);
          for (const j of byPoint[q]) {
            if (rest[j] === 0) continue;
            one[0] = j;
            const value = state.value(veh.items, one);
            if (value === Infinity) continue;
            const cost = value - veh.objective;
            for (let r = 0; r < 3; r++) {
              if (cost < topCost[r] - EPS || (Math.abs(cost - topCost[r]) <= EPS && j < top[r])) {
                for (let m = 2; m > r; m--) (top[m] = top[m - 1]), (topCost[m] = topCost[m - 1]);
                top[r] = j;
                topCost[r] = cost;
                break;
              }
            }
          }
        }
      }
      let best = top[0];
      if (noise && best >= 0) {
        const u = noise();
        const rank = u < 0.6 ? 0 : u < 0.85 ? 1 : 2;
        if (top[rank] >= 0) best = top[rank];
      }
      if (best < 0) break;
      const take = Math.min(rest[best], rules.capacity - veh.load);
      state.load(best, v, take);
      rest[best] -= take;
    }
  }
}

/**
 * Tries to empty vehicles, least loaded first: each of its stops is offered to the vehicle that takes it most cheaply
 * (one already visiting the point costs nothing), the riders re-seated by augmenting paths; if they do not all fit,
 * each stop is offered to the second-cheapest vehicle too. Returns how many vehicles went.
 */
export function eliminate(state: PoolState, among?: readonly number[]): number {
  let removed = 0;
  const order = (among ?? state.vehicles.map((_, v) => v)).filter((v) => state.alive(v));
  order.sort((a, b) => state.vehicles[a].load - state.vehicles[b].load || a - b);
  for (const k of order) {
    if (!state.alive(k)) continue;
    state.begin();
    if (tryEmpty(state, k, 1) || (rollbackAnd(state) && tryEmpty(state, k, 2))) {
      state.commit();
      removed++;
    } else state.rollback();
  }
  return removed;
}

function rollbackAnd(state: PoolState): boolean {
  state.rollback();
  state.begin();
  return true;
}

function tryEmpty(state: PoolState, k: number, targets: number): boolean {
  const veh = state.vehicles[k];
  const stops = [...veh.pts];
  for (const p of stops) {
    const mine = veh.items.filter((i) => state.items[i].point === p);
    for (let t = 0; t < targets; t++) {
      let best = -1;
      let bestCost = Infinity;
      for (const l of candidates(state, p, k, mine)) {
        const other = state.vehicles[l];
        const add = mine.filter((i) => !other.items.includes(i));
        if (!add.length) continue;
        const value = state.value(other.items, add);
        if (value === Infinity) continue;
        const cost = value - other.objective;
        if (cost < bestCost - EPS) {
          best = l;
          bestCost = cost;
        }
      }
      if (best < 0) break;
      for (const i of mine) state.addEdge(i, best);
    }
  }
  for (const i of [...veh.items]) state.removeEdge(i, k);
  return state.repair();
}

/**
 * Alive vehicles other than `except` that visit p or one of its nearest points on dates that can share a vehicle
 * with `items`, in index order.
 */
function candidates(state: PoolState, p: number, except: number, items: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of items) {
    const day = state.items[i].day;
    if (day < lo) lo = day;
    if (day > hi) hi = day;
  }
  const span = state.rules.maxEarlyDays;
  const out: number[] = [];
  for (const q of [p, ...state.table.neighbours[p].slice(0, NEAR)]) {
    for (const v of state.pointVehicles[q]) {
      if (v === except || out.includes(v)) continue;
      const other = state.vehicles[v];
      if (Math.max(other.maxDay, hi) - Math.min(other.minDay, lo) <= span) out.push(v);
    }
  }
  return out.sort((a, b) => a - b);
}

/**
 * Local search on the vehicles' sets, first improvement, until no move gains or `maxPasses` ran out: drop a stop whose
 * riders other vehicles visiting the point can take; move a stop to another vehicle; swap two stops between vehicles.
 * A vehicle left empty counts as one vehicle fewer. Returns the number of moves made.
 */
export function improve(state: PoolState, maxPasses = 25, among?: readonly number[]): number {
  let moves = 0;
  const vehicles = among ?? state.vehicles.map((_, v) => v);
  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = 0;
    for (const k of vehicles) {
      if (!state.alive(k)) continue;
      for (const p of [...state.vehicles[k].pts]) {
        if (!state.alive(k)) break;
        if (!state.vehicles[k].pts.includes(p)) continue;
        if (dropStop(state, k, p) || moveStop(state, k, p)) moved++;
      }
    }
    moves += moved;
    if (!moved) break;
  }
  return moves;
}

function dropStop(state: PoolState, k: number, p: number): boolean {
  const veh = state.vehicles[k];
  const mine = veh.items.filter((i) => state.items[i].point === p);
  if (mine.some((i) => state.itemVehicles[i].length < 2)) return false;
  const value = state.value(veh.items, undefined, p);
  const gain = veh.objective - value + (mine.length === veh.items.length ? VEHICLE : 0);
  if (value === Infinity || gain <= EPS) return false;
  return attempt(state, () => {
    for (const i of mine) state.removeEdge(i, k);
  });
}

function moveStop(state: PoolState, k: number, p: number): boolean {
  const veh = state.vehicles[k];
  const mine = veh.items.filter((i) => state.items[i].point === p);
  const emptied = mine.length === veh.items.length;
  const restValue = state.value(veh.items, undefined, p);
  if (restValue === Infinity) return false;
  for (const l of candidates(state, p, k, mine)) {
    const other = state.vehicles[l];
    // Relocate: l takes the stop whole.
    const grown = state.value(other.items, mine);
    if (grown !== Infinity) {
      const gain = veh.objective + other.objective - restValue - grown + (emptied ? VEHICLE : 0);
      if (gain > EPS && attempt(state, () => {
        for (const i of mine) state.addEdge(i, l);
        for (const i of mine) state.removeEdge(i, k);
      })) return true;
    }
    // Swap: l gives one of its stops q (a point k does not visit) for p.
    if (other.pts.includes(p)) continue;
    for (const q of other.pts) {
      if (veh.pts.includes(q)) continue;
      const theirs = other.items.filter((i) => state.items[i].point === q);
      const kNew = state.value(veh.items, theirs, p);
      if (kNew === Infinity) continue;
      const lNew = state.value(other.items, mine, q);
      if (lNew === Infinity) continue;
      const gain = veh.objective + other.objective - kNew - lNew;
      if (gain > EPS && attempt(state, () => {
        for (const i of mine) state.addEdge(i, l);
        for (const i of theirs) state.addEdge(i, k);
        for (const i of mine) state.removeEdge(i, k);
        for (const i of theirs) state.removeEdge(i, l);
      })) return true;
    }
  }
  return false;
}

function attempt(state: PoolState, change: () => void): boolean {
  state.begin();
  change();
  if (state.repair()) {
    state.commit();
    return true;
  }
  state.rollback();
  return false;
}
