/**
 * The search port: every index (job orders, workers, …) goes through `SearchEngine`, whichever engine runs
 * behind it — the in-process roaring-bitmap engine or a Meilisearch server. Settings are declared once
 * (`IndexSettings`) and applied to either engine; queries are structured (`SearchQuery`), never raw filter
 * strings, so user input cannot inject filter syntax.
 */

export type SearchEngineKind = 'embedded' | 'meilisearch';

/** A document as stored in an index: a plain JSON object that holds its primary key. */
export type SearchDocument = Record<string, unknown>;
export type DocumentId = string | number;
export type FilterValue = string | number | boolean;

/** Meilisearch's ranking rules. The embedded engine applies words, typo, attribute, sort and exactness (no proximity). */
export type RankingRule = 'words' | 'typo' | 'proximity' | 'attribute' | 'sort' | 'exactness';
export const RANKING_RULES: readonly RankingRule[] = ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'];
/** Meilisearch's default order: with `sort` given, a better text match still comes first, then the sort decides. */
export const DEFAULT_RANKING_RULES: readonly RankingRule[] = RANKING_RULES;

export interface IndexSettings {
  /** Field holding the document id: a string ([A-Za-z0-9_-], at most 511 bytes) or a non-negative integer. */
  primaryKey: string;
  /** Full-text fields, most important first (the order is the attribute weight). Dotted paths reach nested fields. */
  searchableAttributes: string[];
  /** Fields usable in `filter` (and in `facets`). */
  filterableAttributes?: string[];
  /** Fields usable in `sort`. Values: numbers or strings (numbers before strings); documents lacking one go last. */
  sortableAttributes?: string[];
  /** Fields usable in `facets`; they are filterable as well. Defaults to all filterable attributes. */
  facetAttributes?: string[];
  /**
   * Searchable fields whose Chinese words are also indexed as pinyin (full `xiamen` and initials `xm`), so latin
   * input finds them. Defaults to all searchable attributes; keep it to short fields (title, place) on big indexes.
   */
  pinyinAttributes?: string[];
  /** One-way synonyms, as in Meilisearch: a query word on the left also finds the words on the right. */
  synonyms?: Record<string, string[]>;
  rankingRules?: RankingRule[];
  /** Most values returned per facet (the most frequent first). Default 100. */
  maxValuesPerFacet?: number;
  /**
   * Documents may carry a location as `_geo: { lat, lng }` (degrees, numbers; Meilisearch's convention), which
   * enables sorting by distance (`{ geoPoint }` in `sort`) and the `geoRadius` filter. Default false.
   */
  geo?: boolean;
}

/** A point in degrees: latitude -90..90, longitude -180..180. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export type FilterCondition =
  | { field: string; op: 'eq' | 'neq'; value: FilterValue }
  | { field: string; op: 'in'; value: FilterValue[] }
  | { field: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  /** `value` true (default): the field holds a non-null value; false: it is absent or null. */
  | { field: string; op: 'exists'; value?: boolean }
  | GeoRadiusCondition;

/**
 * Documents whose `_geo` lies within `metres` (great-circle distance) of the point; needs `geo: true`.
 * Meilisearch's `_geoRadius(lat, lng, metres)`.
 */
export interface GeoRadiusCondition {
  op: 'geoRadius';
  lat: number;
  lng: number;
  metres: number;
}

/** A condition on a field (every condition but `geoRadius`). */
export type FieldCondition = Exclude<FilterCondition, GeoRadiusCondition>;

export type FilterOp = FilterCondition['op'];
export const FILTER_OPS: readonly FilterOp[] = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'exists', 'geoRadius'];

/** At least one of the conditions holds. */
export interface FilterAnyOf {
  anyOf: FilterCondition[];
}

/** Every element must hold (AND); an `anyOf` element is an OR of conditions. */
export type SearchFilter = Array<FilterCondition | FilterAnyOf>;

/**
 * A sortable attribute, or the distance from a point (`{ geoPoint: { lat, lng } }`, nearest first with `asc`;
 * needs `geo: true`; Meilisearch's `_geoPoint(lat, lng):asc`). Documents lacking the value come last.
 */
