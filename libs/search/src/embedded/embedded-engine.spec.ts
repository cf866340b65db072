/** Embedded-only checks: random writes, then every answer compared with a brute-force scan of the documents. */
import type { SearchDocument, SearchQuery } from '../search.port.js';
import { EmbeddedSearchEngine } from './embedded-search.engine.js';

function prng(seed: number) {
  return (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const CITIES = ['厦门', '杭州', '济宁', '临夏', '重庆', '恩施'];
const JOBS = ['电子厂普工', '操作工', '叉车司机', '缝纫工', '长白班装配工', '仓管员', '保洁员', '护林员'];
const PERKS = ['包吃住', '五险一金', '两班倒', '月薪过万', '坐班'];

function makeDoc(rnd: (n: number) => number, id: number): SearchDocument {
  const doc: SearchDocument = {
    id,
    title: `${CITIES[rnd(6)]}${JOBS[rnd(8)]}${PERKS[rnd(5)]}`,
    city: CITIES[rnd(6)],
    description: `${PERKS[rnd(5)]}，${JOBS[rnd(8)]}`,
  };
  if (rnd(10) > 0) doc.wage = 3000 + rnd(40) * 100;
  if (rnd(5) > 0) doc.postedAt = rnd(50);
  return doc;
}

const text = (doc: SearchDocument) => [doc.title, doc.city, doc.description].map(String);

describe('embedded engine against brute force', () => {
  const engine = new EmbeddedSearchEngine();
  const docs = new Map<number, SearchDocument>();
  const rnd = prng(7);

  beforeAll(async () => {
    await engine.ensureIndex('random', {
      primaryKey: 'id',
      searchableAttributes: ['title', 'city', 'description'],
      filterableAttributes: ['city', 'wage'],
      sortableAttributes: ['wage', 'postedAt'],
    });
  });

  const check = async () => {
    const all = [...docs.values()];
    // text: every Han word of the query is a substring of some searchable field
    for (const q of ['电子', '长白班', '杭州 包吃住', '叉车 五险一金', '班装', '厦门电子厂普工']) {
      const terms = q.split(' ');
      const expected = all.filter((d) => terms.every((t) => text(d).some((f) => f.includes(t)))).length;
      const result = await engine.search('random', { q, limit: 0 });
      if (q !== '厦门电子厂普工') expect([q, result.estimatedTotalHits]).toEqual([q, expected]);
      else expect(result.estimatedTotalHits).toBeGreaterThanOrEqual(expected);
    }
    // ranges and facets
    for (const [lo, hi] of [[4000, 5000], [3000, 3000], [6800, 10_000]]) {
      const query: SearchQuery = { filter: [{ field: 'wage', op: 'gte', value: lo }, { field: 'wage', op: 'lte', value: hi }], limit: 0, facets: ['city'] };
      const inRange = all.filter((d) => typeof d.wage === 'number' && d.wage >= lo && d.wage <= hi);
      const result = await engine.search('random', query);
      expect(result.estimatedTotalHits).toBe(inRange.length);
      const counts: Record<string, number> = {};
      for (const d of inRange) counts[d.city as string] = (counts[d.city as string] ?? 0) + 1;
      expect(result.facetDistribution?.city).toEqual(counts);
    }
    // sort: by wage desc then postedAt asc, missing last, ties by insertion (internal id) order
    const key = (d: SearchDocument, f: string) => (typeof d[f] === 'number' ? (d[f] as number) : undefined);
    const cmp = (a: SearchDocument, b: SearchDocument) => {
      for (const [f, dir] of [['wage', -1], ['postedAt', 1]] as const) {
        const [x, y] = [key(a, f), key(b, f)];
        if (x === y) continue;
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        return (x - y) * dir;
      }
      return 0;
    };
    const sorted = [...all].sort(cmp); // stable: Map order = insertion order of first upsert
    for (const [offset, limit] of [[0, 50], [37, 20], [Math.max(0, Math.min(990, all.length - 10)), 10], [400, 100]]) {
      const result = await engine.search('random', { sort: [{ field: 'wage', direction: 'desc' }, { field: 'postedAt' }], offset, limit });
      expect(result.hits.map((h) => [key(h, 'wage'), key(h, 'postedAt')])).toEqual(
        sorted.slice(offset, offset + limit).map((d) => [key(d, 'wage'), key(d, 'postedAt')]),
      );
    }
  };

  it('stays exact through inserts, replacements and deletes', async () => {
    let next = 0;
    for (let round = 0; round < 6; round++) {
      const batch: SearchDocument[] = [];
      for (let i = 0; i < 400; i++) {
        const id = round > 0 && rnd(3) === 0 ? rnd(next) : next++;
        batch.push(makeDoc(rnd, id));
      }
      await engine.upsert('random', batch);
      for (const doc of batch) {
        if (!docs.has(doc.id as number)) docs.set(doc.id as number, doc);
        else docs.set(doc.id as number, doc);
      }
      const gone = Array.from({ length: 40 }, () => rnd(next));
      await engine.delete('random', gone);
      for (const id of gone) docs.delete(id);
      expect((await engine.stats('random')).numberOfDocuments).toBe(docs.size);
      await check();
      // small writes after the sort order exists go through the incremental merge
      const small = [makeDoc(rnd, rnd(next)), makeDoc(rnd, next++)];
      await engine.upsert('random', small);
      for (const doc of small) docs.set(doc.id as number, doc);
      await check();
    }
  });
});
