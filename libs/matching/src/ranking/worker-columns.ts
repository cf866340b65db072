/**
 * The index's per-worker columns: one slot (ordinal) per worker, typed arrays that grow by doubling, and an open-
 * addressing table from the 128-bit id to the ordinal. A million workers cost ~60 MB here and nothing to the GC
 * (a Map of a million UUID strings costs several hundred MB).
 */
export const Flag = {
  Present: 1,
  Female: 2,
  WantsToMove: 4,
  RegisteredPoor: 8,
  ZeroEmployment: 16,
  SevereDisability: 32,
  Placed: 64,
  StatusAvailable: 128,
  HasPlaceWish: 256,
} as const;

/** "No date" in the day columns. */
export const NO_DAY = -0x80000000;

export class WorkerColumns {
  size = 0;
  private capacity: number;
  /** Four uint32 words per worker: the UUID's 32 hex digits. */
  ids: Uint32Array;
  county: Uint16Array;
  birthDay: Int32Array;
  flags: Uint16Array;
  /** Skills as bits of the index's skill dictionary (64 at most: two words). */
  skillsLo: Uint32Array;
  skillsHi: Uint32Array;
  /** Wished categories as bits of the category dictionary (32 at most). */
  wishCategories: Uint32Array;
  /** -1: not given. */
  minWage: Int32Array;
  availableDay: Int32Array;
  cameHomeDay: Int32Array;
  /** Days in jobs of a category, by category bit; allocated when a worker first has some. */
  readonly tenure = new Map<number, Uint16Array>();
  private table: Int32Array;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.ids = new Uint32Array(this.capacity * 4);
    this.county = new Uint16Array(this.capacity);
    this.birthDay = new Int32Array(this.capacity);
    this.flags = new Uint16Array(this.capacity);
    this.skillsLo = new Uint32Array(this.capacity);
    this.skillsHi = new Uint32Array(this.capacity);
    this.wishCategories = new Uint32Array(this.capacity);
    this.minWage = new Int32Array(this.capacity);
    this.availableDay = new Int32Array(this.capacity);
    this.cameHomeDay = new Int32Array(this.capacity);
    this.table = new Int32Array(tableSizeFor(this.capacity));
  }

  /** The worker's ordinal, or -1. */
  find(id: string): number {
    parseUuid(id, key);
    return this.lookup();
  }

  /** The worker's ordinal, a new one for an id not seen before. */
  findOrAdd(id: string): { ordinal: number; added: boolean } {
    parseUuid(id, key);
    const found = this.lookup();
    if (found >= 0) return { ordinal: found, added: false };
    if (this.size === this.capacity) this.grow();
    const ordinal = this.size++;
    this.ids.set(key, ordinal * 4);
    if (this.size * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.insert(ordinal);
    return { ordinal, added: true };
  }

  idOf(ordinal: number): string {
    const o = ordinal * 4;
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const a = hex(this.ids[o]), b = hex(this.ids[o + 1]), c = hex(this.ids[o + 2]), d = hex(this.ids[o + 3]);
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }

  tenureFor(categoryBit: number, create: boolean): Uint16Array | undefined {
    let days = this.tenure.get(categoryBit);
    if (!days && create) {
      days = new Uint16Array(this.capacity);
      this.tenure.set(categoryBit, days);
    }
    return days;
  }

  /** Bytes held by the columns and the id table. */
  get bytes(): number {
    let total = this.table.byteLength;
    for (const a of [this.ids, this.county, this.birthDay, this.flags, this.skillsLo, this.skillsHi, this.wishCategories, this.minWage, this.availableDay, this.cameHomeDay]) total += a.byteLength;
    for (const a of this.tenure.values()) total += a.byteLength;
    return total;
  }

  private grow(): void {
    this.capacity *= 2;
    this.ids = resized(this.ids, this.capacity * 4);
    this.county = resized(this.county, this.capacity);
    this.birthDay = resized(this.birthDay, this.capacity);
    this.flags = resized(this.flags, this.capacity);
    this.skillsLo = resized(this.skillsLo, this.capacity);
    this.skillsHi = resized(this.skillsHi, this.capacity);
    this.wishCategories = resized(this.wishCategories, this.capacity);
    this.minWage = resized(this.minWage, this.capacity);
    this.availableDay = resized(this.availableDay, this.capacity);
    this.cameHomeDay = resized(this.cameHomeDay, this.capacity);
    for (const [bit, days] of this.tenure) this.tenure.set(bit, resized(days, this.capacity));
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let ordinal = 0; ordinal < this.size; ordinal++) this.insert(ordinal);
  }

  private insert(ordinal: number): void {
    const o = ordinal * 4;
    const mask = this.table.length - 1;
    let slot = hash(this.ids[o], this.ids[o + 1], this.ids[o + 2], this.ids[o + 3]) & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = ordinal + 1;
  }

  /** The ordinal of the id parsed into `key`, or -1. */
  private lookup(): number {
    const w0 = key[0], w1 = key[1], w2 = key[2], w3 = key[3];
    const mask = this.table.length - 1;
    for (let slot = hash(w0, w1, w2, w3) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot];
      if (entry === 0) return -1;
      const o = (entry - 1) * 4;
      if (this.ids[o] === w0 && this.ids[o + 1] === w1 && this.ids[o + 2] === w2 && this.ids[o + 3] === w3) return entry - 1;
    }
  }
}

/** The id being looked up, as four words (one parse per lookup, no allocation). */
const key = new Uint32Array(4);

/** The UUID's 32 hex digits (dashes skipped) into four uint32 words. */
function parseUuid(id: string, out: Uint32Array): void {
  let word = 0;
  let digits = 0;
  let w = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c === 45) continue; // '-'
    word = (word << 4) | (c <= 57 ? c - 48 : (c | 32) - 87);
    if (++digits === 8) {
      out[w++] = word >>> 0;
      word = 0;
      digits = 0;
    }
  }
}

function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(0x9e3779b9 ^ a, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ d, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function tableSizeFor(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

function resized<T extends Uint32Array | Uint16Array | Int32Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}
