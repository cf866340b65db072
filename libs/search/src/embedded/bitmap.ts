import roaring from 'roaring';
import type { RoaringBitmap32 } from 'roaring';

/** Compressed set of internal document ids (uint32). */
export type Bitmap = RoaringBitmap32;
export const Bitmap = roaring.RoaringBitmap32;

const EMPTY = new roaring.RoaringBitmap32().freeze();

/** A shared, frozen empty bitmap (never mutate it). */
export function empty(): Bitmap {
  return EMPTY;
}

/** Intersection of all, smallest first; empty when the list is empty. */
export function andAll(list: readonly Bitmap[]): Bitmap {
  if (list.length === 0) return EMPTY;
  if (list.length === 1) return list[0];
  const sorted = [...list].sort((a, b) => a.size - b.size);
  let acc = Bitmap.and(sorted[0], sorted[1]);
  for (let i = 2; i < sorted.length && !acc.isEmpty; i++) acc.andInPlace(sorted[i]);
  return acc;
}

/** Union of all (the inputs are never modified). */
export function orAll(list: readonly Bitmap[]): Bitmap {
  const nonEmpty = list.filter((b) => !b.isEmpty);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0];
  return Bitmap.orMany(nonEmpty);
}