export type SortSpec = { field: string; direction?: 'asc' | 'desc' } | { geoPoint: GeoPoint; direction?: 'asc' | 'desc' };

export interface SearchQuery {
  /**
   * Free text. Chinese sub-words, pinyin (`xiamen`, `xm`) and a prefix of the last word are found; latin words
   * of 5–8 letters tolerate one typo, of 9 or more two (never numbers or Chinese), ranked below exact matches.
   */
  q?: string;
  filter?: SearchFilter;
  /** Facet fields whose value counts (within the matching documents) are returned. */
  facets?: string[];
  sort?: SortSpec[];
  /** Default 20, at most 100. `offset + limit` may not pass 1000. */
  limit?: number;
  offset?: number;
  /** `all` (default): every query word must match. `last`: drop words from the end while nothing matches. */
  matchingStrategy?: 'all' | 'last';
  /**
   * Searchable attributes to return in each hit's `_formatted`, HTML-escaped, with the parts matching the query
   * wrapped in `highlightPreTag`/`highlightPostTag` (default `<em>`/`</em>`; the tags are inserted as given).
   */
  highlight?: string[];
  highlightPreTag?: string;
  highlightPostTag?: string;
}

/** Formatted (escaped, highlighted) values of the `highlight` attributes, keyed by attribute path. */
export type FormattedFields = Record<string, string | string[]>;

/** A hit: the stored document plus, when asked for, its distance and formatted attributes. */
export type SearchHit<T extends SearchDocument = SearchDocument> = T & {
  /** Metres (rounded) from the `geoPoint` of the sort, for documents having a `_geo`. */
  _geoDistance?: number;
  _formatted?: FormattedFields;
};

export type FacetDistribution = Record<string, Record<string, number>>;

export interface SearchResult<T extends SearchDocument = SearchDocument> {
  hits: Array<SearchHit<T>>;
  /** Exact in the embedded engine; Meilisearch's estimate (at most 1000) otherwise. */
  estimatedTotalHits: number;
  facetDistribution?: FacetDistribution;
  processingTimeMs: number;
  offset: number;
  limit: number;
  engine: SearchEngineKind;
}

export interface SearchHealth {
  ok: boolean;
  engine: SearchEngineKind;
  detail?: string;
}

export interface SearchIndexStats {
  numberOfDocuments: number;
  isIndexing: boolean;
}

/**
 * The port. It is an abstract class so that it doubles as the Nest injection token:
 * `constructor(private readonly search: SearchEngine) {}`.
 *
 * Writes resolve once the change is searchable (the Meilisearch adapter waits for its task).
 */
export abstract class SearchEngine {
  abstract readonly kind: SearchEngineKind;

  /** Creates the index if missing and applies the settings (re-indexing documents when they changed). */
  abstract ensureIndex(name: string, settings: IndexSettings): Promise<void>;
  abstract hasIndex(name: string): Promise<boolean>;
  /** Adds documents or replaces whole documents with the same primary key. */
  abstract upsert(name: string, docs: readonly SearchDocument[]): Promise<void>;
  /** Removes documents by primary key; unknown ids are ignored. */
  abstract delete(name: string, ids: readonly DocumentId[]): Promise<void>;
  abstract search<T extends SearchDocument = SearchDocument>(name: string, query: SearchQuery): Promise<SearchResult<T>>;
  abstract get<T extends SearchDocument = SearchDocument>(name: string, id: DocumentId): Promise<T | null>;
  /** Removes every document, keeps the settings. */
  abstract clear(name: string): Promise<void>;
  /** Deletes the index; nothing happens when it does not exist. */
  abstract dropIndex(name: string): Promise<void>;
  /**
   * Swaps two existing indexes (documents and settings), for build-aside-then-swap reindexing:
   * `ensureIndex('jobs_next')`, fill it, `swap('jobs', 'jobs_next')`, `dropIndex('jobs_next')`.
   */
  abstract swap(a: string, b: string): Promise<void>;
  abstract health(): Promise<SearchHealth>;
  abstract stats(name: string): Promise<SearchIndexStats>;
}
