import type { PoolState } from './pool-state.js';
import { construct, eliminate, improve } from './pool-search.js';

const EPS = 1e-6;
const NEAR = 8;

/** mulberry32: the search's only source of chance, seeded from the pool, so the plan stays deterministic. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Large-neighbourhood search: up to `iterations` times (and until `patience` iterations in a row gain nothing), empty a vehicle and one to three vehicles related to it (visiting
 * the same or nearby points, on dates they could share), seat their riders again by a randomised construction, try
 * to empty the new vehicles into the others, improve them locally, and keep the result if it uses fewer vehicles, or
 * as many and no more objective (else restore). This is what finds the partitions that single moves cannot reach —
 * eight points with a ride-time limit that only two particular sets of four satisfy.
 */
export function largeNeighbourhoodSearch(state: PoolState, iterations: number, patience: number, seed: number): number {
  const random = seededRandom(seed);
  let best = state.score();
  let accepted = 0;
  for (let it = 0, last = 0; it < iterations && it - last < patience; it++) {
    // Start from a vehicle with seats or stops to spare: a full vehicle straight from one point has nothing to give.
    const open: number[] = [];
    state.vehicles.forEach((v, k) => v.items.length && (v.load < state.rules.capacity || v.pts.length > 1) && open.push(k));
    if (!open.length) break;
    const first = open[Math.floor(random() * open.length)];
    const related = relatedTo(state, first);
    if (!related.length) continue;
    const destroy = [first];
    const count = 1 + Math.floor(random() * Math.min(3, related.length));
    for (let k = 0; k < count; k++) {
      // Mostly the closest, sometimes one further down the list.
      const pick = Math.min(related.length - 1, Math.floor(random() * random() * related.length));
      destroy.push(related.splice(pick, 1)[0]);
    }
    state.snapshot();
    const rest = new Array<number>(state.items.length).fill(0);
    for (const v of destroy) for (const [i, riders] of state.unload(v)) rest[i] += riders;
    const opened = construct(state, rest, random);
    eliminate(state, opened);
    improve(state, 4, opened);
    const score = state.score();
    if (score.vehicles < best.vehicles || (score.vehicles === best.vehicles && score.objective <= best.objective + EPS)) {
      if (score.vehicles < best.vehicles || score.objective < best.objective - EPS) {
        accepted++;
        last = it;
      }
      best = score;
      state.keep();
    } else state.restore();
  }
  return accepted;
}

/** Vehicles other than v that visit v's points or their nearest neighbours on dates v could share, nearest first. */
function relatedTo(state: PoolState, v: number): number[] {
  const veh = state.vehicles[v];
  const out: number[] = [];
  const seen = new Set<number>([v]);
  for (let rank = 0; rank <= NEAR; rank++) {
    for (const p of veh.pts) {
      const q = rank === 0 ? p : state.table.neighbours[p][rank - 1];
      if (q === undefined) continue;
      for (const u of state.pointVehicles[q]) {
        if (seen.has(u)) continue;
        seen.add(u);
        const other = state.vehicles[u];
        if (Math.max(other.maxDay, veh.maxDay) - Math.min(other.minDay, veh.minDay) <= state.rules.maxEarlyDays) out.push(u);
      }
    }
  }
  return out;
}
