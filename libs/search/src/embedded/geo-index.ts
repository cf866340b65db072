/**
 * Locations (`_geo`) of an index: coordinates by internal id, and a four-level grid of cells (8°, 2°, 0.5°,
 * 0.125°) holding bitmaps of ids. Sorting by distance walks the grid best first (a priority queue of cells keyed
 * by a lower bound of the distance, and of documents keyed by their exact distance), so the nearest documents
 * of a bucket come out in order after visiting only the cells around the point; the farthest ones likewise with
 * upper bounds. The radius filter takes whole cells that lie inside the circle and checks documents only in the
 * cells the circle's edge crosses.
 */
import type { GeoPoint, SearchDocument } from '../search.port.js';
import { EARTH_RADIUS_M, geoOf } from '../geo.js';
import { Bitmap, orAll } from './bitmap.js';
import { MinHeap } from './min-heap.js';
import { PostingBatch, PostingMap } from './posting-map.js';

const CELL_DEGREES = [8, 2, 0.5, 0.125];
const LAST = CELL_DEGREES.length - 1;
const COLUMNS = CELL_DEGREES.map((s) => Math.round(360 / s));
const ROWS = CELL_DEGREES.map((s) => Math.round(180 / s));
/** Cells this small are opened document by document instead of child by child. */
const SMALL_CELL = 64;
/** Bounds are widened by this much (metres) to absorb rounding: documents themselves are compared exactly. */
const MARGIN = 2;
const RAD = Math.PI / 180;
const HALF_CIRCUMFERENCE = Math.PI * EARTH_RADIUS_M;

export class GeoBatch {
  readonly ids: number[] = [];
  readonly points: GeoPoint[] = [];
  readonly cells = CELL_DEGREES.map(() => new PostingBatch<number>());
}

function cellOf(level: number, lat: number, lng: number): number {
  const size = CELL_DEGREES[level];
  const row = Math.min(Math.floor((lat + 90) / size), ROWS[level] - 1);
  const col = Math.min(Math.floor((lng + 180) / size), COLUMNS[level] - 1);
  return row * COLUMNS[level] + col;
}

/** Largest cos(distance) from (sinLat, cosLat, lng) to the meridian `meridian` between latitudes s and n (radians). */
function maxCosToMeridian(sinLat: number, cosLat: number, lng: number, meridian: number, s: number, n: number): number {
  const a = sinLat;
  const b = cosLat * Math.cos(lng - meridian);
  const t0 = Math.atan2(a, b);
  if (t0 >= s && t0 <= n) return Math.hypot(a, b);
  return Math.max(a * Math.sin(s) + b * Math.cos(s), a * Math.sin(n) + b * Math.cos(n));
}

/** Exact smallest great-circle distance (metres) from a point (degrees) to a cell. */
function minDistance(lat: number, lng: number, level: number, key: number): number {
  const size = CELL_DEGREES[level];
  const row = Math.floor(key / COLUMNS[level]);
  const col = key % COLUMNS[level];
  const south = row * size - 90;
  const north = Math.min(90, south + size);
  const west = col * size - 180;
  const east = west + size;
  if (lng >= west && lng <= east) {
    if (lat < south) return (south - lat) * RAD * EARTH_RADIUS_M;
    if (lat > north) return (lat - north) * RAD * EARTH_RADIUS_M;
    return 0;
  }
  const phi = lat * RAD;
  const [sinLat, cosLat] = [Math.sin(phi), Math.cos(phi)];
  const cos = Math.max(
    maxCosToMeridian(sinLat, cosLat, lng * RAD, west * RAD, south * RAD, north * RAD),
    maxCosToMeridian(sinLat, cosLat, lng * RAD, east * RAD, south * RAD, north * RAD),
  );
  return Math.acos(Math.min(1, Math.max(-1, cos))) * EARTH_RADIUS_M;
}

/** Largest distance from a point to a cell: half the circumference minus the smallest distance from the antipode. */
function maxDistance(lat: number, lng: number, level: number, key: number): number {
  return HALF_CIRCUMFERENCE - minDistance(-lat, lng > 0 ? lng - 180 : lng + 180, level, key);
}

/** Heap values below this stand for a group of documents at one distance (cells are -1 … -2^26). */
const GROUP = -(2 ** 27);

/** Ascending ids of several ascending (or unordered) lists. */
function concat(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0];
  const out = new Uint32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const list of lists) {
    out.set(list, at);
    at += list.length;
  }
  return out.sort();
}

