/**
 * Contract, part two: what the job-order and worker searches need — geo sort and radius, typo tolerance on
 * latin (pinyin) input, highlighting, and the filters and facets of the job search (region codes, category,
 * wage, benefits, start date, accessibility). Registered by `describeSearchContract` (search.contract.ts).
 */
import { geoDistance } from './geo.js';
import { SearchDocumentError, SearchQueryError } from './search.errors.js';
import type { IndexSettings, SearchDocument, SearchEngine, SearchQuery } from './search.port.js';

export const ORDER_SETTINGS: IndexSettings = {
  primaryKey: 'id',
  searchableAttributes: ['title', 'city', 'description'],
  filterableAttributes: ['provinceCode', 'cityCode', 'countyCode', 'wageMax', 'startDate'],
  facetAttributes: ['category', 'benefits', 'accessible'],
  sortableAttributes: ['wageMax', 'startDate'],
  pinyinAttributes: ['title', 'city'],
  synonyms: { 普工: ['操作工'], 操作工: ['普工'] },
  geo: true,
};

const region = (county: string) => ({ provinceCode: `${county.slice(0, 2)}0000`, cityCode: `${county.slice(0, 4)}00`, countyCode: county });

export const ORDER_DOCS: SearchDocument[] = [
  { id: 'o1', title: '电子厂长白班普工', city: '厦门', ...region('350206'), category: '电子', wageMax: 6500, benefits: ['dorm', 'meals', 'insurance'], startDate: 20270301, accessible: false, _geo: { lat: 24.513, lng: 118.146 }, description: '无尘车间，坐着上班' },
  { id: 'o2', title: '集美食品厂包装工', city: '厦门', ...region('350211'), category: '食品', wageMax: 5200, benefits: ['meals'], startDate: 20270315, accessible: true, _geo: { lat: 24.5759, lng: 118.0971 }, description: '白班，可带孩子' },
  { id: 'o3', title: '萧山服装厂缝纫工', city: '杭州', ...region('330109'), category: '服装', wageMax: 8000, benefits: ['dorm', 'travel'], startDate: 20270401, accessible: false, _geo: { lat: 30.162, lng: 120.264 }, description: '计件，多劳多得' },
  { id: 'o4', title: '嘉兴电子装配工', city: '嘉兴', ...region('330402'), category: '电子', wageMax: 7000, benefits: ['dorm', 'meals', 'insurance', 'travel'], startDate: 20270310, accessible: true, _geo: { lat: 30.747, lng: 120.783 }, description: '两班倒' },
  { id: 'o5', title: '宝安物流分拣员', city: '深圳', ...region('440306'), category: '物流', wageMax: 6000, benefits: ['insurance'], startDate: 20270501, accessible: false, _geo: { lat: 22.555, lng: 113.883 }, description: '联系电话 13800138000' },
  { id: 'o6', title: '扶贫车间手工编织', city: '临夏', ...region('622901'), category: '手工', wageMax: 3000, benefits: [], startDate: 20270201, accessible: true, _geo: { lat: 35.601, lng: 103.21 }, description: '在家门口就业' },
  { id: 'o7', title: '<script>alert(1)</script>电子厂操作工', city: '东莞', ...region('441900'), category: '电子', wageMax: 6800, benefits: ['dorm'], startDate: 20270320, accessible: false, _geo: { lat: 23.0207, lng: 113.7518 }, description: 'A&B "急招"' },
  { id: 'o8', title: 'Java开发工程师', city: '杭州', ...region('330106'), category: 'IT', wageMax: 20000, benefits: ['insurance'], startDate: 20270601, accessible: true, description: '远程面试' },
  { id: 'o9', title: '嘉祥石雕厂学徒', city: '济宁', ...region('370829'), category: '手工', wageMax: 4500, benefits: ['dorm', 'meals'], startDate: 20270305, accessible: false, _geo: { lat: 35.408, lng: 116.342 }, description: '包教包会' },
];

const XIAMEN = { lat: 24.4798, lng: 118.0894 };
const HANGZHOU = { lat: 30.2741, lng: 120.1551 };

