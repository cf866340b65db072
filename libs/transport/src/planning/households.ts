/**
 * Riders who must sit in the same vehicle: one household (riders with the same householdId, destination, start date
 * and pickup point), or a rider without a household alone. Villages are kept together where the seats allow.
 */
export interface BoardingUnit {
  /** The household id, or the rider id of a lone rider: the unit's stable name for ordering. */
  key: string;
  village: string;
  riderIds: string[];
  size: number;
}

export interface Packing {
  /** Units per bin, in the order of the quotas given. */
  bins: BoardingUnit[][];
  /** Units that fit no bin. */
  left: BoardingUnit[];
}

/**
 * Puts units into bins of the given seat quotas, never splitting a unit and keeping each village in one bin where one
 * can take it. Villages go whole first (largest first, each into the bin it fits most tightly); the villages that fit
 * no bin whole are then split by household, largest household first, each into the bin with the most room (so a split
 * village's households gather in few bins, and the small households left for last close the gaps exactly). When that
 * leaves someone out, households alone are packed best-fit decreasing (villages only ordering them) and the packing
 * that leaves fewer riders out is kept. Pure and deterministic: the result depends on the units' keys and villages,
 * not on their order.
 */
export function packUnits(units: readonly BoardingUnit[], quotas: readonly number[]): Packing {
  const byVillages = villagesFirst(units, quotas);
  if (!byVillages.left.length) return byVillages;
  const byHouseholds = householdsBestFit(units, quotas);
  return ridersIn(byHouseholds.left) < ridersIn(byVillages.left) ? byHouseholds : byVillages;
}

function villagesFirst(units: readonly BoardingUnit[], quotas: readonly number[]): Packing {
  const room = [...quotas];
  const bins: BoardingUnit[][] = quotas.map(() => []);
  const split: BoardingUnit[] = [];
  for (const village of byVillage(units)) {
    let best = -1;
    for (let b = 0; b < room.length; b++) if (room[b] >= village.size && (best < 0 || room[b] < room[best])) best = b;
    if (best < 0) {
      split.push(...village.units);
      continue;
    }
    bins[best].push(...village.units);
    room[best] -= village.size;
  }
  split.sort((a, b) => b.size - a.size || cmp(a.village, b.village) || cmp(a.key, b.key));
  const left: BoardingUnit[] = [];
  for (const unit of split) {
    let best = -1;
    for (let b = 0; b < room.length; b++) if (room[b] >= unit.size && (best < 0 || room[b] > room[best])) best = b;
    if (best < 0) left.push(unit);
    else {
      bins[best].push(unit);
      room[best] -= unit.size;
    }
  }
  return { bins, left };
}

function householdsBestFit(units: readonly BoardingUnit[], quotas: readonly number[]): Packing {
  const room = [...quotas];
  const bins: BoardingUnit[][] = quotas.map(() => []);
  const left: BoardingUnit[] = [];
  const sorted = [...units].sort((a, b) => b.size - a.size || cmp(a.village, b.village) || cmp(a.key, b.key));
  for (const unit of sorted) {
    let best = -1;
    for (let b = 0; b < room.length; b++) if (room[b] >= unit.size && (best < 0 || room[b] < room[best])) best = b;
    if (best < 0) left.push(unit);
    else {
      bins[best].push(unit);
      room[best] -= unit.size;
    }
  }
  return { bins, left };
}

export function ridersIn(units: readonly BoardingUnit[]): number {
  let n = 0;
  for (const u of units) n += u.size;
  return n;
}

/** Units grouped by village, largest village first (then by name); units within a village by key. */
function byVillage(units: readonly BoardingUnit[]): Array<{ size: number; units: BoardingUnit[] }> {
  const map = new Map<string, BoardingUnit[]>();
  for (const u of units) {
    const list = map.get(u.village);
    if (list) list.push(u);
    else map.set(u.village, [u]);
  }
  const out = [...map.entries()].map(([village, list]) => ({
    village,
    size: ridersIn(list),
    units: list.sort((a, b) => cmp(a.key, b.key)),
  }));
  out.sort((a, b) => b.size - a.size || cmp(a.village, b.village));
  return out;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
