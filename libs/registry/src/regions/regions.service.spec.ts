import { NotFoundError } from '@daogang/platform';
import { PAIRINGS } from './pairings.js';
import { RegionsService, shortNameOf } from './regions.service.js';

const regions = new RegionsService();
const names = (list: { name: string }[]) => list.map((r) => r.name);

describe('RegionsService lookups', () => {
  it('622925 is 和政县 in 临夏回族自治州, 甘肃省, centred near [103.35, 35.42]', () => {
    const ctx = regions.county('622925')!;
    expect(ctx.county).toMatchObject({ code: '622925', name: '和政县', shortName: '和政', level: 'county', pinyin: 'he zheng xian', initials: 'hzx' });
    expect(ctx.city).toMatchObject({ code: '622900', name: '临夏回族自治州', shortName: '临夏' });
    expect(ctx.province).toMatchObject({ code: '620000', name: '甘肃省' });
    const [lng, lat] = ctx.county.centre!;
    expect(lng).toBeCloseTo(103.35, 1);
    expect(lat).toBeCloseTo(35.42, 1);
    expect(ctx.county.approx).toBeUndefined();
  });

  it('350211 is 集美区 of 厦门市; 500101 is 万州区 of 重庆市', () => {
    expect(names(regions.chain('350211'))).toEqual(['福建省', '厦门市', '集美区']);
    expect(names(regions.chain('500101'))).toEqual(['重庆市', '重庆市', '万州区']);
    expect(regions.get('500101')?.pinyin).toBe('wan zhou qu');
  });

  it("Chongqing's counties hang under 500100 重庆市 like its districts", () => {
    expect(regions.get('500229')).toMatchObject({ name: '城口县', parentCode: '500100' });
    expect(regions.get('500200')).toBeUndefined();
    expect(regions.isWithin('500229', '500000')).toBe(true);
  });

  it('cities without counties are county-level: 东莞市 is its own county', () => {
    expect(regions.isCounty('441900')).toBe(true);
    const ctx = regions.county('441900')!;
    expect(ctx.county.code).toBe('441900');
    expect(ctx.city.code).toBe('441900');
    expect(ctx.province.name).toBe('广东省');
    expect(regions.get('441900')?.centre).toBeDefined();
  });

  it('isCounty is false for provinces, cities with counties and unknown codes', () => {
    expect(regions.isCounty('622925')).toBe(true);
    expect(regions.isCounty('622900')).toBe(false);
    expect(regions.isCounty('620000')).toBe(false);
    expect(regions.isCounty('999999')).toBe(false);
  });

  it('children lists the next level down', () => {
    expect(names(regions.children('622900'))).toEqual(
      expect.arrayContaining(['临夏市', '临夏县', '康乐县', '永靖县', '广河县', '和政县', '东乡族自治县', '积石山保安族东乡族撒拉族自治县']),
    );
    expect(regions.children('622900')).toHaveLength(8);
    expect(regions.children('622925')).toEqual([]);
    expect(regions.provinces()).toHaveLength(31);
  });

  it('unknown codes: undefined, empty, or NotFoundError from getOrThrow', () => {
    expect(regions.get('999999')).toBeUndefined();
    expect(regions.county('999999')).toBeUndefined();
    expect(regions.chain('999999')).toEqual([]);
    expect(regions.distanceKm('999999', '622925')).toBeUndefined();
    expect(regions.pairingOf('999999')).toEqual([]);
    expect(() => regions.getOrThrow('999999')).toThrow(NotFoundError);
    expect(() => regions.getOrThrow('999999')).toThrow('地区不存在：999999');
  });

  it('findByName matches official and short names', () => {
    expect(names(regions.findByName('和政'))).toEqual(['和政县']);
    expect(names(regions.findByName('和政县'))).toEqual(['和政县']);
    expect(regions.findByName('朝阳').length).toBeGreaterThanOrEqual(3); // 北京/长春 朝阳区, 朝阳市, 朝阳县
  });
});

describe('RegionsService.search', () => {
  const first = (q: string, level?: 'province' | 'city' | 'county') => regions.search(q, { level }).items[0]?.code;

  it('finds 和政县 by pinyin, initials and Chinese', () => {
    expect(first('hezheng')).toBe('622925');
    expect(first('HeZheng')).toBe('622925');
    expect(first('he zheng xian')).toBe('622925');
    expect(first('和政')).toBe('622925');
    expect(first('和政县')).toBe('622925');
    expect(regions.search('hz', { level: 'county', limit: 50 }).items.map((r) => r.code)).toContain('622925');
    expect(regions.search('hz', { within: '622900' }).items.map((r) => r.code)).toEqual(['622925']);
  });

  it('finds 临夏 (州, 市, 县) by short name, pinyin and initials; the prefecture first', () => {
    for (const q of ['临夏', 'linxia', '临夏州']) {
      expect(names(regions.search(q).items).slice(0, 3)).toEqual(['临夏回族自治州', '临夏市', '临夏县']);
    }
    expect(first('lx', 'city')).toBe('622900');
    expect(first('临夏县')).toBe('622921');
  });

  it('limits, filters by level and reports the total before the limit', () => {
    const result = regions.search('xian', { limit: 5 });
    expect(result.items).toHaveLength(5);
    expect(result.total).toBeGreaterThan(5);
    expect(regions.search('重庆', { level: 'province' }).items.map((r) => r.code)).toEqual(['500000']);
    expect(regions.search('', {}).items).toEqual([]);
    expect(regions.search('!!', {}).items).toEqual([]);
  });

  it("reads place names the local way (厦门 xia, 六安 lu, 都 du, 乐亭 lao, 单县 shan) and ü as v", () => {
    expect(first('xiamen')).toBe('350200');
    expect(first('luan', 'city')).toBe('341500');
    expect(first('chengdu')).toBe('510100');
    expect(first('laoting')).toBe('130225');
    expect(first('shanxian')).toBe('371722');
    expect(first('lvliang')).toBe('141100');
    expect(first('chongqing')).toBe('500000');
  });
});

