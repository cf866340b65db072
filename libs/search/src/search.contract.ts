/**
 * Behaviour every `SearchEngine` adapter must show. Used by one spec per adapter:
 *
 *   await describeSearchContract('embedded', async () => new EmbeddedSearchEngine());
 *
 * The factory may return `{ skip: reason }` (e.g. no Meilisearch server answers): the tests are then registered
 * as skipped, visibly, with the reason printed.
 */
import { SearchQueryError } from './search.errors.js';
import type { IndexSettings, SearchDocument, SearchEngine, SearchQuery } from './search.port.js';
import { defineJobOrderContract } from './search.contract.jobs.js';

export type ContractEngineFactory = () => Promise<SearchEngine | { skip: string }>;

export const CONTRACT_SETTINGS: IndexSettings = {
  primaryKey: 'id',
  searchableAttributes: ['title', 'tags', 'city', 'description'],
  filterableAttributes: ['city', 'wage', 'remote'],
  facetAttributes: ['city', 'category', 'tags'],
  sortableAttributes: ['wage', 'postedAt'],
  pinyinAttributes: ['title', 'city'],
  synonyms: { 普工: ['操作工'], 操作工: ['普工'] },
};

export const CONTRACT_DOCS: SearchDocument[] = [
  { id: 'j1', title: '电子厂长白班操作工', city: '厦门', category: '电子', wage: 6000, tags: ['包吃住', '五险一金'], description: '坐着上班，无尘车间', postedAt: 5 },
  { id: 'j2', title: '厦门电子厂普工包吃住月薪6000', city: '厦门', category: '电子', wage: 5500, tags: ['包吃住'], description: '男女不限', postedAt: 3 },
  { id: 'j3', title: '叉车司机', city: '杭州', category: '物流', wage: 7000, tags: ['五险一金'], description: '持证上岗', postedAt: 4 },
  { id: 'j4', title: '服装厂缝纫工', city: '济宁', category: '服装', wage: 6500, tags: [], description: '计件工资，多劳多得', postedAt: 1 },
  { id: 'j5', title: '仓库管理员', city: '杭州', category: '物流', wage: 5000, description: '会开叉车优先', postedAt: 2 },
  { id: 'j6', title: 'Java开发工程师', city: '厦门', category: 'IT', wage: 15000, description: 'Spring Boot', postedAt: 6 },
  { id: 'j7', title: '护林员（公益性岗位）', city: '临夏', category: '公益', description: '和政县本地岗位', postedAt: 7, remote: false },
  { id: 'j8', title: 'ＡＢＣ电子装配工', city: '重庆', category: '电子', wage: 5800, description: '两班倒', postedAt: 8 },
];

const ALL_IDS = CONTRACT_DOCS.map((d) => d.id as string);

export async function describeSearchContract(name: string, makeEngine: ContractEngineFactory): Promise<void> {
  const made = await makeEngine();
  if ('skip' in made) {
    console.warn(`[search contract] "${name}" NOT TESTED, skipped: ${made.skip}`);
    describe.skip(`search contract: ${name} (skipped: ${made.skip})`, () => defineContract(() => undefined as never));
    return;
  }
  describe(`search contract: ${name}`, () => defineContract(() => made));
}