export function defineJobOrderContract(engineOf: () => SearchEngine, run: string, created: string[]): void {
  const orders = `${run}_orders`;
  const search = (query: SearchQuery, index = orders) => engineOf().search(index, query);
  const ids = async (query: SearchQuery) => (await search(query)).hits.map((h) => h.id);
  const idSet = async (query: SearchQuery) => (await ids(query)).sort();
  const title = async (query: SearchQuery, id: string) => (await search({ ...query, limit: 100 })).hits.find((h) => h.id === id)?._formatted?.title;

  beforeAll(async () => {
    created.push(orders);
    await engineOf().ensureIndex(orders, ORDER_SETTINGS);
    await engineOf().upsert(orders, ORDER_DOCS);
  });

  describe('geo', () => {
    it('sorts by distance from a point, nearest first, returning _geoDistance in metres; documents without _geo last', async () => {
      const result = await search({ sort: [{ geoPoint: XIAMEN, direction: 'asc' }] });
      expect(result.hits.map((h) => h.id)).toEqual(['o1', 'o2', 'o7', 'o5', 'o3', 'o4', 'o9', 'o6', 'o8']);
      expect(result.hits.map((h) => h._geoDistance)).toEqual([6814, 10714, 470307, 479276, 667304, 745620, 1226699, 1888062, undefined]);
      const o4 = ORDER_DOCS[3]._geo as { lat: number; lng: number };
      expect(result.hits[5]._geoDistance).toBe(Math.round(geoDistance(XIAMEN.lat, XIAMEN.lng, o4.lat, o4.lng)));
      expect(result.hits[0]).toEqual({ ...ORDER_DOCS[0], _geoDistance: 6814 });
    });

    it('sorts farthest first with desc, and pages', async () => {
      expect(await ids({ sort: [{ geoPoint: XIAMEN, direction: 'desc' }], limit: 4 })).toEqual(['o6', 'o9', 'o4', 'o3']);
      expect(await ids({ sort: [{ geoPoint: XIAMEN, direction: 'desc' }], offset: 4, limit: 3 })).toEqual(['o5', 'o7', 'o2']);
    });

    it('sorts by distance after the text ranking, within filters', async () => {
      expect(await ids({ q: '厦门' })).toEqual(['o1', 'o2']);
      expect(await ids({ q: '厦门', sort: [{ geoPoint: HANGZHOU }] })).toEqual(['o2', 'o1']);
      const filter = [{ field: 'wageMax', op: 'gte', value: 6000 }] as const;
      expect(await ids({ filter: [...filter], sort: [{ geoPoint: HANGZHOU }], limit: 3 })).toEqual(['o3', 'o4', 'o1']);
    });

    it('filters within a radius, alone or in an OR group', async () => {
      expect(await idSet({ filter: [{ op: 'geoRadius', lat: XIAMEN.lat, lng: XIAMEN.lng, metres: 50_000 }] })).toEqual(['o1', 'o2']);
      expect(await idSet({ filter: [{ op: 'geoRadius', ...HANGZHOU, metres: 100_000 }] })).toEqual(['o3', 'o4']);
      expect(await idSet({ filter: [{ op: 'geoRadius', ...XIAMEN, metres: 8_000 }] })).toEqual(['o1']);
      const near = { op: 'geoRadius', ...HANGZHOU, metres: 20_000 } as const;
      expect(await idSet({ filter: [{ anyOf: [near, { field: 'cityCode', op: 'eq', value: '350200' }] }] })).toEqual(['o1', 'o2', 'o3']);
    });

    it('refuses malformed points and documents', async () => {
      const bad: SearchQuery[] = [
        { sort: [{ geoPoint: { lat: 91, lng: 0 } }] },
        { sort: [{ geoPoint: { lat: '24' as unknown as number, lng: 118 } }] },
        { filter: [{ op: 'geoRadius', lat: 0, lng: 0, metres: -1 }] },
      ];
      for (const query of bad) await expect(search(query)).rejects.toBeInstanceOf(SearchQueryError);
      await expect(engineOf().upsert(orders, [{ id: 'bad', title: 'x', _geo: { lat: 24 } }])).rejects.toBeInstanceOf(SearchDocumentError);
      await expect(engineOf().upsert(orders, [{ id: 'bad', title: 'x', _geo: { lat: 24, lng: 118, alt: 5 } }])).rejects.toBeInstanceOf(SearchDocumentError);
      expect(await engineOf().get(orders, 'bad')).toBeNull();
    });

    it('treats _geo: null as no location (dropped from the stored document)', async () => {
      const index = `${run}_geonull`;
      created.push(index);
      await engineOf().ensureIndex(index, ORDER_SETTINGS);
      await engineOf().upsert(index, [{ id: 'n1', title: '普工', _geo: null }, { id: 'n2', title: '普工', _geo: XIAMEN }]);
      expect(await engineOf().get(index, 'n1')).toEqual({ id: 'n1', title: '普工' });
      const result = await search({ sort: [{ geoPoint: HANGZHOU }] }, index);
      expect(result.hits.map((h) => [h.id, h._geoDistance === undefined])).toEqual([['n2', false], ['n1', true]]);
    });
  });

  describe('typo tolerance on latin input', () => {
    it('matches pinyin with one typo from 5 letters (swap, missing or extra letter)', async () => {
      expect(await idSet({ q: 'xaimen' })).toEqual(['o1', 'o2']);
      expect(await idSet({ q: 'hangzhuo' })).toEqual(['o3', 'o8']);
      expect(await idSet({ q: 'shenzen' })).toEqual(['o5']);
      expect(await idSet({ q: 'xiamn ' })).toEqual(['o1', 'o2']);
    });

    it('ranks exact matches before typo matches, before the sort', async () => {
      expect(await ids({ q: 'jiaxiang ' })).toEqual(['o9', 'o4']);
      expect(await ids({ q: 'jiaxing ', sort: [{ field: 'wageMax', direction: 'asc' }] })).toEqual(['o4', 'o9']);
      expect(await ids({ q: 'jiaxiang ', sort: [{ field: 'wageMax', direction: 'desc' }] })).toEqual(['o9', 'o4']);
    });

    it('allows no typo below 5 letters, none on the first letter below 9, two from 9', async () => {
      expect(await idSet({ q: 'xmen ' })).toEqual([]);
      expect(await idSet({ q: 'ziamen ' })).toEqual([]);
      expect(await idSet({ q: 'dianzichagn ' })).toEqual(['o1', 'o7']);
      expect(await idSet({ q: 'tianzichang ' })).toEqual(['o1', 'o7']);
      expect(await idSet({ q: 'dianzhichagn ' })).toEqual(['o1', 'o7']);
    });

    it('never applies typos to numbers or Chinese', async () => {
      expect(await idSet({ q: '13800138000 ' })).toEqual(['o5']);
      expect(await idSet({ q: '13800138001 ' })).toEqual([]);
      expect(await idSet({ q: '厦们' })).toEqual([]);
      expect(await idSet({ q: '电子厂长白斑' })).toEqual([]);
    });
  });

  describe('highlighting', () => {
    it('wraps the matched characters, a Chinese sub-word too, in <em>', async () => {
      expect(await title({ q: '电子', highlight: ['title'] }, 'o1')).toBe('<em>电子</em>厂长白班普工');
      expect(await title({ q: '长白班', highlight: ['title'] }, 'o1')).toBe('电子厂<em>长白班</em>普工');
      const both = await search({ q: '厦门 白班', highlight: ['title', 'city', 'description'] });
      expect(Object.fromEntries(both.hits.map((h) => [h.id, h._formatted]))).toEqual({
        o1: { title: '电子厂长<em>白班</em>普工', city: '<em>厦门</em>', description: '无尘车间，坐着上班' },
        o2: { title: '集美食品厂包装工', city: '<em>厦门</em>', description: '<em>白班</em>，可带孩子' },
      });
    });

    it('escapes HTML of the source text before wrapping', async () => {
      const formatted = (await search({ q: '电子厂', highlight: ['title', 'description'], filter: [{ field: 'cityCode', op: 'eq', value: '441900' }] })).hits[0]._formatted;
      expect(formatted).toEqual({
        title: '&lt;script&gt;alert(1)&lt;/script&gt;<em>电子厂</em>操作工',
        description: 'A&amp;B &quot;急招&quot;',
      });
      expect(await title({ highlight: ['title'] }, 'o7')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;电子厂操作工');
    });

    it('highlights pinyin, typo, prefix and synonym matches, with custom tags', async () => {
      expect(await title({ q: 'jiaxing', highlight: ['title'], highlightPreTag: '<b>', highlightPostTag: '</b>' }, 'o4')).toBe('<b>嘉兴</b>电子装配工');
      expect(await title({ q: 'hangzhuo', highlight: ['title', 'city'] }, 'o8')).toBe('Java开发工程师');
      expect((await search({ q: 'hangzhuo', highlight: ['city'] })).hits.map((h) => h._formatted?.city)).toEqual(['<em>杭州</em>', '<em>杭州</em>']);
      expect(await title({ q: 'jav', highlight: ['title'] }, 'o8')).toBe('<em>Jav</em>a开发工程师');
      expect(await title({ q: '普工', highlight: ['title'] }, 'o7')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;电子厂<em>操作工</em>');
    });

    it('refuses to highlight an attribute that is not searchable', async () => {
      await expect(search({ q: 'x', highlight: ['category'] })).rejects.toBeInstanceOf(SearchQueryError);
    });
  });

  describe('job search filters and facets', () => {
    it('filters by region codes (strings), with in and anyOf', async () => {
      expect(await idSet({ filter: [{ field: 'provinceCode', op: 'eq', value: '330000' }] })).toEqual(['o3', 'o4', 'o8']);
      expect(await idSet({ filter: [{ field: 'cityCode', op: 'eq', value: '350200' }] })).toEqual(['o1', 'o2']);
      expect(await idSet({ filter: [{ field: 'countyCode', op: 'in', value: ['330109', '330402'] }] })).toEqual(['o3', 'o4']);
      const anyOf = [{ field: 'cityCode', op: 'eq', value: '350200' }, { field: 'countyCode', op: 'eq', value: '622901' }] as const;
      expect(await idSet({ filter: [{ anyOf: [...anyOf] }] })).toEqual(['o1', 'o2', 'o6']);
    });

    it("filters by the worker's minimum wage, start dates, benefits (arrays) and accessibility (booleans)", async () => {
      expect(await idSet({ filter: [{ field: 'wageMax', op: 'gte', value: 6500 }] })).toEqual(['o1', 'o3', 'o4', 'o7', 'o8']);
      const march = [{ field: 'startDate', op: 'gte', value: 20270301 }, { field: 'startDate', op: 'lte', value: 20270331 }] as const;
      expect(await idSet({ filter: [...march] })).toEqual(['o1', 'o2', 'o4', 'o7', 'o9']);
      const dormAndMeals = [{ field: 'benefits', op: 'eq', value: 'dorm' }, { field: 'benefits', op: 'eq', value: 'meals' }] as const;
      expect(await idSet({ filter: [...dormAndMeals] })).toEqual(['o1', 'o4', 'o9']);
      expect(await idSet({ filter: [{ field: 'benefits', op: 'in', value: ['travel', 'insurance'] }] })).toEqual(['o1', 'o3', 'o4', 'o5', 'o8']);
      expect(await idSet({ filter: [{ field: 'accessible', op: 'eq', value: true }] })).toEqual(['o2', 'o4', 'o6', 'o8']);
      expect(await idSet({ filter: [{ field: 'accessible', op: 'neq', value: true }] })).toEqual(['o1', 'o3', 'o5', 'o7', 'o9']);
    });

    it('counts facets of categories, benefit arrays and booleans under filters, with text and geo sort', async () => {
      const result = await search({
        filter: [{ field: 'wageMax', op: 'gte', value: 5000 }, { anyOf: [{ field: 'benefits', op: 'eq', value: 'dorm' }, { field: 'accessible', op: 'eq', value: true }] }],
        facets: ['category', 'benefits', 'accessible'],
        sort: [{ geoPoint: XIAMEN }],
      });
      expect(result.hits.map((h) => h.id)).toEqual(['o1', 'o2', 'o7', 'o3', 'o4', 'o8']);
      expect(result.facetDistribution).toEqual({
        category: { 电子: 3, IT: 1, 服装: 1, 食品: 1 },
        benefits: { dorm: 4, meals: 3, insurance: 3, travel: 2 },
        accessible: { false: 3, true: 3 },
      });
      const electronics = await search({ q: '电子', facets: ['accessible'], filter: [{ field: 'startDate', op: 'lt', value: 20270315 }] });
      expect([electronics.hits.map((h) => h.id), electronics.facetDistribution]).toEqual([['o1', 'o4'], { accessible: { false: 1, true: 1 } }]);
    });
  });
}
