import type { Settings } from 'meilisearch';
import type { SearchDocument } from '../search.port.js';
import { getPath, MAX_RESULT_WINDOW, type ResolvedIndexSettings } from '../search.validation.js';
import { analyzeQuery, chars, hanGrams, pinyinForSearch, segmentForSearch, textsOf } from '../tokenizer.js';
import { MIN_WORD_SIZE_ONE_TYPO, MIN_WORD_SIZE_TWO_TYPOS } from '../typo.js';

/** Whether a server version (`1.15.0`, `1.16.0-rc.1`…) accepts `typoTolerance.disableOnNumbers`. */
export function supportsDisableOnNumbers(version: string): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 1 || (major === 1 && minor >= 15);
}

/** Hidden field holding the pre-segmented text of a searchable attribute. */
export function segField(attribute: string): string {
  return `_seg_${attribute.replace(/\./g, '__')}`;
}
export const PINYIN_FIELD = '_py';

const isHidden = (key: string) => key.startsWith('_seg_') || key === PINYIN_FIELD;

/** The document plus its hidden search fields. */
export function toMeiliDocument(doc: SearchDocument, settings: ResolvedIndexSettings): SearchDocument {
  const out: SearchDocument = { ...doc };
  if (out._geo === null) delete out._geo; // the server refuses a null _geo; the embedded engine drops it too
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
 * treating the last word as a prefix when the user finished it. With `quoteNumbers` (servers before v1.15, which
 * lack `typoTolerance.disableOnNumbers`), a number long enough to get typos is sent as a one-word phrase, which
 * Meilisearch matches exactly.
 */
export function meiliQuery(q: string, keepWhole?: (chunk: string) => boolean, options: { quoteNumbers?: boolean } = {}): string {
  const terms = analyzeQuery(q, keepWhole);
  const words = terms.flatMap((t) => {
    if (t.han && chars(t.text).length >= 3) return hanGrams(t.text);
    const typoableNumber = options.quoteNumbers && !t.prefix && /^\p{N}+$/u.test(t.text) && t.text.length >= MIN_WORD_SIZE_ONE_TYPO;
    return [typoableNumber ? `"${t.text}"` : t.text];
  });
  if (words.length === 0) return '';
  return words.join(' ') + (terms.at(-1)!.prefix ? '' : ' ');
}

/**
 * Index settings. Typo tolerance keeps Meilisearch's defaults (one typo from 5 letters, two from 9), which the
 * embedded engine copies; `disableOnNumbers` only where the server knows it (v1.15 and later). With `geo`,
 * `_geo` becomes filterable and sortable (needed by `_geoRadius` and `_geoPoint`).
 */
export function meiliSettings(settings: ResolvedIndexSettings, server: { disableOnNumbers?: boolean } = {}): Settings {
  const synonyms: Record<string, string[]> = {};
  for (const [word, list] of Object.entries(settings.synonyms)) {
    const key = meiliQuery(word, () => true).trim();
    if (key) synonyms[key] = list.map((s) => meiliQuery(s, () => true).trim()).filter(Boolean);
  }
  return {
    searchableAttributes: [...settings.searchableAttributes.map(segField), PINYIN_FIELD],
    filterableAttributes: settings.geo ? [...settings.filterableAttributes, '_geo'] : settings.filterableAttributes,
    sortableAttributes: settings.geo ? [...settings.sortableAttributes, '_geo'] : settings.sortableAttributes,
    rankingRules: settings.rankingRules,
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: MIN_WORD_SIZE_ONE_TYPO, twoTypos: MIN_WORD_SIZE_TWO_TYPOS },
      ...(server.disableOnNumbers ? { disableOnNumbers: true } : {}),
    },
    synonyms,
    faceting: { maxValuesPerFacet: settings.maxValuesPerFacet, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_RESULT_WINDOW },
    localizedAttributes: [{ attributePatterns: ['_seg_*'], locales: ['cmn'] }],
  };
}
