import { Bitmap } from './bitmap.js';

/** Changes collected for one write batch: key → internal ids. */
export class PostingBatch<K = string> {
  readonly entries = new Map<K, number[]>();

  add(key: K, id: number): void {
    const ids = this.entries.get(key);
    if (ids) ids.push(id);
    else this.entries.set(key, [id]);
  }
}

/**
 * Key → bitmap of internal ids. Writes come in batches so that each bitmap is touched once per batch
 * (one native call instead of one per document).
 */
export class PostingMap<K = string> {
  private readonly map = new Map<K, Bitmap>();

  get(key: K): Bitmap | undefined {
    return this.map.get(key);
  }

  get size(): number {
    return this.map.size;
  }

  entries(): IterableIterator<[K, Bitmap]> {
    return this.map.entries();
  }

  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  /** Adds the batch; returns whether a new key appeared (each new key is passed to `onNew`). */
  addBatch(batch: PostingBatch<K>, onNew?: (key: K) => void): boolean {
    let created = false;
    for (const [key, ids] of batch.entries) {
      let bitmap = this.map.get(key);
      if (!bitmap) {
        bitmap = new Bitmap();
        this.map.set(key, bitmap);
        created = true;
        onNew?.(key);
      }
      if (ids.length === 1) bitmap.add(ids[0]);
      else bitmap.addMany(Uint32Array.from(ids));
    }
    return created;
  }

  /** Removes the batch; returns whether a key disappeared (its bitmap became empty; passed to `onGone`). */
  removeBatch(batch: PostingBatch<K>, onGone?: (key: K) => void): boolean {
    let dropped = false;
    for (const [key, ids] of batch.entries) {
      const bitmap = this.map.get(key);
      if (!bitmap) continue;
      if (ids.length === 1) bitmap.remove(ids[0]);
      else bitmap.removeMany(Uint32Array.from(ids));
      if (bitmap.isEmpty) {
        this.map.delete(key);
        dropped = true;
        onGone?.(key);
      }
    }
    return dropped;
  }

  clear(): void {
    this.map.clear();
  }
}
