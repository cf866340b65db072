import { Bitmap } from './bitmap.js';
import type { EmbeddedIndex } from './embedded-index.js';
import type { SortField } from './sort-field.js';
import type { Partition } from './ranking.js';

export interface SortKey {
  field: SortField;
  desc: boolean;
}

/** Builds the lazily maintained orders the sort needs. */
export function sortKeys(index: EmbeddedIndex, specs: ReadonlyArray<{ field: string; direction: 'asc' | 'desc' }>): SortKey[] {
  let ids: Uint32Array | undefined;
  return specs.map((spec) => {
    const field = index.sorts.get(spec.field)!;
    field.ensure(() => (ids ??= index.all.toUint32Array()), index.docOf, index.docs.length);
    return { field, desc: spec.direction === 'desc' };
  });
}

/** Compares two ids by the keys; documents without a value go last in both directions. */
function compare(keys: readonly SortKey[], a: number, b: number): number {
  for (const { field, desc } of keys) {
    const ra = field.rank[a];
    const rb = field.rank[b];
    if (ra === rb) continue;
    if (ra < 0) return 1;
    if (rb < 0) return -1;
    return desc ? rb - ra : ra - rb;
  }
  return 0;
}

/** Splits sorted ids into groups equal under every key. */
function* groups(keys: readonly SortKey[], sorted: readonly number[]): Iterable<Bitmap> {
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || compare(keys, sorted[start], sorted[i]) !== 0) {
      yield Bitmap.from(sorted.slice(start, i));
      start = i;
    }
  }
}

function sortDirect(keys: readonly SortKey[], bucket: Bitmap): Iterable<Bitmap> {
  const ids = Array.from(bucket.toUint32Array());
  ids.sort((a, b) => compare(keys, a, b) || a - b);
  return groups(keys, ids);
}

/**
 * The `sort` ranking rule. A small bucket is sorted directly; a large one is read in the precomputed order of
 * the first key, keeping its members, until the page is full — so sorting 200k documents costs a scan of the
 * first page's worth, not a full sort. `window` is offset + limit of the query.
 */
export function sortPartition(keys: readonly SortKey[], window: number): Partition {
  return function* (bucket) {
    const [first, ...rest] = keys;
    const size = bucket.size;
    const total = first.field.order.length;
    if (size <= 1000 || (window * total) / size > size) {
      yield* sortDirect(keys, bucket);
      return;
    }
    const order = first.field.order;
    const rank = first.field.rank;
    let group: number[] = [];
    let groupRank = -1;
    const flush = function* (): Iterable<Bitmap> {
      if (group.length === 0) return;
      if (rest.length && group.length > 1) yield* sortDirect(rest, Bitmap.from(group));
      else yield Bitmap.from(group);
      group = [];
    };
    for (let i = 0; i < order.length; i++) {
      const id = order[first.desc ? order.length - 1 - i : i];
      if (!bucket.has(id)) continue;
      if (rank[id] !== groupRank) {
        yield* flush();
        groupRank = rank[id];
      }
      group.push(id);
    }
    yield* flush();
    const missing = Bitmap.andNot(bucket, first.field.present);
    if (!missing.isEmpty) yield* rest.length ? sortDirect(rest, missing) : [missing];
  };
}