/** The ids split by equal distance (each group keeps the ids' ascending order). */
function groupByDistance(ids: Uint32Array, metres: Float64Array): Array<[Uint32Array, number]> {
  if (metres.every((m) => m === metres[0])) return ids.length ? [[ids, metres[0]]] : [];
  const values = Float64Array.from(metres).sort();
  let distinct = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) values[distinct++] = values[i];
  if (distinct <= 1) return distinct ? [[ids, values[0]]] : [];
  const unique = values.subarray(0, distinct);
  const slot = new Uint32Array(ids.length);
  const counts = new Uint32Array(distinct);
  for (let i = 0; i < ids.length; i++) {
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (unique[mid] < metres[i]) lo = mid + 1;
      else hi = mid;
    }
    slot[i] = lo;
    counts[lo]++;
  }
  const groups = Array.from(counts, (n) => new Uint32Array(n));
  const filled = new Uint32Array(distinct);
  for (let i = 0; i < ids.length; i++) groups[slot[i]][filled[slot[i]]++] = ids[i];
  return groups.map((group, k) => [group, unique[k]]);
}

export class GeoIndex {
  readonly present = new Bitmap();
  private readonly cells = CELL_DEGREES.map(() => new PostingMap<number>());
  /** Per id: latitude, longitude (radians) and the latitude's cosine, side by side (one cache line per id). */
  private coords = new Float64Array(0);
  private readonly radiusCache = new Map<string, Bitmap>();

  collect(doc: SearchDocument, id: number, batch: GeoBatch): void {
    const point = geoOf(doc);
    if (!point) return;
    batch.ids.push(id);
    batch.points.push(point);
    for (let level = 0; level <= LAST; level++) batch.cells[level].add(cellOf(level, point.lat, point.lng), id);
  }

  add(batch: GeoBatch): void {
    if (batch.ids.length === 0) return;
    this.radiusCache.clear();
    this.grow(Math.max(...batch.ids) + 1);
    batch.ids.forEach((id, i) => {
      const { lat, lng } = batch.points[i];
      this.coords[3 * id] = lat * RAD;
      this.coords[3 * id + 1] = lng * RAD;
      this.coords[3 * id + 2] = Math.cos(lat * RAD);
    });
    this.present.addMany(Uint32Array.from(batch.ids));
    batch.cells.forEach((cells, level) => this.cells[level].addBatch(cells));
  }

  remove(batch: GeoBatch): void {
    if (batch.ids.length === 0) return;
    this.radiusCache.clear();
    this.present.removeMany(Uint32Array.from(batch.ids));
    batch.cells.forEach((cells, level) => this.cells[level].removeBatch(cells));
  }

  private grow(size: number): void {
    if (this.coords.length >= 3 * size) return;
    const next = new Float64Array(3 * Math.max(size, Math.ceil((this.coords.length / 3) * 1.5), 1024));
    next.set(this.coords);
    this.coords = next;
  }

