import roaring from 'roaring';
import type { RoaringBitmap32 } from 'roaring';
import { dayNumber, type WorkerFacts } from './match-facts.js';
import { AVAILABLE_STATUSES, isSevere } from './scoring.js';
import { Flag, NO_DAY, WorkerColumns } from './worker-columns.js';

export type Bitmap = RoaringBitmap32;
export const Bitmap = roaring.RoaringBitmap32;

const MAX_SKILLS = 64;
const MAX_CATEGORIES = 32;

/**
 * Every worker's matching features, in memory: typed-array columns (worker-columns.ts) for the scan, and roaring
 * bitmaps of worker ordinals for the hard filters and the wish lookups — by home county, wished category, skill,
 * certificate, wished city and province, and the flags (present, available status, placed, severe disability,
 * priority cases). Plain data; `MatchIndex` fills it from PostgreSQL and the outbox, `candidate-scan.ts` reads it.
 */
export class MatchStore {
  readonly columns = new WorkerColumns(1 << 16);

  readonly countyCodes: string[] = [];
  readonly countyOrdinal = new Map<string, number>();
  readonly byCounty: Bitmap[] = [];

  readonly skillBit = new Map<string, number>();
  readonly bySkill: Bitmap[] = [];
  readonly categoryBit = new Map<string, number>();
  readonly byCategory: Bitmap[] = [];

  readonly byCertificate = new Map<string, Bitmap>();
  readonly byWishCity = new Map<string, Bitmap>();
  readonly byWishProvince = new Map<string, Bitmap>();

  readonly present = new Bitmap();
  readonly statusAvailable = new Bitmap();
  readonly placed = new Bitmap();
  readonly severeDisability = new Bitmap();
  readonly zeroEmployment = new Bitmap();
  readonly cameHome = new Bitmap();
  readonly registeredPoor = new Bitmap();

  /** Names that did not fit a dictionary (more than 64 skills or 32 categories): left out of the bit masks. */
  readonly overflow = new Set<string>();

  /**
   * Puts these workers in (new or changed) and takes the gone ones out. A changed worker is first removed from every
   * bitmap, then added back from its new facts, so nothing of its old state remains.
   */
  apply(facts: readonly WorkerFacts[], goneIds: readonly string[] = []): void {
    const c = this.columns;
    const stale: number[] = [];
    const rows: Array<[number, WorkerFacts]> = [];
    for (const f of facts) {
      const { ordinal, added } = c.findOrAdd(f.id);
      if (!added && c.flags[ordinal] & Flag.Present) stale.push(ordinal);
      rows.push([ordinal, f]);
    }
    for (const id of goneIds) {
      const ordinal = c.find(id);
      if (ordinal >= 0 && c.flags[ordinal] & Flag.Present) {
        stale.push(ordinal);
        c.flags[ordinal] = 0;
      }
    }
    if (stale.length) this.removeEverywhere(Uint32Array.from(stale));
    const adds = new Map<Bitmap, number[]>();
    const add = (bitmap: Bitmap, ordinal: number) => {
      const list = adds.get(bitmap);
      if (list) list.push(ordinal);
      else adds.set(bitmap, [ordinal]);
    };
    for (const [ordinal, f] of rows) this.write(ordinal, f, add);
    for (const [bitmap, ordinals] of adds) bitmap.addMany(Uint32Array.from(ordinals));
  }

  has(id: string): boolean {
    const ordinal = this.columns.find(id);
    return ordinal >= 0 && (this.columns.flags[ordinal] & Flag.Present) !== 0;
  }

  /** Bytes held: columns plus the bitmaps' serialized size (close to their memory). */
  get bytes(): number {
    let total = this.columns.bytes;
    for (const b of this.allBitmaps()) total += b.getSerializationSizeInBytes('croaring');
    return total;
  }

