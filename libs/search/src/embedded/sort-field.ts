import type { SearchDocument } from '../search.port.js';
import { getPath } from '../search.validation.js';
import { Bitmap } from './bitmap.js';

/**
 * Order of one sortable attribute: numbers first, then strings; ties share a rank. Values are recorded as
 * documents are indexed; the order is built lazily on the first sorted query, and later writes only mark their
 * ids, which the next sorted query merges into the previous order in one linear pass instead of sorting again.
 */
export class SortField {
  /** Ids having a value, ascending by value then id. */
  order: Uint32Array = new Uint32Array(0);
  /** Rank by id; -1 when the document has no sortable value. */
  rank: Int32Array = new Int32Array(0);
  readonly present = new Bitmap();
  private built = false;
  private readonly pending = new Set<number>();
  /** 0: no value, 1: number, 2: string. */
  private kind = new Uint8Array(0);
  private numbers = new Float64Array(0);
  private strings: string[] = [];

  constructor(readonly field: string) {}

  /** Records the value of a document being indexed (undefined: being removed). */
  update(id: number, doc: SearchDocument | undefined): void {
    this.grow(id + 1);
    const value = doc === undefined ? undefined : getPath(doc, this.field);
    if (typeof value === 'number' && Number.isFinite(value)) {
      this.kind[id] = 1;
      this.numbers[id] = value;
    } else if (typeof value === 'string') {
      this.kind[id] = 2;
      this.strings[id] = value;
    } else {
      this.kind[id] = 0;
    }
    if (this.built) this.pending.add(id);
  }

  private grow(size: number): void {
    if (this.kind.length >= size) return;
    const capacity = Math.max(size, Math.ceil(this.kind.length * 1.5), 1024);
    const kind = new Uint8Array(capacity);
    kind.set(this.kind);
    const numbers = new Float64Array(capacity);
    numbers.set(this.numbers);
    this.kind = kind;
    this.numbers = numbers;
  }

  private readonly compare = (a: number, b: number): number => {
    const ka = this.kind[a];
    const kb = this.kind[b];
    if (ka !== kb) return ka - kb;
    if (ka === 1) return this.numbers[a] - this.numbers[b] || a - b;
    const sa = this.strings[a];
    const sb = this.strings[b];
    return sa < sb ? -1 : sa > sb ? 1 : a - b;
  };

  /**
   * Ids with a value, in order. Numbers with few distinct values (dates, wages, scores) are bucketed by value in
   * one pass over the ascending ids (ties stay in id order); otherwise a comparison sort (2M ids: ~0.7 s).
   */
  private fullOrder(ids: Uint32Array): Uint32Array {
    const numbers: number[] = [];
    const strings: number[] = [];
    for (const id of ids) {
      if (this.kind[id] === 1) numbers.push(id);
      else if (this.kind[id] === 2) strings.push(id);
    }
    const counts = new Map<number, number>();
    for (const id of numbers) {
      const value = this.numbers[id];
      counts.set(value, (counts.get(value) ?? 0) + 1);
      if (counts.size > 100_000) break;
    }
    let numberOrder: Uint32Array;
    if (counts.size > 100_000) {
      numberOrder = Uint32Array.from(numbers).sort(this.compare);
    } else {
      const start = new Map<number, number>();
      let at = 0;
      for (const value of Float64Array.from(counts.keys()).sort()) {
        start.set(value, at);
        at += counts.get(value)!;
      }
      numberOrder = new Uint32Array(numbers.length);
      for (const id of numbers) {
        const value = this.numbers[id];
        const position = start.get(value)!;
        numberOrder[position] = id;
        start.set(value, position + 1);
      }
    }
    const order = new Uint32Array(numbers.length + strings.length);
    order.set(numberOrder);
    order.set(Uint32Array.from(strings).sort(this.compare), numbers.length);
    return order;
  }

  ensure(ids: () => Uint32Array, maxId: number): void {
    if (this.built && this.pending.size === 0) return;
    this.grow(maxId + 1);
    let order: Uint32Array;
    const full = !this.built || this.pending.size > Math.max(5_000, this.order.length / 4);
    if (full) {
      order = this.fullOrder(ids());
    } else {
      const changed: number[] = [];
      for (const id of this.pending) if (this.kind[id]) changed.push(id);
      changed.sort(this.compare);
      this.present.removeMany(this.pending);
      this.present.addMany(changed);
      const skip = new Uint8Array(maxId + 1);
      for (const id of this.pending) skip[id] = 1;
      const previous = this.order;
      order = new Uint32Array(previous.length + changed.length);
      let n = 0;
      let c = 0;
      for (let i = 0; i < previous.length; i++) {
        const id = previous[i];
        if (skip[id]) continue;
        while (c < changed.length && this.compare(changed[c], id) < 0) order[n++] = changed[c++];
        if (c === changed.length) {
          // every change is placed: copy the rest, dropping pending ids
          for (let j = i; j < previous.length; j++) if (!skip[previous[j]]) order[n++] = previous[j];
          break;
        }
        order[n++] = id;
      }
      while (c < changed.length) order[n++] = changed[c++];
      order = order.slice(0, n);
    }
    this.pending.clear();
    this.order = order;
    this.rank = new Int32Array(maxId + 1).fill(-1);
    let rank = -1;
    const { kind, numbers, strings } = this;
    for (let i = 0; i < order.length; i++) {
      const id = order[i];
      const prev = i > 0 ? order[i - 1] : -1;
      if (prev < 0 || kind[prev] !== kind[id] || (kind[id] === 1 ? numbers[prev] !== numbers[id] : strings[prev] !== strings[id])) rank++;
      this.rank[id] = rank;
    }
    if (full) {
      this.present.clear();
      this.present.addMany(order);
    }
    this.built = true;
  }
}
