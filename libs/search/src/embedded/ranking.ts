/**
 * Bucket sort, as Meilisearch ranks: each ranking rule splits a bucket of candidates into ordered sub-buckets
 * (bitmap operations), the next rule splits those, and only the buckets that reach the requested page are
 * split at all. Documents equal under every rule keep insertion (internal id) order.
 */
import { Bitmap, andAll } from './bitmap.js';
import type { TermMatch } from './query-matcher.js';

/** Splits a bucket into disjoint, ordered sub-buckets covering it. May be lazy. */
export type Partition = (bucket: Bitmap) => Iterable<Bitmap>;

/** The internal ids of the page [offset, offset + limit) of `candidates` ordered by the partitions. */
export function rankPage(candidates: Bitmap, partitions: readonly Partition[], offset: number, limit: number): number[] {
  const state = { skip: offset, need: limit, out: [] as number[] };
  collect(candidates, partitions, 0, state);
  return state.out;
}

function collect(bucket: Bitmap, partitions: readonly Partition[], rule: number, state: { skip: number; need: number; out: number[] }): void {
  if (state.need <= 0 || bucket.isEmpty) return;
  const size = bucket.size;
  if (size <= state.skip) {
    state.skip -= size;
    return;
  }
  if (rule === partitions.length || size === 1) {
    const ids = bucket.toUint32Array(state.skip + state.need);
    for (let i = state.skip; i < ids.length; i++) state.out.push(ids[i]);
    state.need -= ids.length - state.skip;
    state.skip = 0;
    return;
  }
  for (const part of partitions[rule](bucket)) {
    collect(part, partitions, rule + 1, state);
    if (state.need <= 0) break;
  }
}

/** `matchingStrategy: 'last'`: documents matching more of the query (terms dropped from the end) come first. */
export function wordsPartition(matches: readonly TermMatch[]): Partition {
  return function* (bucket) {
    let rest = bucket;
    for (let n = matches.length; n >= 1 && !rest.isEmpty; n--) {
      const layer = Bitmap.and(rest, andAll(matches.slice(0, n).map((m) => m.any)));
      if (!layer.isEmpty) yield layer;
      rest = Bitmap.andNot(rest, layer);
    }
    if (!rest.isEmpty) yield rest;
  };
}

/** Per term, the best (lowest) attribute it matches in, as disjoint bitmaps within the bucket; index A = no match. */
function bestAttribute(bucket: Bitmap, match: TermMatch): Bitmap[] {
  const parts: Bitmap[] = [];
  let rest = bucket;
  for (const postings of match.perAttr) {
    const part = Bitmap.and(rest, postings);
    parts.push(part);
    if (!part.isEmpty) rest = Bitmap.andNot(rest, part);
  }
  parts.push(rest);
  return parts;
}

/**
 * Splits a bucket by the sum over the terms of a per-term score: `partsOf(term)` gives disjoint bitmaps covering
 * the bucket, index = score. Only the first terms count when there are many (bounded bitmap operations).
 */
function bySum(bucket: Bitmap, terms: readonly TermMatch[], width: number, partsOf: (match: TermMatch) => Bitmap[]): Bitmap[] {
  let k = terms.length;
  while (k > 1 && k * width * (k * (width - 1) + 1) > 600) k--;
  let layers = new Map<number, Bitmap>([[0, bucket]]);
  for (const match of terms.slice(0, k)) {
    const parts = partsOf(match);
    const next = new Map<number, Bitmap[]>();
    for (const [score, layer] of layers) {
      parts.forEach((part, value) => {
        if (part.isEmpty) return;
        const cell = Bitmap.and(layer, part);
        if (cell.isEmpty) return;
        const list = next.get(score + value) ?? [];
        list.push(cell);
        next.set(score + value, list);
      });
    }
    layers = new Map([...next].map(([score, list]) => [score, list.length === 1 ? list[0] : Bitmap.orMany(list)]));
  }
  return [...layers.entries()].sort((a, b) => a[0] - b[0]).map(([, layer]) => layer);
}

/** Orders by the sum over the terms of the best attribute each term matches in (title before description). */
export function attributePartition(matches: readonly TermMatch[]): Partition {
  return (bucket) => {
    const attrs = matches[0].perAttr.length;
    if (attrs <= 1) return [bucket];
    return bySum(bucket, matches, attrs + 1, (match) => bestAttribute(bucket, match));
  };
}

/**
 * The `typo` rule: fewer typos first, summed over the terms (a term matching without typo, or not at all,
 * counts 0). Undefined when no term matched with typos.
 */
export function typoPartition(matches: readonly TermMatch[]): Partition | undefined {
  const typoTerms = matches.filter((m) => m.byTypos.length > 0);
  if (typoTerms.length === 0) return undefined;
  return (bucket) =>
    bySum(bucket, typoTerms, 3, (match) => {
      const parts: Bitmap[] = [];
      let rest = bucket;
      for (const level of match.byTypos) {
        const part = Bitmap.and(rest, level);
        parts.push(part);
        if (!part.isEmpty) rest = Bitmap.andNot(rest, part);
      }
      parts[0] = parts[0].isEmpty ? rest : rest.isEmpty ? parts[0] : Bitmap.or(parts[0], rest);
      return parts;
    });
}

/** Documents where every term is a whole word (not only a sub-word, prefix or pinyin) come first. */
export function exactnessPartition(matches: readonly TermMatch[]): Partition {
  let exactAll: Bitmap | undefined;
  return (bucket) => {
    exactAll ??= andAll(matches.map((m) => m.exact));
    const exact = Bitmap.and(bucket, exactAll);
    if (exact.isEmpty || exact.size === bucket.size) return [bucket];
    return [exact, Bitmap.andNot(bucket, exact)];
  };
}