function defineContract(engineOf: () => SearchEngine): void {
  const run = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const created: string[] = [];
  const jobs = `${run}_jobs`;

  const fresh = async (suffix: string, docs: SearchDocument[] = CONTRACT_DOCS) => {
    const name = `${run}_${suffix}`;
    created.push(name);
    await engineOf().ensureIndex(name, CONTRACT_SETTINGS);
    if (docs.length) await engineOf().upsert(name, docs);
    return name;
  };
  const ids = async (query: SearchQuery, index = jobs) => (await engineOf().search(index, query)).hits.map((h) => h.id);
  const idSet = async (query: SearchQuery, index = jobs) => (await ids(query, index)).sort();

  beforeAll(async () => {
    await fresh('jobs');
  });
  afterAll(async () => {
    for (const name of created) await engineOf().dropIndex(name).catch(() => undefined);
  });

  describe('indexing and text search', () => {
    it('reports health and stats', async () => {
      expect((await engineOf().health()).ok).toBe(true);
      expect(await engineOf().hasIndex(jobs)).toBe(true);
      expect((await engineOf().stats(jobs)).numberOfDocuments).toBe(CONTRACT_DOCS.length);
    });

    it('returns every document in insertion order without a query, and hidden fields never leak', async () => {
      const result = await engineOf().search(jobs, {});
      expect(result.hits.map((h) => h.id)).toEqual(ALL_IDS);
      expect(result.estimatedTotalHits).toBe(CONTRACT_DOCS.length);
      expect(result.engine).toBe(engineOf().kind);
      expect(result.hits[0]).toEqual(CONTRACT_DOCS[0]);
    });

    it('gets a document by id, or null', async () => {
      expect(await engineOf().get(jobs, 'j3')).toEqual(CONTRACT_DOCS[2]);
      expect(await engineOf().get(jobs, 'nope')).toBeNull();
    });

    it('finds a whole word', async () => {
      expect(await idSet({ q: '叉车司机' })).toEqual(['j3']);
    });

    it('finds a Chinese word inside a longer word', async () => {
      expect(await idSet({ q: '电子' })).toEqual(['j1', 'j2', 'j8']);
      expect(await idSet({ q: '操作' })).toEqual(['j1']);
      expect(await idSet({ q: '长白班' })).toEqual(['j1']);
      expect(await idSet({ q: '缝纫' })).toEqual(['j4']);
    });

    it('requires every query word, each in any searchable attribute', async () => {
      expect(await idSet({ q: '杭州 叉车' })).toEqual(['j3', 'j5']);
      expect(await idSet({ q: '杭州 电子' })).toEqual([]);
      expect(await idSet({ q: '电子厂包吃住' })).toEqual(['j1', 'j2']);
    });

    it('ranks a match in a more important attribute first', async () => {
      expect(await ids({ q: '叉车' })).toEqual(['j3', 'j5']);
    });

    it('finds Chinese by pinyin, full or initials, and by a pinyin prefix', async () => {
      expect(await idSet({ q: 'xiamen' })).toEqual(['j1', 'j2', 'j6']);
      expect(await idSet({ q: 'xm' })).toEqual(['j1', 'j2', 'j6']);
      expect(await idSet({ q: 'hangzhou' })).toEqual(['j3', 'j5']);
      expect(await idSet({ q: 'xia' })).toEqual(['j1', 'j2', 'j6']);
    });

    it('does not turn a single Chinese character of the query into pinyin', async () => {
      expect(await idSet({ q: '峡' })).toEqual([]); // xiá, like 厦 (xià) of 厦门
    });

    it('matches the last query word as a prefix, the others as whole words', async () => {
      expect(await idSet({ q: 'jav' })).toEqual(['j6']);
      expect(await idSet({ q: '厦门 jav' })).toEqual(['j6']);
      expect(await idSet({ q: 'jav 厦门' })).toEqual([]);
    });

    it('folds full-width and upper-case latin, and keeps digits', async () => {
      expect(await idSet({ q: 'abc' })).toEqual(['j8']);
      expect(await idSet({ q: 'ＡＢＣ' })).toEqual(['j8']);
      expect(await idSet({ q: 'JAVA' })).toEqual(['j6']);
      expect(await idSet({ q: '6000' })).toEqual(['j2']);
    });

    it('applies synonyms both ways (普工 ↔ 操作工)', async () => {
      expect(await idSet({ q: '普工' })).toEqual(['j1', 'j2']);
      expect(await idSet({ q: '操作工' })).toEqual(['j1', 'j2']);
      expect(await idSet({ q: '厦门 普工' })).toEqual(['j1', 'j2']);
    });

    it('with matchingStrategy last, drops unmatched words from the end', async () => {
      expect(await idSet({ q: '缝纫工 火箭' })).toEqual([]);
      expect(await idSet({ q: '缝纫工 火箭', matchingStrategy: 'last' })).toEqual(['j4']);
    });
  });

  describe('structured filters', () => {
    it('filters by equality, in, neq and on array fields', async () => {
      expect(await idSet({ filter: [{ field: 'city', op: 'eq', value: '厦门' }] })).toEqual(['j1', 'j2', 'j6']);
      expect(await idSet({ filter: [{ field: 'city', op: 'in', value: ['杭州', '济宁'] }] })).toEqual(['j3', 'j4', 'j5']);
      expect(await idSet({ filter: [{ field: 'city', op: 'neq', value: '厦门' }] })).toEqual(['j3', 'j4', 'j5', 'j7', 'j8']);
      expect(await idSet({ filter: [{ field: 'tags', op: 'eq', value: '五险一金' }] })).toEqual(['j1', 'j3']);
    });

    it('filters numeric ranges', async () => {
      expect(await idSet({ filter: [{ field: 'wage', op: 'gte', value: 6000 }] })).toEqual(['j1', 'j3', 'j4', 'j6']);
      const between = [{ field: 'wage', op: 'gte', value: 5500 }, { field: 'wage', op: 'lte', value: 6500 }] as const;
      expect(await idSet({ filter: [...between] })).toEqual(['j1', 'j2', 'j4', 'j8']);
      expect(await idSet({ filter: [{ field: 'wage', op: 'gt', value: 6000 }, { field: 'wage', op: 'lt', value: 7000 }] })).toEqual(['j4']);
    });

    it('filters on presence and with OR groups', async () => {
      expect(await idSet({ filter: [{ field: 'wage', op: 'exists', value: false }] })).toEqual(['j7']);
      expect(await idSet({ filter: [{ field: 'wage', op: 'exists' }] })).toEqual(ALL_IDS.filter((id) => id !== 'j7').sort());
      const anyOf = [{ field: 'city', op: 'eq', value: '临夏' }, { field: 'wage', op: 'gte', value: 7000 }] as const;
      expect(await idSet({ filter: [{ anyOf: [...anyOf] }] })).toEqual(['j3', 'j6', 'j7']);
      expect(await idSet({ filter: [{ field: 'remote', op: 'eq', value: false }] })).toEqual(['j7']);
    });

    it('combines text and filters', async () => {
      expect(await idSet({ q: '电子', filter: [{ field: 'city', op: 'eq', value: '厦门' }] })).toEqual(['j1', 'j2']);
    });

    it('treats a filter value as data, never as filter syntax', async () => {
      for (const value of ['厦门" OR city = "杭州', "厦门' OR city = '杭州", '厦门\\', '厦门\\" OR wage > 0 OR city = \\"x']) {
        expect(await idSet({ filter: [{ field: 'city', op: 'eq', value }] })).toEqual([]);
      }
    });

    it('rejects unknown fields and malformed conditions with SearchQueryError', async () => {
      const bad: SearchQuery[] = [
        { filter: [{ field: 'salary', op: 'eq', value: 1 }] },
        { filter: [{ field: 'title', op: 'eq', value: 'x' }] },
        { filter: [{ field: 'wage', op: 'gte', value: '6000' as unknown as number }] },
        { filter: [{ field: 'city', op: 'like' as 'eq', value: 'x' }] },
        { filter: [{ field: 'city', op: 'in', value: [] }] },
        { filter: 'city = "厦门"' as unknown as [] },
        { sort: [{ field: 'title' }] },
        { facets: ['description'] },
        { limit: 101 },
        { offset: -1 },
      ];
      for (const query of bad) {
        await expect(engineOf().search(jobs, query)).rejects.toBeInstanceOf(SearchQueryError);
      }
      await expect(engineOf().search(jobs, bad[0])).rejects.toThrow(/salary/);
    });
  });

  describe('facets, sort and paging', () => {
    it('counts facet values among the matching documents', async () => {
      const all = await engineOf().search(jobs, { facets: ['city'], limit: 0 });
      expect(all.hits).toEqual([]);
      expect(all.facetDistribution?.city).toEqual({ 厦门: 3, 杭州: 2, 济宁: 1, 临夏: 1, 重庆: 1 });
      const electronics = await engineOf().search(jobs, { q: '电子', facets: ['city', 'category'] });
      expect(electronics.facetDistribution).toEqual({ city: { 厦门: 2, 重庆: 1 }, category: { 电子: 3 } });
      const filtered = await engineOf().search(jobs, { facets: ['tags'], filter: [{ field: 'city', op: 'eq', value: '厦门' }] });
      expect(filtered.facetDistribution?.tags).toEqual({ 包吃住: 2, 五险一金: 1 });
    });

    it('sorts, with documents lacking the field last', async () => {
      expect(await ids({ sort: [{ field: 'wage', direction: 'desc' }] })).toEqual(['j6', 'j3', 'j4', 'j1', 'j8', 'j2', 'j5', 'j7']);
      expect(await ids({ sort: [{ field: 'wage', direction: 'asc' }] })).toEqual(['j5', 'j2', 'j8', 'j1', 'j4', 'j3', 'j6', 'j7']);
      expect(await ids({ sort: [{ field: 'postedAt', direction: 'desc' }], filter: [{ field: 'city', op: 'eq', value: '杭州' }] })).toEqual(['j3', 'j5']);
      expect(await ids({ q: '电子', sort: [{ field: 'wage', direction: 'asc' }] })).toHaveLength(3);
    });

    it('pages without overlap and with a stable total', async () => {
      const query: SearchQuery = { sort: [{ field: 'wage', direction: 'desc' }], limit: 3 };
      const first = await engineOf().search(jobs, { ...query, offset: 0 });
      const second = await engineOf().search(jobs, { ...query, offset: 3 });
      const third = await engineOf().search(jobs, { ...query, offset: 6 });
      expect(first.hits.map((h) => h.id)).toEqual(['j6', 'j3', 'j4']);
      expect(second.hits.map((h) => h.id)).toEqual(['j1', 'j8', 'j2']);
      expect(third.hits.map((h) => h.id)).toEqual(['j5', 'j7']);
      expect([first, second, third].map((r) => r.estimatedTotalHits)).toEqual([8, 8, 8]);
      expect([first.offset, first.limit]).toEqual([0, 3]);
    });
  });

  defineJobOrderContract(engineOf, run, created);

  describe('writes', () => {
    it('replaces a whole document on upsert', async () => {
      const index = await fresh('update');
      await engineOf().upsert(index, [{ id: 'j3', title: '电工', city: '济宁', wage: 6800 }]);
      expect(await idSet({ q: '叉车司机' }, index)).toEqual([]);
      expect(await idSet({ q: '电工' }, index)).toEqual(['j3']);
      expect(await idSet({ filter: [{ field: 'tags', op: 'eq', value: '五险一金' }] }, index)).toEqual(['j1']);
      expect(await idSet({ filter: [{ field: 'city', op: 'eq', value: '济宁' }] }, index)).toEqual(['j3', 'j4']);
      expect(await engineOf().get(index, 'j3')).toEqual({ id: 'j3', title: '电工', city: '济宁', wage: 6800 });
      expect((await engineOf().stats(index)).numberOfDocuments).toBe(CONTRACT_DOCS.length);
    });

    it('removes deleted documents from text, filters and facets; ignores unknown ids', async () => {
      const index = await fresh('delete');
      await engineOf().delete(index, ['j4', 'j5', 'unknown']);
      expect(await idSet({ q: '缝纫' }, index)).toEqual([]);
      expect(await idSet({ q: '叉车' }, index)).toEqual(['j3']);
      expect(await engineOf().get(index, 'j4')).toBeNull();
      const facets = await engineOf().search(index, { facets: ['city'], limit: 0 });
      expect(facets.facetDistribution?.city).toEqual({ 厦门: 3, 杭州: 1, 临夏: 1, 重庆: 1 });
      expect((await engineOf().stats(index)).numberOfDocuments).toBe(6);
    });

    it('clears documents but keeps settings', async () => {
      const index = await fresh('clear');
      await engineOf().clear(index);
      expect((await engineOf().stats(index)).numberOfDocuments).toBe(0);
      const result = await engineOf().search(index, { q: '电子', filter: [{ field: 'city', op: 'eq', value: '厦门' }] });
      expect(result.hits).toEqual([]);
      await engineOf().upsert(index, [CONTRACT_DOCS[0]]);
      expect(await idSet({ q: '长白班' }, index)).toEqual(['j1']);
    });

    it('swaps two indexes (build aside, then swap)', async () => {
      const live = await fresh('live', [CONTRACT_DOCS[0]]);
      const next = await fresh('next', [CONTRACT_DOCS[2]]);
      await engineOf().swap(live, next);
      expect(await idSet({}, live)).toEqual(['j3']);
      expect(await idSet({}, next)).toEqual(['j1']);
      expect(await idSet({ q: '叉车' }, live)).toEqual(['j3']);
      await engineOf().dropIndex(next);
      expect(await engineOf().hasIndex(next)).toBe(false);
      expect(await idSet({ q: 'hangzhou' }, live)).toEqual(['j3']);
    });
  });
}
