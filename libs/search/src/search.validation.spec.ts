import { SearchDocumentError, SearchQueryError, SearchSettingsError } from './search.errors.js';
import type { IndexSettings, SearchQuery } from './search.port.js';
import { checkGeo, documentId, getPath, resolveSettings, validateQuery } from './search.validation.js';

const settings = resolveSettings({
  primaryKey: 'id',
  searchableAttributes: ['title', 'title'],
  filterableAttributes: ['city', 'wage'],
  facetAttributes: ['category'],
  sortableAttributes: ['wage'],
});

describe('settings', () => {
  it('fills defaults: facets are filterable, pinyin on every searchable attribute, Meilisearch ranking rules', () => {
    expect(settings.searchableAttributes).toEqual(['title']);
    expect(settings.filterableAttributes).toEqual(['city', 'wage', 'category']);
    expect(settings.facetAttributes).toEqual(['category']);
    expect(settings.pinyinAttributes).toEqual(['title']);
    expect(settings.rankingRules).toEqual(['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness']);
    expect(resolveSettings({ primaryKey: 'id', searchableAttributes: ['t'], filterableAttributes: ['c'] }).facetAttributes).toEqual(['c']);
  });

  it('refuses bad, reserved or keyword attribute names and unknown rules', () => {
    const bad: IndexSettings[] = [
      { primaryKey: 'id', searchableAttributes: [] },
      { primaryKey: 'a.b', searchableAttributes: ['t'] },
      { primaryKey: 'id', searchableAttributes: ['t'], filterableAttributes: ['city = "x"'] },
      { primaryKey: 'id', searchableAttributes: ['_seg_title'] },
      { primaryKey: 'id', searchableAttributes: ['t'], filterableAttributes: ['OR'] },
      { primaryKey: 'id', searchableAttributes: ['t'], pinyinAttributes: ['x'] },
      { primaryKey: 'id', searchableAttributes: ['t'], rankingRules: ['words', 'bogus' as 'words'] },
    ];
    for (const s of bad) expect(() => resolveSettings(s)).toThrow(SearchSettingsError);
  });
});

describe('queries', () => {
  it('applies defaults', () => {
    expect(validateQuery(settings, {})).toEqual({ q: '', filter: [], facets: [], sort: [], limit: 20, offset: 0, matchingStrategy: 'all' });
  });

  it('normalises the filter to AND of OR groups and exists to a boolean', () => {
    const q = validateQuery(settings, {
      filter: [{ field: 'wage', op: 'exists' }, { anyOf: [{ field: 'city', op: 'eq', value: 'a' }, { field: 'category', op: 'in', value: ['b'] }] }],
    });
    expect(q.filter).toEqual([
      [{ field: 'wage', op: 'exists', value: true }],
      [{ field: 'city', op: 'eq', value: 'a' }, { field: 'category', op: 'in', value: ['b'] }],
    ]);
  });

  it('rejects what the index cannot answer with a message naming the problem', () => {
    expect(() => validateQuery(settings, { filter: [{ field: 'salary', op: 'eq', value: 1 }] })).toThrow(/"salary".*city, wage, category/);
    expect(() => validateQuery(settings, { filter: [{ anyOf: [] }] })).toThrow(SearchQueryError);
    expect(() => validateQuery(settings, { filter: [{ field: 'wage', op: 'lt', value: Number.NaN }] })).toThrow(SearchQueryError);
    expect(() => validateQuery(settings, { filter: [{ field: 'city', op: 'eq', value: { $ne: 1 } as unknown as string }] })).toThrow(SearchQueryError);
    expect(() => validateQuery(settings, { limit: 1.5 })).toThrow(SearchQueryError);
    expect(() => validateQuery(settings, { offset: 990, limit: 20 })).toThrow(/1000/);
    expect(() => validateQuery(settings, { q: 'x'.repeat(300) })).toThrow(SearchQueryError);
    expect(() => validateQuery(settings, { sort: [{ field: 'wage', direction: 'up' as 'asc' }] })).toThrow(SearchQueryError);
    expect(() => validateQuery(settings, { matchingStrategy: 'frequency' as 'all' })).toThrow(SearchQueryError);
  });
});

