import type { GeoPoint } from '../search.port.js';
import type { NormalizedSort } from '../search.validation.js';
import { Bitmap } from './bitmap.js';
import type { EmbeddedIndex } from './embedded-index.js';
import type { GeoIndex } from './geo-index.js';
import type { SortField } from './sort-field.js';
import type { Partition } from './ranking.js';

export type SortKey =
  | { kind: 'field'; field: SortField; desc: boolean }
  | { kind: 'geo'; geo: GeoIndex; point: GeoPoint; desc: boolean; distance: (id: number) => number };

/**
 * Distances within this many metres of the first of a group are one group, which the next sort key orders
 * (Meilisearch's geo sort does the same: GPS and rounding errors make nearer distances meaningless).
 */
export const GEO_TIE_METRES = 1;
/** Below this many located candidates, distances are computed for all of them instead of walking the grid. */
const GEO_DIRECT = 1000;

/** Builds the lazily maintained orders the sort needs. */
export function sortKeys(index: EmbeddedIndex, specs: readonly NormalizedSort[]): SortKey[] {
  let ids: Uint32Array | undefined;
  return specs.map((spec): SortKey => {
    if ('geoPoint' in spec) {
      const geo = index.geo!;
      return { kind: 'geo', geo, point: spec.geoPoint, desc: spec.direction === 'desc', distance: geo.distanceFrom(spec.geoPoint) };
    }
    const field = index.sorts.get(spec.field)!;
    field.ensure(() => (ids ??= index.all.toUint32Array()), index.idLimit);
    return { kind: 'field', field, desc: spec.direction === 'desc' };
  });
}

/** The key's value per id (rank or metres), NaN when the document has none. */
function valuesOf(key: SortKey, ids: ArrayLike<number>): Float64Array {
  const values = new Float64Array(ids.length);
  if (key.kind === 'field') {
    const rank = key.field.rank;
    for (let i = 0; i < ids.length; i++) values[i] = rank[ids[i]] < 0 ? NaN : rank[ids[i]];
  } else {
    for (let i = 0; i < ids.length; i++) values[i] = key.geo.present.has(ids[i]) ? key.distance(ids[i]) : NaN;
  }
  return values;
}

/** Orders ids by the keys, yielding groups equal under every key; missing values last, ties by id. */
function* sortDirect(keys: readonly SortKey[], ids: ArrayLike<number>): Iterable<Bitmap> {
  if (keys.length === 0 || ids.length <= 1) {
    if (ids.length) yield ids instanceof Uint32Array ? Bitmap.from(ids) : Bitmap.from(Array.from(ids));
    return;
  }
  const [key, ...rest] = keys;
  const values = valuesOf(key, ids);
  const sign = key.desc ? -1 : 1;
  const order = Array.from({ length: ids.length }, (_, i) => i).sort((a, b) => {
    const x = values[a];
    const y = values[b];
    if (x !== y) {
      if (Number.isNaN(x)) return Number.isNaN(y) ? ids[a] - ids[b] : 1;
      if (Number.isNaN(y)) return -1;
      return (x - y) * sign;
    }
    return ids[a] - ids[b];
  });
  const tie = (first: number, other: number) =>
    Number.isNaN(first) || Number.isNaN(other)
      ? Number.isNaN(first) === Number.isNaN(other)
      : key.kind === 'geo'
        ? Math.abs(first - other) <= GEO_TIE_METRES
        : first === other;
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && tie(values[order[start]], values[order[i]])) continue;
    yield* sortDirect(rest, Uint32Array.from(order.slice(start, i), (k) => ids[k]));
    start = i;
  }
}

/** The geo key first: nearest (or farthest) located documents by walking the grid, then those without `_geo`. */
function* geoFirst(first: Extract<SortKey, { kind: 'geo' }>, rest: readonly SortKey[], bucket: Bitmap): Iterable<Bitmap> {
  const present = first.geo.present;
  const located = present.andCardinality(bucket);
  if (located <= GEO_DIRECT) {
    if (located > 0) yield* sortDirect([first, ...rest], Array.from(Bitmap.and(bucket, present).toUint32Array()));
  } else {
    for (const [ids] of first.geo.byDistance(first.point, bucket, first.desc, GEO_TIE_METRES)) yield* sortDirect(rest, ids);
  }
  if (located === bucket.size) return;
  const missing = Bitmap.andNot(bucket, present);
  yield* rest.length ? sortDirect(rest, Array.from(missing.toUint32Array())) : [missing];
}

/**
 * The `sort` ranking rule. A small bucket is sorted directly; a large one is read in the precomputed order of
 * the first key (or nearest first, for a geo key), keeping its members, until the page is full — so sorting
 * 200k documents costs a scan of the first page's worth, not a full sort. `window` is offset + limit of the query.
 */
export function sortPartition(keys: readonly SortKey[], window: number): Partition {
  return function* (bucket) {
    const [first, ...rest] = keys;
    if (first.kind === 'geo') {
      yield* geoFirst(first, rest, bucket);
      return;
    }
    const size = bucket.size;
    const total = first.field.order.length;
    if (size <= 1000 || (window * total) / size > size) {
      yield* sortDirect(keys, Array.from(bucket.toUint32Array()));
      return;
    }
    const order = first.field.order;
    const rank = first.field.rank;
    let group: number[] = [];
    let groupRank = -1;
    for (let i = 0; i < order.length; i++) {
      const id = order[first.desc ? order.length - 1 - i : i];
      if (!bucket.has(id)) continue;
      if (rank[id] !== groupRank) {
        if (group.length) yield* sortDirect(rest, group);
        group = [];
        groupRank = rank[id];
      }
      group.push(id);
    }
    if (group.length) yield* sortDirect(rest, group);
    const missing = Bitmap.andNot(bucket, first.field.present);
    if (!missing.isEmpty) yield* rest.length ? sortDirect(rest, Array.from(missing.toUint32Array())) : [missing];
  };
}