describe('short names', () => {
  it.each([
    ['临夏回族自治州', '临夏'],
    ['和政县', '和政'],
    ['积石山保安族东乡族撒拉族自治县', '积石山'],
    ['东乡族自治县', '东乡'],
    ['恩施土家族苗族自治州', '恩施'],
    ['巴音郭楞蒙古自治州', '巴音郭楞'],
    ['广西壮族自治区', '广西'],
    ['内蒙古自治区', '内蒙古'],
    ['西藏自治区', '西藏'],
    ['新疆维吾尔自治区', '新疆'],
    ['神农架林区', '神农架'],
    ['清新区', '清新'],
    ['浦东新区', '浦东'],
    ['梅里斯达斡尔族区', '梅里斯'],
    ['忠县', '忠县'],
    ['城区', '城区'],
  ])('%s → %s', (name, short) => expect(shortNameOf(name)).toBe(short));

  it('every short name is a prefix of the official name', () => {
    for (const r of regions.all()) expect(r.name.startsWith(r.shortName)).toBe(true);
  });
});

describe('RegionsService.distanceKm', () => {
  it('临夏县 → 集美区 is about 1,890 km as the crow flies', () => {
    const km = regions.distanceKm('622921', '350211')!;
    expect(km).toBeGreaterThan(1850);
    expect(km).toBeLessThan(1920);
    expect(regions.distanceKm('350211', '622921')).toBe(km);
  });

  it('is 0 from a county to itself and small between neighbours', () => {
    expect(regions.distanceKm('622925', '622925')).toBe(0);
    expect(regions.distanceKm('622925', '622921')!).toBeLessThan(40); // 和政 ↔ 临夏县
    expect(regions.distanceKm('500101', '370811')!).toBeGreaterThan(850); // 万州 ↔ 济宁任城
  });
});

describe('east–west pairings', () => {
  it('every rule names known regions and has a unique id', () => {
    expect(regions.allPairings()).toHaveLength(PAIRINGS.length);
    expect(new Set(PAIRINGS.map((p) => p.id)).size).toBe(PAIRINGS.length);
  });

  it('和政县 ↔ 集美区 and 厦门市 (not 天津, whose 甘肃 rule leaves 临夏 to 厦门)', () => {
    const partners = regions.pairingOf('622925');
    expect(partners.every((m) => m.side === 'west')).toBe(true);
    expect(partners.map((m) => m.partner.name)).toEqual(['集美区', '厦门市']);
    expect(regions.arePaired('622925', '350211')).toBe(true); // 集美区
    expect(regions.arePaired('622925', '350203')).toBe(true); // 思明区, through 厦门市 ↔ 临夏州
    expect(regions.arePaired('350211', '622925')).toBe(true); // either order
    expect(regions.arePaired('622925', '120101')).toBe(false); // 天津 和平区
  });

  it('恩施市 ↔ 杭州市', () => {
    expect(regions.pairingOf('422801').map((m) => m.partner.name)).toEqual(['杭州市']);
    expect(regions.arePaired('422801', '330106')).toBe(true); // 西湖区
    expect(regions.arePaired('422801', '330282')).toBe(false); // 慈溪市 (宁波)
  });

  it('万州区 ↔ 济宁市 within 山东 ↔ 重庆: the nested rule adds to the broad one', () => {
    expect(regions.pairingOf('500101').map((m) => m.partner.name)).toEqual(['济宁市', '山东省']);
    expect(regions.arePaired('500101', '370811')).toBe(true); // 济宁 任城区
    expect(regions.arePaired('500229', '370202')).toBe(true); // 城口县 ↔ 青岛 市南区
  });

  it('青岛 ↔ 陇南; 天津 ↔ the rest of 甘肃', () => {
    expect(regions.arePaired('621202', '370202')).toBe(true); // 武都区 ↔ 市南区
    expect(regions.arePaired('621202', '120101')).toBe(false);
    expect(regions.arePaired('620502', '120101')).toBe(true); // 天水 秦州区 ↔ 天津 和平区
    const tianjin = regions.allPairings().find((p) => p.rule.id === 'tianjin-gansu')!;
    expect(names(tianjin.except)).toEqual(['定西市', '陇南市', '临夏回族自治州']);
  });

  it('an eastern county sees its western partners, with the parts its province rule leaves out', () => {
    const jimei = regions.pairingOf('350211');
    expect(jimei.every((m) => m.side === 'east')).toBe(true);
    expect(jimei.map((m) => m.partner.name)).toEqual(['和政县', '临夏回族自治州', '宁夏回族自治区']);
    const heping = regions.pairingOf('120101').find((m) => m.rule.id === 'tianjin-gansu')!;
    expect(heping.except.map((r) => r.code)).toEqual(['621100', '621200', '622900']);
  });

  it('a region in no pairing has none', () => {
    expect(regions.pairingOf('520102')).toEqual([]); // 贵阳 南明区
    expect(regions.arePaired('520102', '440103')).toBe(false);
  });
});
