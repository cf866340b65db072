import { SearchDocumentError, SearchQueryError, SearchSettingsError } from './search.errors.js';
import type { IndexSettings } from './search.port.js';
import { documentId, getPath, resolveSettings, validateQuery } from './search.validation.js';

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
