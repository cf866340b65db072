/** The geo grid against brute force: distances, order (nearest and farthest first) and radius, through writes. */
import { geoDistance } from '../geo.js';
import type { SearchDocument } from '../search.port.js';
import { EmbeddedSearchEngine } from './embedded-search.engine.js';
import { Bitmap } from './bitmap.js';
import { GeoBatch, GeoIndex } from './geo-index.js';

function prng(seed: number) {
  return (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
const rnd = prng(3);
const CENTRES = [[24.48, 118.09], [30.27, 120.16], [35.6, 103.21], [30.3, 109.48], [-33.9, 151.2], [64.1, -21.9], [0.1, 179.95], [0.1, -179.95], [89.9, 10]];
const point = () => {
  const [lat, lng] = CENTRES[rnd(CENTRES.length)];
  const spread = [0, 0.001, 0.05, 1, 8][rnd(5)];
  return { lat: Math.max(-90, Math.min(90, lat + (rnd(2001) - 1000) / 1000 * spread)), lng: Math.max(-180, Math.min(180, lng + (rnd(2001) - 1000) / 1000 * spread)) };
};

describe('geo index against brute force', () => {
  const geo = new GeoIndex();
  const points = new Map<number, { lat: number; lng: number }>();
  const write = (ids: number[], remove: boolean) => {
    const batch = new GeoBatch();
    for (const id of ids) {
      const p = remove ? points.get(id) : point();
      if (!p) continue;
      geo.collect({ _geo: p }, id, batch);
      if (remove) points.delete(id);
      else points.set(id, p);
    }
    if (remove) geo.remove(batch);
    else geo.add(batch);
  };

  it('orders a bucket by distance and filters by radius exactly, through adds and removes', () => {
    write(Array.from({ length: 3000 }, (_, i) => i), false);
    write(Array.from({ length: 400 }, () => rnd(3000)), true);
    for (let round = 0; round < 24; round++) {
      const from = point();
      const bucket = Bitmap.from([...points.keys()].filter(() => rnd(3) > 0 || round % 2 === 0));
      const distance = (id: number) => geoDistance(from.lat, from.lng, points.get(id)!.lat, points.get(id)!.lng);
      const inBucket = [...points.keys()].filter((id) => bucket.has(id));
      for (const desc of [false, true]) {
        const expected = inBucket.map((id) => [id, distance(id)]).sort((a, b) => (desc ? b[1] - a[1] : a[1] - b[1]) || a[0] - b[0]);
        const actual = [...geo.byDistance(from, bucket, desc, 0)].flatMap(([ids, metres]) => [...ids].map((id) => [id, metres]));
        expect(actual).toEqual(expected);
      }
      const metres = [10, 5_000, 120_000, 1_500_000][round % 4];
      const within = [...points.keys()].filter((id) => distance(id) <= metres).sort((a, b) => a - b);
      expect(geo.radius(from, metres).toArray()).toEqual(within);
    }
  });
});

describe('embedded engine geo sort against brute force', () => {
  it('pages through documents by distance, then by the next sort key, lacking _geo last', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex('geo', { primaryKey: 'id', searchableAttributes: ['t'], filterableAttributes: ['k'], sortableAttributes: ['w'], geo: true });
    const docs: SearchDocument[] = Array.from({ length: 2500 }, (_, id) => ({ id, t: 'x', k: rnd(3), w: rnd(5), ...(rnd(10) ? { _geo: point() } : {}) }));
    // identical points: ties broken by the next sort key
    for (let i = 0; i < 200; i++) docs[i]._geo = { lat: 30.27, lng: 120.16 };
    await engine.upsert('geo', docs);
    const from = { lat: 30.2, lng: 120.1 };
    const d = (doc: SearchDocument) => {
      const g = doc._geo as { lat: number; lng: number } | undefined;
      return g ? geoDistance(from.lat, from.lng, g.lat, g.lng) : Infinity;
    };
    // Meilisearch's rule: distances within 1 m of the first of a group tie, and the next key orders the group
    const byDistance = docs.filter((doc) => doc.k !== 0).sort((a, b) => d(a) - d(b) || (a.id as number) - (b.id as number));
    const expected: SearchDocument[] = [];
    for (let start = 0; start < byDistance.length; ) {
      let end = start + 1;
      while (end < byDistance.length && (d(byDistance[end]) - d(byDistance[start]) <= 1 || d(byDistance[start]) === Infinity)) end++;
      expected.push(...byDistance.slice(start, end).sort((a, b) => (b.w as number) - (a.w as number) || (a.id as number) - (b.id as number)));
      start = end;
    }
    for (const [offset, limit] of [[0, 50], [180, 40], [900, 100]]) {
      const result = await engine.search('geo', { filter: [{ field: 'k', op: 'neq', value: 0 }], sort: [{ geoPoint: from }, { field: 'w', direction: 'desc' }], offset, limit });
      expect(result.hits.map((h) => h.id)).toEqual(expected.slice(offset, offset + limit).map((doc) => doc.id));
      expect(result.hits.map((h) => h._geoDistance ?? null)).toEqual(expected.slice(offset, offset + limit).map((doc) => (doc._geo ? Math.round(d(doc)) : null)));
    }
    const total = (await engine.search('geo', { filter: [{ op: 'geoRadius', ...from, metres: 20_000 }], limit: 0 })).estimatedTotalHits;
    expect(total).toBe(docs.filter((doc) => d(doc) <= 20_000).length);
  });
});
