/** Unit tests of the Meilisearch translation of geo, typo and highlight features, with a fake client (no server). */
import { decimal } from '../geo.js';
import { resolveSettings, validateQuery } from '../search.validation.js';
import { conditionToMeili, filterToMeili, sortToMeili } from './meili-filter.js';
import { meiliQuery, meiliSettings, supportsDisableOnNumbers, toMeiliDocument } from './meili-documents.js';
import { MeilisearchSearchEngine } from './meilisearch-search.engine.js';

const settings = resolveSettings({
  primaryKey: 'id',
  searchableAttributes: ['title', 'city'],
  filterableAttributes: ['cityCode', 'wageMax', 'benefits', 'accessible'],
  sortableAttributes: ['wageMax'],
  pinyinAttributes: ['title', 'city'],
  geo: true,
});

describe('Meilisearch translation: geo', () => {
  it('writes coordinates as plain decimals', () => {
    expect([decimal(24.4798), decimal(-118), decimal(1e-7), decimal(-2.5e-8)]).toEqual(['24.4798', '-118', '0.0000001', '-0.000000025']);
  });

  it('sorts by _geoPoint(lat, lng) and fields, in order', () => {
    const query = validateQuery(settings, { sort: [{ geoPoint: { lat: 24.4798, lng: 118.0894 } }, { field: 'wageMax', direction: 'desc' }] });
    expect(sortToMeili(query.sort)).toEqual(['_geoPoint(24.4798, 118.0894):asc', 'wageMax:desc']);
    expect(sortToMeili(validateQuery(settings, { sort: [{ geoPoint: { lat: -1e-7, lng: 0 }, direction: 'desc' }] }).sort)).toEqual(['_geoPoint(-0.0000001, 0):desc']);
  });

  it('filters by _geoRadius(lat, lng, metres), inside OR groups too', () => {
    expect(conditionToMeili({ op: 'geoRadius', lat: 30.2741, lng: 120.1551, metres: 50_000 })).toBe('_geoRadius(30.2741, 120.1551, 50000)');
    const query = validateQuery(settings, {
      filter: [{ anyOf: [{ op: 'geoRadius', lat: 24.48, lng: 118.09, metres: 1500.5 }, { field: 'cityCode', op: 'eq', value: '350200' }] }, { field: 'accessible', op: 'eq', value: true }],
    });
    expect(filterToMeili(query.filter)).toEqual(['(_geoRadius(24.48, 118.09, 1500.5) OR cityCode = "350200")', 'accessible = "true"']);
  });

  it('makes _geo filterable and sortable, and keeps it in documents', () => {
    const meili = meiliSettings(settings);
    expect(meili.filterableAttributes).toEqual(['cityCode', 'wageMax', 'benefits', 'accessible', '_geo']);
    expect(meili.sortableAttributes).toEqual(['wageMax', '_geo']);
    expect(meiliSettings(resolveSettings({ primaryKey: 'id', searchableAttributes: ['t'] })).sortableAttributes).toEqual([]);
    expect(toMeiliDocument({ id: 'o1', title: '厦门', _geo: { lat: 24.5, lng: 118.1 } }, settings)._geo).toEqual({ lat: 24.5, lng: 118.1 });
  });
});

describe('Meilisearch translation: typos', () => {
  it("keeps Meilisearch's typo sizes and disables typos on numbers where the server knows how (v1.15+)", () => {
    expect(meiliSettings(settings).typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
    expect(meiliSettings(settings, { disableOnNumbers: true }).typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnNumbers: true,
    });
    expect(['1.13.3', 'v1.14.0', '1.15.0', '1.16.0-rc.1', '2.0.0', 'nonsense', ''].map(supportsDisableOnNumbers)).toEqual([false, false, true, true, true, false, false]);
  });

  it('on older servers, sends numbers long enough to get typos as exact one-word phrases (not a typed prefix)', () => {
    expect(meiliQuery('电话 13800138000 ', undefined, { quoteNumbers: true })).toBe('电话 "13800138000" ');
    expect(meiliQuery('6000 厂', undefined, { quoteNumbers: true })).toBe('6000 厂');
    expect(meiliQuery('电话 1380013', undefined, { quoteNumbers: true })).toBe('电话 1380013');
    expect(meiliQuery('电话 13800138000 ')).toBe('电话 13800138000 ');
    expect(meiliQuery('hangzhuo')).toBe('hangzhuo');
  });
});

describe('Meilisearch engine requests (fake client)', () => {
  const calls: Array<[string, unknown]> = [];
  const done = () => ({ waitTask: async () => ({ status: 'succeeded', uid: 1 }) });
  const hits = [
    { id: 'o1', title: '<b>厦门</b>电子厂', city: '厦门', _seg_title: '厦门 电子厂', _py: 'xiamen xm', _geo: { lat: 24.5, lng: 118.1 }, _geoDistance: 6814 },
  ];
  const fake = (version: string) => ({
    getRawIndex: async () => ({ uid: 'jobs', primaryKey: 'id' }),
    getVersion: async () => ({ pkgVersion: version }),
    index: () => ({
      updateSettings: (body: unknown) => (calls.push(['settings', body]), done()),
      search: async (q: unknown, params: unknown) => (calls.push(['search', { q, ...(params as object) }]), { hits, estimatedTotalHits: 1 }),
    }),
  });
  const engine = async (version: string) => {
    const e = new MeilisearchSearchEngine({ host: 'http://127.0.0.1:1' });
    Object.defineProperty(e, 'client', { value: fake(version) });
    await e.ensureIndex('jobs', { primaryKey: 'id', searchableAttributes: ['title', 'city'], sortableAttributes: ['wageMax'], geo: true });
    return e;
  };
  beforeEach(() => calls.splice(0));

  it('sends geo sort and radius, and returns _geoDistance with our _formatted, hidden fields stripped', async () => {
    const e = await engine('1.16.0');
    expect((calls[0][1] as { typoTolerance: object }).typoTolerance).toMatchObject({ disableOnNumbers: true });
    const result = await e.search('jobs', {
      q: 'xiamen 13800138000 ',
      sort: [{ geoPoint: { lat: 24.4798, lng: 118.0894 } }],
      filter: [{ op: 'geoRadius', lat: 24.4798, lng: 118.0894, metres: 50_000 }],
      highlight: ['title', 'city'],
    });
    expect(calls[1][1]).toMatchObject({
      q: 'xiamen 13800138000 ',
      sort: ['_geoPoint(24.4798, 118.0894):asc'],
      filter: ['_geoRadius(24.4798, 118.0894, 50000)'],
    });
    expect(calls[1][1]).not.toHaveProperty('attributesToHighlight');
    expect(result.hits).toEqual([
      {
        id: 'o1', title: '<b>厦门</b>电子厂', city: '厦门', _geo: { lat: 24.5, lng: 118.1 }, _geoDistance: 6814,
        _formatted: { title: '&lt;b&gt;<em>厦门</em>&lt;/b&gt;电子厂', city: '<em>厦门</em>' },
      },
    ]);
  });

  it('quotes long numbers on servers before v1.15 and leaves disableOnNumbers out of the settings', async () => {
    const e = await engine('1.13.3');
    expect(calls[0][1]).toMatchObject({ typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } } });
    expect((calls[0][1] as { typoTolerance: object }).typoTolerance).not.toHaveProperty('disableOnNumbers');
    await e.search('jobs', { q: '13800138000 ' });
    expect(calls[1][1]).toMatchObject({ q: '"13800138000" ' });
  });
});
