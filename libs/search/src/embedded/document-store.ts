/**
 * Documents and primary keys kept out of the JavaScript heap: each document is stored as its JSON text in large
 * Buffers, and primary keys in an open-addressing hash table over typed arrays. Millions of small objects in
 * the heap make every full garbage collection take hundreds of milliseconds (measured: 2M worker documents as
 * objects, 0.5–1 s per mark-compact); bytes in Buffers are never traced or moved.
 */
import type { SearchDocument } from '../search.port.js';

const CHUNK_BYTES = 8 << 20;

function grown<T extends Uint32Array | Int32Array | Uint16Array>(array: T, size: number, make: (n: number) => T): T {
  if (array.length >= size) return array;
  const next = make(Math.max(size, Math.ceil(array.length * 1.5), 1024));
  next.set(array);
  return next;
}

/** Texts by internal id, in append-only chunks; replaced or deleted texts are reclaimed by compaction. */
export class TextArena {
  private chunks: Buffer[] = [];
  private used = 0;
  private chunkOf = new Uint16Array(0);
  private startOf = new Uint32Array(0);
  /** Byte length + 1; 0 when the id holds nothing. */
  private lengthOf = new Uint32Array(0);
  private liveBytes = 0;
  private wastedBytes = 0;

  constructor(private readonly encoding: 'utf8' | 'latin1') {}

  set(id: number, text: string): void {
    this.delete(id);
    const bytes = Buffer.byteLength(text, this.encoding);
    let chunk = this.chunks.at(-1);
    if (!chunk || this.used + bytes > chunk.length) {
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
      this.chunks.push(chunk);
      this.used = 0;
    }
    chunk.write(text, this.used, bytes, this.encoding);
    this.chunkOf = grown(this.chunkOf, id + 1, (n) => new Uint16Array(n));
    this.startOf = grown(this.startOf, id + 1, (n) => new Uint32Array(n));
    this.lengthOf = grown(this.lengthOf, id + 1, (n) => new Uint32Array(n));
    this.chunkOf[id] = this.chunks.length - 1;
    this.startOf[id] = this.used;
    this.lengthOf[id] = bytes + 1;
    this.used += bytes;
    this.liveBytes += bytes;
  }

  get(id: number): string | undefined {
    const length = id < this.lengthOf.length ? this.lengthOf[id] : 0;
    if (length === 0) return undefined;
    const start = this.startOf[id];
    return this.chunks[this.chunkOf[id]].toString(this.encoding, start, start + length - 1);
  }

  delete(id: number): void {
    if (id >= this.lengthOf.length || this.lengthOf[id] === 0) return;
    this.liveBytes -= this.lengthOf[id] - 1;
    this.wastedBytes += this.lengthOf[id] - 1;
    this.lengthOf[id] = 0;
    if (this.wastedBytes > 64 << 20 && this.wastedBytes > this.liveBytes) this.compact();
  }

  private compact(): void {
    const texts: Array<[number, string]> = [];
    for (let id = 0; id < this.lengthOf.length; id++) {
      const text = this.get(id);
      if (text !== undefined) texts.push([id, text]);
    }
    this.clear();
    for (const [id, text] of texts) this.set(id, text);
  }

  clear(): void {
    this.chunks = [];
    this.used = 0;
    this.lengthOf.fill(0);
    this.liveBytes = 0;
    this.wastedBytes = 0;
  }
}

/** FNV-1a over UTF-16 units. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

const EMPTY = -1;
const DELETED = -2;

/** Primary key → internal id; new keys get the next id (ids are never reused). */
export class KeyIndex {
  private slots = new Int32Array(1024).fill(EMPTY);
  private occupied = 0;
  private hashOf = new Int32Array(0);
  private readonly keys = new TextArena('latin1');
  next = 0;

  private find(key: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i];
      if (id === EMPTY) return -1 - i;
      if (id >= 0 && this.hashOf[id] === h && this.keys.get(id) === key) return i;
    }
  }

  get(key: string): number | undefined {
    const slot = this.find(key, hash(key));
    return slot >= 0 ? this.slots[slot] : undefined;
  }

  /** The id of the key, assigning the next one when it is new. */
  getOrAdd(key: string): { id: number; added: boolean } {
    const h = hash(key);
    const slot = this.find(key, h);
    if (slot >= 0) return { id: this.slots[slot], added: false };
    const id = this.next++;
    this.hashOf = grown(this.hashOf, id + 1, (n) => new Int32Array(n));
    this.hashOf[id] = h;
    this.keys.set(id, key);
    this.place(id, h);
    if (++this.occupied > this.slots.length * 0.6) this.rehash();
    return { id, added: true };
  }

  /** Places an id in the first free slot of its probe sequence (a deleted slot is reused). */
  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] >= 0) i = (i + 1) & mask;
    if (this.slots[i] === DELETED) this.occupied--;
    this.slots[i] = id;
  }

  delete(key: string): number | undefined {
    const slot = this.find(key, hash(key));
    if (slot < 0) return undefined;
    const id = this.slots[slot];
    this.slots[slot] = DELETED;
    this.keys.delete(id);
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    let live = 0;
    for (const id of old) if (id >= 0) live++;
    let size = 1024;
    while (size < live * 3) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.occupied = live;
    for (const id of old) if (id >= 0) this.place(id, this.hashOf[id]);
  }

  clear(): void {
    this.slots = new Int32Array(1024).fill(EMPTY);
    this.occupied = 0;
    this.keys.clear();
    this.next = 0;
  }
}

/** Documents by internal id, as JSON text. */
export class DocumentStore {
  private readonly texts = new TextArena('utf8');

  set(id: number, json: string): void {
    this.texts.set(id, json);
  }

  get(id: number): SearchDocument | undefined {
    const json = this.texts.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as SearchDocument);
  }

  delete(id: number): void {
    this.texts.delete(id);
  }

  clear(): void {
    this.texts.clear();
  }
}
