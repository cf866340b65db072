import type { Settings } from 'meilisearch';
import type { SearchDocument } from '../search.port.js';
import { getPath, MAX_RESULT_WINDOW, type ResolvedIndexSettings } from '../search.validation.js';
import { analyzeQuery, chars, hanGrams, pinyinForSearch, segmentForSearch, textsOf } from '../tokenizer.js';

/** Hidden field holding the pre-segmented text of a searchable attribute. */
export function segField(attribute: string): string {
  return `_seg_${attribute.replace(/\./g, '__')}`;
}
export const PINYIN_FIELD = '_py';

const isHidden = (key: string) => key.startsWith('_seg_') || key === PINYIN_FIELD;

/** The document plus its hidden search fields. */
export function toMeiliDocument(doc: SearchDocument, settings: ResolvedIndexSettings): SearchDocument {
  const out: SearchDocument = { ...doc };
  for (const attribute of settings.searchableAttributes) {
    const texts = textsOf(getPath(doc, attribute));
    if (texts.length) out[segField(attribute)] = segmentForSearch(texts);
  }
  const pinyinTexts = settings.pinyinAttributes.flatMap((attribute) => textsOf(getPath(doc, attribute)));
  const py = pinyinTexts.length ? pinyinForSearch(pinyinTexts) : '';
  if (py) out[PINYIN_FIELD] = py;
  return out;
}

export function stripHidden<T extends SearchDocument>(doc: T): T {
  const out: SearchDocument = {};
  for (const [key, value] of Object.entries(doc)) if (!isHidden(key)) out[key] = value;
  return out as T;
}

/**
 * The query as words of the hidden fields: a Han term of three or more characters becomes its bigrams (which
 * every document holds for each Han run), so sub-words are found; the trailing space keeps Meilisearch from
 * treating the last word as a prefix when the user finished it.
 */
export function meiliQuery(q: string, keepWhole?: (chunk: string) => boolean): string {
  const terms = analyzeQuery(q, keepWhole);
  const words = terms.flatMap((t) => (t.han && chars(t.text).length >= 3 ? hanGrams(t.text) : [t.text]));
  if (words.length === 0) return '';
  return words.join(' ') + (terms.at(-1)!.prefix ? '' : ' ');
}

export function meiliSettings(settings: ResolvedIndexSettings): Settings {
  const synonyms: Record<string, string[]> = {};
  for (const [word, list] of Object.entries(settings.synonyms)) {
    const key = meiliQuery(word, () => true).trim();
    if (key) synonyms[key] = list.map((s) => meiliQuery(s, () => true).trim()).filter(Boolean);
  }
  return {
    searchableAttributes: [...settings.searchableAttributes.map(segField), PINYIN_FIELD],
    filterableAttributes: settings.filterableAttributes,
    sortableAttributes: settings.sortableAttributes,
    rankingRules: settings.rankingRules,
    synonyms,
    faceting: { maxValuesPerFacet: settings.maxValuesPerFacet, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_RESULT_WINDOW },
    localizedAttributes: [{ attributePatterns: ['_seg_*'], locales: ['cmn'] }],
  };
}
