import { filterLiteral, filterToMeili } from './meili-filter.js';
import { meiliQuery, meiliSettings, stripHidden, toMeiliDocument } from './meili-documents.js';
import { resolveSettings } from '../search.validation.js';

describe('Meilisearch filter strings', () => {
  it('quotes strings and escapes quotes and backslashes, leaving no way out of the literal', () => {
    expect(filterLiteral('厦门')).toBe('"厦门"');
    expect(filterLiteral('a"b')).toBe('"a\\"b"');
    expect(filterLiteral('a\\')).toBe('"a\\\\"');
    expect(filterLiteral('x" OR city = "y')).toBe('"x\\" OR city = \\"y"');
    expect(filterLiteral(true)).toBe('"true"');
    expect(filterLiteral(6000)).toBe('6000');
    expect(filterLiteral(-1.5)).toBe('-1.5');
    expect(filterLiteral(1e21)).toBe('"1e+21"');
  });

  it('turns the structured filter into Meilisearch syntax', () => {
    expect(
      filterToMeili([
        [{ field: 'city', op: 'in', value: ['厦门', '杭州'] }],
        [{ field: 'wage', op: 'gte', value: 5000 }],
        [{ field: 'wage', op: 'exists', value: false }, { field: 'remote', op: 'neq', value: true }],
        [{ field: 'region.code', op: 'exists', value: true }],
      ]),
    ).toEqual([
      'city IN ["厦门", "杭州"]',
      'wage >= 5000',
      '((wage NOT EXISTS OR wage IS NULL) OR remote != "true")',
      '(region.code EXISTS AND NOT region.code IS NULL)',
    ]);
  });
});

describe('Meilisearch documents and queries', () => {
  const settings = resolveSettings({
    primaryKey: 'id',
    searchableAttributes: ['title', 'place.city'],
    filterableAttributes: ['wage'],
    pinyinAttributes: ['place.city'],
    synonyms: { 普工: ['操作工'] },
  });

  it('adds hidden pre-segmented and pinyin fields, and strips them again', () => {
    const doc = { id: 'j1', title: '电子厂长白班操作工', place: { city: '厦门' }, wage: 6000 };
    const meili = toMeiliDocument(doc, settings);
    expect(String(meili._seg_title).split(/ ;? ?/)).toEqual(expect.arrayContaining(['电子厂', '长白班', '操作工', '长白', '白班']));
    expect(meili._seg_place__city).toContain('厦门');
    expect(String(meili._py).split(' ')).toEqual(expect.arrayContaining(['xiamen', 'xm']));
    expect(stripHidden(meili)).toEqual(doc);
  });

  it('sends long Chinese terms as bigrams and keeps the last latin word a prefix', () => {
    expect(meiliQuery('长白班')).toBe('长白 白班');
    expect(meiliQuery('厦门 普工 ')).toBe('厦门 普工 ');
    expect(meiliQuery('xia')).toBe('xia');
  });

  it('maps settings: hidden fields searchable in weight order, synonyms in query form', () => {
    const meili = meiliSettings(settings);
    expect(meili.searchableAttributes).toEqual(['_seg_title', '_seg_place__city', '_py']);
    expect(meili.synonyms).toEqual({ 普工: ['操作 作工'] });
    expect(meili.filterableAttributes).toEqual(['wage']);
  });
});