  private write(ordinal: number, f: WorkerFacts, add: (bitmap: Bitmap, ordinal: number) => void): void {
    const c = this.columns;
    const county = this.countyOf(f.homeCountyCode);
    c.county[ordinal] = county;
    add(this.byCounty[county], ordinal);
    c.birthDay[ordinal] = dayNumber(f.birthDate);

    let flags = Flag.Present;
    add(this.present, ordinal);
    if (f.sex === 'F') flags |= Flag.Female;
    if (f.wantsToMove) flags |= Flag.WantsToMove;
    if (f.registeredPoor) {
      flags |= Flag.RegisteredPoor;
      add(this.registeredPoor, ordinal);
    }
    if (f.zeroEmployment) {
      flags |= Flag.ZeroEmployment;
      add(this.zeroEmployment, ordinal);
    }
    if (isSevere(f.disabilityGrade)) {
      flags |= Flag.SevereDisability;
      add(this.severeDisability, ordinal);
    }
    if (f.placed) {
      flags |= Flag.Placed;
      add(this.placed, ordinal);
    }
    if (AVAILABLE_STATUSES.includes(f.employmentStatus)) {
      flags |= Flag.StatusAvailable;
      add(this.statusAvailable, ordinal);
    }
    if (f.wishCities.length + f.wishProvinces.length > 0) flags |= Flag.HasPlaceWish;
    c.flags[ordinal] = flags;

    let lo = 0;
    let hi = 0;
    for (const skill of new Set(f.skills)) {
      const bit = this.bitOf(this.skillBit, this.bySkill, skill, MAX_SKILLS);
      if (bit < 0) continue;
      add(this.bySkill[bit], ordinal);
      if (bit < 32) lo |= 1 << bit;
      else hi |= 1 << (bit - 32);
    }
    c.skillsLo[ordinal] = lo >>> 0;
    c.skillsHi[ordinal] = hi >>> 0;

    let wishes = 0;
    for (const category of new Set(f.wishCategories)) {
      const bit = this.bitOf(this.categoryBit, this.byCategory, category, MAX_CATEGORIES);
      if (bit < 0) continue;
      add(this.byCategory[bit], ordinal);
      wishes |= 1 << bit;
    }
    c.wishCategories[ordinal] = wishes >>> 0;

    for (const name of new Set(f.certificates)) add(this.keyed(this.byCertificate, name), ordinal);
    for (const code of new Set(f.wishCities)) add(this.keyed(this.byWishCity, code), ordinal);
    for (const code of new Set(f.wishProvinces)) add(this.keyed(this.byWishProvince, code), ordinal);

    c.minWage[ordinal] = f.minMonthlyWage ?? -1;
    c.availableDay[ordinal] = f.availableFrom ? dayNumber(f.availableFrom) : NO_DAY;
    c.cameHomeDay[ordinal] = f.cameHomeOn ? dayNumber(f.cameHomeOn) : NO_DAY;
    if (f.cameHomeOn) add(this.cameHome, ordinal);

    for (const days of c.tenure.values()) days[ordinal] = 0;
    for (const [category, days] of Object.entries(f.tenureDays)) {
      const bit = this.bitOf(this.categoryBit, this.byCategory, category, MAX_CATEGORIES);
      if (bit >= 0 && days > 0) c.tenureFor(bit, true)![ordinal] = Math.min(days, 0xffff);
    }
  }

  private countyOf(code: string): number {
    let ordinal = this.countyOrdinal.get(code);
    if (ordinal === undefined) {
      ordinal = this.countyCodes.length;
      this.countyCodes.push(code);
      this.countyOrdinal.set(code, ordinal);
      this.byCounty.push(new Bitmap());
    }
    return ordinal;
  }

  private bitOf(dictionary: Map<string, number>, bitmaps: Bitmap[], name: string, max: number): number {
    let bit = dictionary.get(name);
    if (bit === undefined) {
      if (dictionary.size >= max) {
        this.overflow.add(name);
        return -1;
      }
      bit = dictionary.size;
      dictionary.set(name, bit);
      bitmaps.push(new Bitmap());
    }
    return bit;
  }

  private keyed(map: Map<string, Bitmap>, key: string): Bitmap {
    let bitmap = map.get(key);
    if (!bitmap) {
      bitmap = new Bitmap();
      map.set(key, bitmap);
    }
    return bitmap;
  }

  private removeEverywhere(ordinals: Uint32Array): void {
    for (const bitmap of this.allBitmaps()) if (!bitmap.isEmpty) bitmap.removeMany(ordinals);
  }

  private *allBitmaps(): Iterable<Bitmap> {
    yield* this.byCounty;
    yield* this.bySkill;
    yield* this.byCategory;
    yield* this.byCertificate.values();
    yield* this.byWishCity.values();
    yield* this.byWishProvince.values();
    yield* [this.present, this.statusAvailable, this.placed, this.severeDisability, this.zeroEmployment, this.cameHome, this.registeredPoor];
  }
}
