import type { SearchDocument } from '../search.port.js';
import { checkGeo, documentId, getPath, type ResolvedIndexSettings } from '../search.validation.js';
import { analyzeQuery, emptyTokens, isHan, normalizeText, textsOf, tokenizeForIndex, type QueryTerm } from '../tokenizer.js';
import { Bitmap } from './bitmap.js';
import { DocumentStore, KeyIndex } from './document-store.js';
import { FilterBatch, FilterField } from './field-indexes.js';
import { GeoBatch, GeoIndex } from './geo-index.js';
import { TypoDictionary } from './typo-dictionary.js';
import { SortField } from './sort-field.js';
import { PostingBatch, PostingMap } from './posting-map.js';

/** Latin words and pinyin are indexed under every prefix up to this length (type-ahead on the last term). */
export const MAX_PREFIX = 20;

/** Postings of one searchable attribute. */
export class AttributePostings {
  /** jieba search-mode words, latin words, numbers. */
  readonly words = new PostingMap();
  /** Han unigrams and bigrams. */
  readonly grams = new PostingMap();
  /** Pinyin (full and initials). */
  readonly pinyin = new PostingMap();
  /** Every prefix of latin words and pinyin. */
  readonly prefixes = new PostingMap();

  constructor(
    readonly attribute: string,
    readonly withPinyin: boolean,
  ) {}
}

class AttributeBatch {
  readonly words = new PostingBatch();
  readonly grams = new PostingBatch();
  readonly pinyin = new PostingBatch();
  readonly prefixes = new PostingBatch();
}

/** One in-process index: documents under uint32 ids, bitmap postings for text, filters, facets and sort. */
export class EmbeddedIndex {
  settings!: ResolvedIndexSettings;
  /** Documents by internal id, as JSON outside the heap; `docOf` parses one. */
  private readonly store = new DocumentStore();
  private readonly keys = new KeyIndex();
  readonly all = new Bitmap();
  attributes: AttributePostings[] = [];
  filters = new Map<string, FilterField>();
  sorts = new Map<string, SortField>();
  /** Normalised synonym key → analysed alternatives (each a list of terms, all required). */
  synonyms = new Map<string, QueryTerm[][]>();
  /** Locations, when the settings say `geo: true`. */
  geo: GeoIndex | undefined;
  /** Latin words and pinyin of every attribute, for typo tolerance. */
  readonly typos = new TypoDictionary();

  constructor(settings: ResolvedIndexSettings) {
    this.configure(settings);
  }

  get size(): number {
    return this.all.size;
  }

  internalId(pk: string): number | undefined {
    return this.keys.get(pk);
  }

  /** Internal ids are below this. */
  get idLimit(): number {
    return this.keys.next;
  }

  /** A fresh copy of the document (parsed from its stored JSON). */
  readonly docOf = (id: number): SearchDocument | undefined => this.store.get(id);

  /** Applies new settings and re-indexes the stored documents. */
  configure(settings: ResolvedIndexSettings): void {
    this.settings = settings;
    this.attributes = settings.searchableAttributes.map((a) => new AttributePostings(a, settings.pinyinAttributes.includes(a)));
    this.filters = new Map(settings.filterableAttributes.map((f) => [f, new FilterField(f, settings.facetAttributes.includes(f))]));
    this.sorts = new Map(settings.sortableAttributes.map((f) => [f, new SortField(f)]));
    this.geo = settings.geo ? new GeoIndex() : undefined;
    this.typos.invalidate();
    this.synonyms = new Map();
    for (const [word, alternatives] of Object.entries(settings.synonyms)) {
      const key = normalizeText(word);
      const list = this.synonyms.get(key) ?? [];
      for (const alt of alternatives) {
        const terms = analyzeQuery(alt).map((t) => ({ ...t, prefix: false }));
        if (terms.length) list.push(terms);
      }
      this.synonyms.set(key, list);
    }
    const ids = this.all.toUint32Array();
    if (ids.length) this.apply(Array.from(ids, (id) => [id, this.docOf(id)!] as [number, SearchDocument]), 'add');
  }

  /** Adds or replaces documents (validated first: a bad id rejects the whole batch). */
  upsert(docs: readonly SearchDocument[]): void {
    // stored as JSON, as a server would: callers may mutate their objects, dates become strings
    const byPk = new Map<string, string>();
    for (const doc of docs) {
      const pk = documentId(doc, this.settings.primaryKey);
      checkGeo(doc, this.settings);
      // `_geo: null` is dropped, as the Meilisearch adapter must (the server refuses it)
      byPk.set(pk, JSON.stringify(doc._geo === null ? { ...doc, _geo: undefined } : doc));
    }
    const stale: Array<[number, SearchDocument]> = [];
    const fresh: Array<[number, SearchDocument]> = [];
    for (const [pk, json] of byPk) {
      const { id, added } = this.keys.getOrAdd(pk);
      if (!added) stale.push([id, this.docOf(id)!]);
      fresh.push([id, JSON.parse(json) as SearchDocument]);
      this.store.set(id, json);
    }
    if (stale.length) this.unindex(stale);
    this.apply(fresh, 'add');
    this.all.addMany(Uint32Array.from(fresh, ([id]) => id));
  }

