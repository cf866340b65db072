import type { PairingRule } from './pairings.js';

export type RegionLevel = 'province' | 'city' | 'county';
export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'county'];
/** A GB/T 2260 code: six digits. */
export const REGION_CODE = /^\d{6}$/;

/** A GB/T 2260 division. Read-only reference data; one object per code for the life of the process. */
export interface Region {
  /** Six digits: 620000 province, 622900 city (prefecture), 622925 county (district, county-level city, banner…). */
  readonly code: string;
  /** Official name: 临夏回族自治州, 和政县. */
  readonly name: string;
  /** The name people say: 临夏, 和政 (suffixes and ethnic designations dropped; single characters keep 县/区). */
  readonly shortName: string;
  readonly level: RegionLevel;
  /** Parent's code; absent for provinces. Chongqing's counties (5002xx) hang under 500100 重庆市 like its districts. */
  readonly parentCode?: string;
  /** Full pinyin, syllables separated by spaces, no tones, ü as v: "he zheng xian". */
  readonly pinyin: string;
  /** First letters of the syllables: "hzx". */
  readonly initials: string;
  /** [lng, lat] (WGS-84-ish, from the map data): county seat area for counties, a mean of the counties for cities. */
  readonly centre?: readonly [number, number];
  /** True when the centre is an estimate (new county without its own point, or a city's mean). */
  readonly approx?: boolean;
  /**
   * True for county-level units, including the prefecture-level cities without counties (东莞市, 中山市, 儋州市,
   * 嘉峪关市…), where a worker's or an employer's "county" is the city itself.
   */
  readonly countyLevel: boolean;
}

/** A county-level unit with the city and province it lies in (for 东莞市 the county and the city are the same). */
export interface CountyContext {
  county: Region;
  city: Region;
  province: Region;
}

export interface RegionSearchOptions {
  level?: RegionLevel;
  /** Only regions under this code (any depth). */
  within?: string;
  /** Default 20. */
  limit?: number;
}

export interface RegionSearchResult {
  items: Region[];
  /** Matches before the limit was applied. */
  total: number;
}

/** One pairing as seen from a region. */
export interface PairingMatch {
  /** The side the asked-about region is on: a western county has eastern partners and vice versa. */
  side: 'west' | 'east';
  /** The region on the other side, as the rule names it (a province, city or district). */
  partner: Region;
  /** The rule's own region on the asked-about side (the region itself or an ancestor). */
  via: Region;
  /** For an eastern region: parts of `partner` that the list gives to other eastern partners. */
  except: Region[];
  rule: PairingRule;
}

/** A rule with its regions resolved. */
export interface ResolvedPairing {
  rule: PairingRule;
  east: Region;
  west: Region;
  /** Parts of `west` this rule does not cover: given to a different eastern partner by a more specific rule. */
  except: Region[];
}
