import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@daogang/platform';
import data from './data/regions.json' with { type: 'json' };
import { PAIRINGS, type PairingRule } from './pairings.js';
import type {
  CountyContext,
  PairingMatch,
  Region,
  RegionLevel,
  RegionSearchOptions,
  RegionSearchResult,
  ResolvedPairing,
} from './region.js';

/** One row of data/regions.json (scripts/generate-regions.mjs writes it): code, name, level, parent, pinyin[, lng, lat, approx]. */
type Row = [string, string, RegionLevel, string, string, number?, number?, (0 | 1)?];

const DEPTH: Record<RegionLevel, number> = { province: 1, city: 2, county: 3 };
const EARTH_RADIUS_KM = 6371.0088;
const HAN = /\p{Script=Han}/u;

/** What a query is compared with; kept beside the region so a search is one pass over ~3,200 entries. */
interface Entry {
  region: Region;
  pinyin: string; // "hezhengxian"
  shortPinyin: string; // "hezheng"
  shortInitials: string; // "hz"
}

/**
 * The GB/T 2260 divisions and the east–west pairings, loaded once at start from the generated data file into maps:
 * by code, children by parent, and by name (official and short). Everything is in memory and synchronous.
 */
@Injectable()
export class RegionsService {
  private readonly byCode = new Map<string, Region>();
  private readonly childrenOf = new Map<string, Region[]>();
  private readonly byName = new Map<string, Region[]>();
  private readonly entries: Entry[] = [];
  private readonly pairings: ResolvedPairing[];

  constructor() {
    const rows = (data as unknown as { rows: Row[] }).rows;
    const parents = new Set(rows.map((r) => r[3]));
    for (const [code, name, level, parent, pinyin, lng, lat, approx] of rows) {
      const syllables = pinyin.split(' ');
      const shortName = shortNameOf(name);
      const shortSyllables = syllables.slice(0, [...shortName].length);
      const region: Region = Object.freeze({
        code,
        name,
        shortName,
        level,
        ...(parent ? { parentCode: parent } : {}),
        pinyin,
        initials: syllables.map((s) => s[0]).join(''),
        ...(lng !== undefined && lat !== undefined ? { centre: Object.freeze([lng, lat] as const) } : {}),
        ...(approx ? { approx: true } : {}),
        countyLevel: level === 'county' || (level === 'city' && !parents.has(code)),
      });
      this.byCode.set(code, region);
      push(this.childrenOf, parent, region);
      for (const key of new Set([name, shortName])) push(this.byName, key, region);
      this.entries.push({
        region,
        pinyin: syllables.join(''),
        shortPinyin: shortSyllables.join(''),
        shortInitials: shortSyllables.map((s) => s[0]).join(''),
      });
    }
    this.pairings = this.resolvePairings(PAIRINGS);
  }