  delete(pks: readonly string[]): void {
    const stale: Array<[number, SearchDocument]> = [];
    for (const pk of new Set(pks)) {
      const id = this.keys.get(pk);
      if (id === undefined) continue;
      stale.push([id, this.docOf(id)!]);
      this.keys.delete(pk);
      this.store.delete(id);
    }
    if (stale.length) this.unindex(stale);
  }

  clear(): void {
    this.store.clear();
    this.keys.clear();
    this.all.clear();
    this.configure(this.settings);
  }

  private unindex(entries: Array<[number, SearchDocument]>): void {
    this.apply(entries, 'remove');
    this.all.removeMany(Uint32Array.from(entries, ([id]) => id));
  }

  /** Every latin word and pinyin of the index (the typo dictionary's source). */
  *latinWords(): Iterable<string> {
    for (const attr of this.attributes) {
      for (const word of attr.words.keys()) if (isTypoWord(word)) yield word;
      yield* attr.pinyin.keys();
    }
  }

  private apply(entries: Array<[number, SearchDocument]>, mode: 'add' | 'remove'): void {
    const attrBatches = this.attributes.map(() => new AttributeBatch());
    const filters = [...this.filters.values()];
    const filterBatches = filters.map(() => new FilterBatch());
    const geoBatch = new GeoBatch();
    for (const [id, doc] of entries) {
      for (let i = 0; i < this.attributes.length; i++) collectText(doc, id, this.attributes[i], attrBatches[i]);
      for (let i = 0; i < filters.length; i++) filters[i].collect(doc, id, filterBatches[i]);
      this.geo?.collect(doc, id, geoBatch);
    }
    const added = (word: string) => isTypoWord(word) && this.typos.added(word);
    const gone = (word: string) => isTypoWord(word) && this.typos.removed();
    this.attributes.forEach((attr, i) => {
      const batch = attrBatches[i];
      for (const kind of ['words', 'grams', 'pinyin', 'prefixes'] as const) {
        const dictionary = kind === 'words' || kind === 'pinyin';
        if (mode === 'add') attr[kind].addBatch(batch[kind], dictionary ? added : undefined);
        else attr[kind].removeBatch(batch[kind], dictionary ? gone : undefined);
      }
    });
    filters.forEach((field, i) => (mode === 'add' ? field.add(filterBatches[i]) : field.remove(filterBatches[i])));
    if (mode === 'add') this.geo?.add(geoBatch);
    else this.geo?.remove(geoBatch);
    for (const sort of this.sorts.values()) for (const [id, doc] of entries) sort.update(id, mode === 'add' ? doc : undefined);
  }
}

/** Latin words (not numbers, not Chinese) are typo candidates. */
function isTypoWord(word: string): boolean {
  return !isHan(word) && !/^\p{N}+$/u.test(word);
}

const prefixCache = new Map<string, readonly string[]>();

/** Prefixes of a latin word or pinyin, 1..MAX_PREFIX characters (memoised: the same words recur). */
function prefixesOf(word: string): readonly string[] {
  let prefixes = prefixCache.get(word);
  if (!prefixes) {
    const list: string[] = [];
    for (let n = 1; n <= Math.min(word.length, MAX_PREFIX); n++) list.push(word.slice(0, n));
    prefixes = list;
    if (prefixCache.size >= 200_000) prefixCache.clear();
    prefixCache.set(word, prefixes);
  }
  return prefixes;
}

function collectText(doc: SearchDocument, id: number, attr: AttributePostings, batch: AttributeBatch): void {
  const texts = textsOf(getPath(doc, attr.attribute));
  if (texts.length === 0) return;
  const tokens = emptyTokens();
  for (const text of texts) tokenizeForIndex(text, attr.withPinyin, tokens);
  const prefixed = new Set<string>();
  for (const word of tokens.words) {
    batch.words.add(word, id);
    if (!isHan(word)) for (const prefix of prefixesOf(word)) prefixed.add(prefix);
  }
  for (const gram of tokens.grams) batch.grams.add(gram, id);
  for (const py of tokens.pinyin) {
    batch.pinyin.add(py, id);
    for (const prefix of prefixesOf(py)) prefixed.add(prefix);
  }
  for (const prefix of prefixed) batch.prefixes.add(prefix, id);
}