describe('geo and highlight queries', () => {
  const geo = resolveSettings({ primaryKey: 'id', searchableAttributes: ['title'], sortableAttributes: ['wage'], geo: true });

  it('accepts a geo point sort and a radius filter on an index with geo: true', () => {
    const q = validateQuery(geo, {
      sort: [{ geoPoint: { lat: 24.48, lng: 118.09 } }, { field: 'wage', direction: 'desc' }],
      filter: [{ anyOf: [{ op: 'geoRadius', lat: 24.48, lng: 118.09, metres: 5000 }] }],
      highlight: ['title', 'title'],
    });
    expect(q.sort).toEqual([{ geoPoint: { lat: 24.48, lng: 118.09 }, direction: 'asc' }, { field: 'wage', direction: 'desc' }]);
    expect(q.filter).toEqual([[{ op: 'geoRadius', lat: 24.48, lng: 118.09, metres: 5000 }]]);
    expect(q.highlight).toEqual({ attributes: ['title'], preTag: '<em>', postTag: '</em>' });
    expect(validateQuery(geo, {}).highlight).toBeUndefined();
  });

  it('refuses geo on an index without it, bad points, radii and highlight requests', () => {
    expect(() => validateQuery(settings, { sort: [{ geoPoint: { lat: 0, lng: 0 } }] })).toThrow(/geo: true/);
    expect(() => validateQuery(settings, { filter: [{ op: 'geoRadius', lat: 0, lng: 0, metres: 1 }] })).toThrow(/geo: true/);
    const bad: SearchQuery[] = [
      { sort: [{ geoPoint: { lat: 90.5, lng: 0 } }] },
      { sort: [{ geoPoint: { lat: 0, lng: Number.NaN } }] },
      { sort: [{ geoPoint: null as unknown as { lat: number; lng: number } }] },
      { sort: [{ geoPoint: { lat: 0, lng: 0 } }, { geoPoint: { lat: 1, lng: 1 } }] },
      { filter: [{ op: 'geoRadius', lat: 0, lng: 0, metres: Number.POSITIVE_INFINITY }] },
      { filter: [{ op: 'geoRadius', lat: 0, lng: 200, metres: 1 }] },
      { highlight: ['wage'] },
      { highlight: 'title' as unknown as string[] },
      { highlight: ['title'], highlightPreTag: 'x'.repeat(101) },
    ];
    for (const query of bad) expect(() => validateQuery(geo, query)).toThrow(SearchQueryError);
  });

  it('checks _geo of documents when geo is on', () => {
    expect(() => checkGeo({ id: 1, _geo: { lat: 24.5, lng: 118.1 } }, geo)).not.toThrow();
    expect(() => checkGeo({ id: 1, _geo: null }, geo)).not.toThrow();
    expect(() => checkGeo({ id: 1 }, geo)).not.toThrow();
    for (const _geo of [{ lat: '24.5', lng: 118 }, { lat: 24.5 }, [24.5, 118], { lat: 95, lng: 0 }, { lat: 1, lng: 1, alt: 3 }]) {
      expect(() => checkGeo({ id: 1, _geo }, geo)).toThrow(SearchDocumentError);
    }
    expect(() => checkGeo({ id: 1, _geo: 'anything' }, settings)).not.toThrow();
  });
});

describe('documents', () => {
  it('accepts string and integer ids, refuses others', () => {
    expect(documentId({ id: 'job-1_a' }, 'id')).toBe('job-1_a');
    expect(documentId({ id: 42 }, 'id')).toBe('42');
    for (const id of [undefined, '', 'a b', '厦门', -1, 1.5, {}]) {
      expect(() => documentId({ id }, 'id')).toThrow(SearchDocumentError);
    }
  });

  it('reads dotted paths', () => {
    expect(getPath({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1);
    expect(getPath({ a: [{ b: 1 }] }, 'a.b')).toBeUndefined();
  });
});