  /** The region with this code, or undefined. */
  get(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  /** The region with this code; NotFoundError('地区', code) if there is none. */
  getOrThrow(code: string): Region {
    const region = this.byCode.get(code);
    if (!region) throw new NotFoundError('地区', code);
    return region;
  }

  /** Is this a county-level unit (county, district, county-level city, or a city without counties such as 东莞市)? */
  isCounty(code: string): boolean {
    return this.byCode.get(code)?.countyLevel ?? false;
  }

  /** A county-level unit with its city and province; undefined for unknown codes and for provinces and cities with counties. */
  county(code: string): CountyContext | undefined {
    const county = this.byCode.get(code);
    if (!county?.countyLevel) return undefined;
    const city = county.level === 'city' ? county : this.byCode.get(county.parentCode!)!;
    const province = this.byCode.get(city.parentCode!)!;
    return { county, city, province };
  }

  /** The region and its ancestors, province first: [甘肃省, 临夏回族自治州, 和政县]. Empty for unknown codes. */
  chain(code: string): Region[] {
    const out: Region[] = [];
    for (let r = this.byCode.get(code); r; r = r.parentCode ? this.byCode.get(r.parentCode) : undefined) out.unshift(r);
    return out;
  }

  /** The full name, province down: 甘肃省临夏回族自治州和政县 ('' for an unknown code). */
  fullName(code: string): string {
    return this.chain(code).map((r) => r.name).join('');
  }

  /** True when `code` is `ancestor` or lies inside it. */
  isWithin(code: string, ancestor: string): boolean {
    for (let r = this.byCode.get(code); r; r = r.parentCode ? this.byCode.get(r.parentCode) : undefined) {
      if (r.code === ancestor) return true;
    }
    return false;
  }

  /** The 31 provinces, by code. */
  provinces(): Region[] {
    return this.children('');
  }

  /** Direct children by code (cities of a province, counties of a city); empty for counties and unknown codes. */
  children(code: string): Region[] {
    return [...(this.childrenOf.get(code) ?? [])];
  }

  /** Every region of a level, by code. */
  all(level?: RegionLevel): Region[] {
    return this.entries.map((e) => e.region).filter((r) => !level || r.level === level);
  }

  /** Regions whose official or short name is exactly this: 和政 → [和政县]; 朝阳 → 朝阳区 (北京), 朝阳市, 朝阳县 … */
  findByName(name: string): Region[] {
    return [...(this.byName.get(name.trim()) ?? [])];
  }

  /**
   * Search by Chinese name (exact, short name such as 临夏 or 和政, prefix, contains; "临夏州" and "和政县" forms too)
   * or by pinyin (full "hezheng", prefix "hezh", initials "hz"). Best matches first; among equals, the larger region
   * first, then by code.
   */
  search(query: string, options: RegionSearchOptions = {}): RegionSearchResult {
    const limit = options.limit ?? 20;
    const q = normalize(query);
    if (!q) return { items: [], total: 0 };
    const scorer = HAN.test(q) ? hanScorer(q) : latinScorer(q);
    const hits: { region: Region; score: number }[] = [];
    for (const entry of this.entries) {
      const { region } = entry;
      if (options.level && region.level !== options.level) continue;
      if (options.within && !this.isWithin(region.code, options.within)) continue;
      const score = scorer(entry);
      if (score > 0) hits.push({ region, score });
    }
    hits.sort(
      (a, b) =>
        b.score - a.score || DEPTH[a.region.level] - DEPTH[b.region.level] || a.region.code.localeCompare(b.region.code),
    );
    return { items: hits.slice(0, limit).map((h) => h.region), total: hits.length };
  }

  /**
   * Great-circle distance in km between two regions' centres (haversine), rounded to 0.1 km; undefined if either
   * code is unknown or has no centre. Centres flagged `approx` give approximate distances.
   */
  distanceKm(codeA: string, codeB: string): number | undefined {
    const a = this.byCode.get(codeA)?.centre;
    const b = this.byCode.get(codeB)?.centre;
    if (!a || !b) return undefined;
    const rad = Math.PI / 180;
    const dLat = (b[1] - a[1]) * rad;
    const dLng = (b[0] - a[0]) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
    return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))) * 10) / 10;
  }

  /** Every pairing rule with its regions resolved. */
  allPairings(): ResolvedPairing[] {
    return [...this.pairings];
  }

  /**
   * The pairings a region takes part in: for a western county its eastern partners (和政县 → 集美区, 厦门市), for an
   * eastern one its western partners (集美区 → 和政县, 临夏州, 宁夏). Most specific first. Empty for unknown codes
   * and for regions in no pairing.
   */
  pairingOf(code: string): PairingMatch[] {
    if (!this.byCode.has(code)) return [];
    const out: PairingMatch[] = [];
    for (const p of this.pairings) {
      if (this.covers(p, code)) out.push({ side: 'west', partner: p.east, via: p.west, except: [], rule: p.rule });
      else if (this.isWithin(code, p.east.code)) {
        out.push({ side: 'east', partner: p.west, via: p.east, except: p.except, rule: p.rule });
      }
    }
    return out.sort(
      (a, b) =>
        DEPTH[b.via.level] - DEPTH[a.via.level] ||
        DEPTH[b.partner.level] - DEPTH[a.partner.level] ||
        a.rule.id.localeCompare(b.rule.id),
    );
  }

  /** Are these two regions (either order, any level) linked by a pairing? 和政县 and 集美区 or 思明区: yes. */
  arePaired(codeA: string, codeB: string): boolean {
    return this.pairings.some(
      (p) => (this.covers(p, codeA) && this.isWithin(codeB, p.east.code)) || (this.covers(p, codeB) && this.isWithin(codeA, p.east.code)),
    );
  }

  /** Does this rule's western side cover the region (inside `west` and not in a part given to another partner)? */
  private covers(p: ResolvedPairing, code: string): boolean {
    return this.isWithin(code, p.west.code) && !p.except.some((x) => this.isWithin(code, x.code));
  }

  private resolvePairings(rules: readonly PairingRule[]): ResolvedPairing[] {
    const ids = new Set<string>();
    const resolved = rules.map((rule) => {
      if (ids.has(rule.id)) throw new Error(`pairing ${rule.id}: duplicate id`);
      ids.add(rule.id);
      const east = this.byCode.get(rule.east);
      const west = this.byCode.get(rule.west);
      if (!east || !west) throw new Error(`pairing ${rule.id}: unknown region ${east ? rule.west : rule.east}`);
      return { rule, east, west };
    });
    return resolved.map((r) => {
      // A more specific rule inside r.west with an eastern side unrelated to r.east takes that part out of r.
      const carved = resolved
        .filter(
          (s) =>
            s !== r &&
            s.west.code !== r.west.code &&
            this.isWithin(s.west.code, r.west.code) &&
            !this.isWithin(s.east.code, r.east.code) &&
            !this.isWithin(r.east.code, s.east.code),
        )
        .map((s) => s.west);
      const except = [...new Map(carved.map((x) => [x.code, x])).values()]
        .filter((x) => !carved.some((y) => y.code !== x.code && this.isWithin(x.code, y.code)))
        .sort((a, b) => a.code.localeCompare(b.code));
      return { ...r, except };
    });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---- names and queries -------------------------------------------------------------------------------------------

const ETHNIC = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京',
  '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);
const ETHNIC_TAIL = new RegExp(`(?:(?:${ETHNIC.join('|')})族?)+$`);
const SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '省', '市', '地区', '盟', '林区', '特区', '新区', '区', '县', '旗'];