  /**
   * Distance in metres (millimetre precision) from the point to documents having a location: the formula of
   * `geoDistance` (Meilisearch's), with the point's terms computed once.
   */
  distanceFrom(point: GeoPoint): (id: number) => number {
    const phi1 = point.lat * RAD;
    const cosPhi1 = Math.cos(phi1);
    const lambda1 = point.lng * RAD;
    const { coords } = this;
    return (id) => {
      const havPhi = (1 - Math.cos(coords[3 * id] - phi1)) / 2;
      const havLambda = (cosPhi1 * coords[3 * id + 2] * (1 - Math.cos(coords[3 * id + 1] - lambda1))) / 2;
      return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(havPhi + havLambda)) * 1000) / 1000;
    };
  }

  /** Documents within `metres` of the point (distance ≤ metres). */
  radius(point: GeoPoint, metres: number): Bitmap {
    const cacheKey = `${point.lat},${point.lng},${metres}`;
    const cached = this.radiusCache.get(cacheKey);
    if (cached) return cached;
    const whole: Bitmap[] = [];
    const ids: number[] = [];
    const distance = this.distanceFrom(point);
    const visit = (level: number, key: number) => {
      const bitmap = this.cells[level].get(key);
      if (!bitmap || minDistance(point.lat, point.lng, level, key) - MARGIN > metres) return;
      if (maxDistance(point.lat, point.lng, level, key) + MARGIN <= metres) whole.push(bitmap);
      else if (level === LAST || bitmap.size <= SMALL_CELL) {
        const members = bitmap.toUint32Array();
        const metresOf = this.distancesOf(members, distance);
        for (let i = 0; i < members.length; i++) if (metresOf[i] <= metres) ids.push(members[i]);
      } else this.children(level, key, visit);
    };
    for (const key of this.cells[0].keys()) visit(0, key);
    const result = orAll([...whole, Bitmap.from(ids)]);
    if (this.radiusCache.size > 64) this.radiusCache.clear();
    this.radiusCache.set(cacheKey, result);
    return result;
  }

  private children(level: number, key: number, visit: (level: number, key: number) => void): void {
    const row = Math.floor(key / COLUMNS[level]) * 4;
    const col = (key % COLUMNS[level]) * 4;
    for (let r = row; r < row + 4; r++) for (let c = col; c < col + 4; c++) visit(level + 1, r * COLUMNS[level + 1] + c);
  }

  /** Distances of the ids, computed once per run of identical locations (documents placed at a county centre). */
  private distancesOf(ids: Uint32Array, distance: (id: number) => number): Float64Array {
    const out = new Float64Array(ids.length);
    let lastPhi = NaN;
    let lastLambda = NaN;
    let last = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const phi = this.coords[3 * id];
      const lambda = this.coords[3 * id + 1];
      if (phi !== lastPhi || lambda !== lastLambda) {
        lastPhi = phi;
        lastLambda = lambda;
        last = distance(id);
      }
      out[i] = last;
    }
    return out;
  }

  /**
   * Documents of `bucket` having a location, nearest first (farthest first with `desc`), in groups: distances
   * within `tie` metres of the group's first are one group (ids ascending), given with that first distance. A
   * group is complete as soon as no unopened cell can hold a nearer document, so the walk stops early. Lazy: stop
   * iterating once the page is full. Documents of the bucket without a location are skipped.
   */
  *byDistance(point: GeoPoint, bucket: Bitmap, desc: boolean, tie: number): Generator<[ids: Uint32Array, metres: number]> {
    const heap = new MinHeap();
    const sameDistance: Uint32Array[] = [];
    const distance = this.distanceFrom(point);
    const whole = bucket.size >= this.present.size && this.present.isSubset(bucket);
    const bound = (level: number, key: number) =>
      desc ? -(maxDistance(point.lat, point.lng, level, key) + MARGIN) : minDistance(point.lat, point.lng, level, key) - MARGIN;
    const pushCell = (level: number, key: number) => {
      if (this.cells[level].get(key)) heap.push(bound(level, key), -(level * 2 ** 24 + key) - 1);
    };
    for (const key of this.cells[0].keys()) pushCell(0, key);
    let group: Uint32Array[] = [];
    let groupMetres = 0;
    // a key of the heap as metres: the exact distance of documents, a bound (nearest or farthest possible) of cells
    const metresOf = (key: number) => (desc ? -key : key);
    const beyondTie = (metres: number) => (desc ? metres < groupMetres - tie : metres > groupMetres + tie);
    for (;;) {
      if (group.length && (heap.size === 0 || beyondTie(metresOf(heap.peekKey())))) {
        yield [concat(group), groupMetres];
        group = [];
      }
      if (heap.size === 0) return;
      const metres = metresOf(heap.peekKey());
      const value = heap.pop();
      if (value >= 0 || value < GROUP) {
        if (group.length === 0) groupMetres = metres;
        group.push(value >= 0 ? Uint32Array.of(value) : sameDistance[GROUP - 1 - value]);
        continue;
      }
      const code = -value - 1;
      const level = Math.floor(code / 2 ** 24);
      const key = code % 2 ** 24;
      const bitmap = this.cells[level].get(key)!;
      if (!whole && !bitmap.intersects(bucket)) continue;
      if (level === LAST || bitmap.size <= SMALL_CELL) {
        const ids = whole ? bitmap.toUint32Array() : Bitmap.and(bitmap, bucket).toUint32Array();
        for (const [members, d] of groupByDistance(ids, this.distancesOf(ids, distance))) {
          if (members.length === 1) heap.push(desc ? -d : d, members[0]);
          else heap.push(desc ? -d : d, GROUP - sameDistance.push(members));
        }
      } else this.children(level, key, pushCell);
    }
  }

  clear(): void {
    this.present.clear();
    for (const cells of this.cells) cells.clear();
    this.radiusCache.clear();
  }
}