/**
 * The name people say, always a prefix of the official name: 临夏回族自治州 → 临夏, 和政县 → 和政, 广西壮族自治区 → 广西,
 * 东乡族自治县 → 东乡, 巴音郭楞蒙古自治州 → 巴音郭楞, 神农架林区 → 神农架, 清新区 → 清新. A one-character stem keeps its
 * suffix (忠县, 城区).
 */
export function shortNameOf(name: string): string {
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    let s = name.slice(0, -suffix.length);
    if (suffix.startsWith('自治') || s.endsWith('族')) {
      const t = s.replace(ETHNIC_TAIL, '');
      s = [...t].length >= 2 ? t : s.replace(/族$/, '');
    }
    if ([...s].length >= 2) return s;
  }
  return name;
}

/** Lower case, half-width, no spaces or apostrophes (xi'an), ü as v. */
function normalize(query: string): string {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü|u:/g, 'v')
    .replace(/[\s'’·•\-_.]/g, '');
}

/** The level a trailing suffix suggests: 临夏州 → city, 和政县 → county. */
function levelHint(q: string): RegionLevel | undefined {
  if (/(省|自治区)$/.test(q)) return 'province';
  if (/(州|盟|地区)$/.test(q)) return 'city';
  if (/(县|区|旗)$/.test(q)) return 'county';
  return undefined;
}

function hanScorer(q: string): (e: Entry) => number {
  const stem = q.replace(/(省|市|自治区|自治州|州|地区|盟|县|区|旗)$/, '');
  const hint = levelHint(q);
  return ({ region: r }) => {
    if (r.name === q) return 100;
    if (r.shortName === q) return 90;
    if (stem !== q && stem.length >= 2 && r.shortName === stem) return r.level === hint ? 88 : 84;
    if (r.name.startsWith(q)) return 70;
    if (r.name.includes(q)) return 50;
    return 0;
  };
}

function latinScorer(q: string): (e: Entry) => number {
  if (!/^[a-z]+$/.test(q)) return () => 0;
  return (e) => {
    if (e.pinyin === q) return 100;
    if (e.shortPinyin === q) return 90;
    if (e.shortInitials === q) return 80;
    if (e.region.initials === q) return 75;
    if (e.pinyin.startsWith(q)) return 70;
    if (e.region.initials.startsWith(q)) return 60;
    if (q.length >= 3 && e.pinyin.includes(q)) return 30;
    return 0;
  };
}
