import { isGeoPoint } from './geo.js';
import { SearchDocumentError, SearchQueryError, SearchSettingsError } from './search.errors.js';
import {
  DEFAULT_RANKING_RULES,
  FILTER_OPS,
  RANKING_RULES,
  type DocumentId,
  type FilterCondition,
  type GeoPoint,
  type FilterValue,
  type IndexSettings,
  type RankingRule,
  type SearchDocument,
  type SearchQuery,
} from './search.port.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** `offset + limit` bound, Meilisearch's default `maxTotalHits`. */
export const MAX_RESULT_WINDOW = 1000;
export const MAX_QUERY_LENGTH = 256;
const MAX_CONDITIONS = 64;
const MAX_IN_VALUES = 500;
const MAX_VALUE_LENGTH = 512;

/** Settings with every default filled in. */
export interface ResolvedIndexSettings {
  primaryKey: string;
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  facetAttributes: string[];
  pinyinAttributes: string[];
  synonyms: Record<string, string[]>;
  rankingRules: RankingRule[];
  maxValuesPerFacet: number;
  geo: boolean;
}

export type NormalizedSort = { field: string; direction: 'asc' | 'desc' } | { geoPoint: GeoPoint; direction: 'asc' | 'desc' };

export interface NormalizedHighlight {
  attributes: string[];
  preTag: string;
  postTag: string;
}

/** A validated query: `filter` is a conjunction of disjunctions (CNF). */
export interface NormalizedQuery {
  q: string;
  filter: FilterCondition[][];
  facets: string[];
  sort: NormalizedSort[];
  limit: number;
  offset: number;
  matchingStrategy: 'all' | 'last';
  /** Present when the query asked for `_formatted`. */
  highlight?: NormalizedHighlight;
}

const ATTRIBUTE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const RESERVED = /^(_seg_|_py$|_geo|_vectors|_rankingScore|_formatted)/;
/** Words of Meilisearch's filter syntax, refused as attribute names so that a filter string stays unambiguous. */
const KEYWORDS = new Set(['AND', 'OR', 'IN', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH']);
const INDEX_NAME = /^[A-Za-z0-9_-]{1,200}$/;
const STRING_ID = /^[A-Za-z0-9_-]{1,511}$/;

export function assertIndexName(name: string): void {
  if (typeof name !== 'string' || !INDEX_NAME.test(name)) {
    throw new SearchSettingsError(`invalid index name "${String(name)}": use 1–200 of [A-Za-z0-9_-]`);
  }
}

function attributes(list: readonly string[] | undefined, what: string): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new SearchSettingsError(`${what} must be an array`);
  for (const attr of list) {
    if (typeof attr !== 'string' || !ATTRIBUTE.test(attr) || RESERVED.test(attr) || attr.split('.').some((p) => KEYWORDS.has(p))) {
      throw new SearchSettingsError(`${what}: invalid or reserved attribute name "${String(attr)}"`);
    }
  }
  return [...new Set(list)];
}

export function resolveSettings(settings: IndexSettings): ResolvedIndexSettings {
  if (!settings || typeof settings.primaryKey !== 'string' || !ATTRIBUTE.test(settings.primaryKey) || settings.primaryKey.includes('.')) {
    throw new SearchSettingsError(`invalid primaryKey "${String(settings?.primaryKey)}"`);
  }
  const searchableAttributes = attributes(settings.searchableAttributes, 'searchableAttributes');
  if (searchableAttributes.length === 0) throw new SearchSettingsError('searchableAttributes must not be empty');
  const facetAttributes = attributes(settings.facetAttributes, 'facetAttributes');
  const filterable = attributes(settings.filterableAttributes, 'filterableAttributes');
  const filterableAttributes = [...new Set([...filterable, ...facetAttributes])];
  const pinyinAttributes =
    settings.pinyinAttributes === undefined ? searchableAttributes : attributes(settings.pinyinAttributes, 'pinyinAttributes');
  for (const attr of pinyinAttributes) {
    if (!searchableAttributes.includes(attr)) throw new SearchSettingsError(`pinyinAttributes: "${attr}" is not searchable`);
  }
  const rankingRules = settings.rankingRules ? [...settings.rankingRules] : [...DEFAULT_RANKING_RULES];
  for (const rule of rankingRules) {
    if (!RANKING_RULES.includes(rule)) throw new SearchSettingsError(`unknown ranking rule "${String(rule)}"`);
  }
  if (new Set(rankingRules).size !== rankingRules.length) throw new SearchSettingsError('duplicate ranking rule');
  const synonyms: Record<string, string[]> = {};
  for (const [word, list] of Object.entries(settings.synonyms ?? {})) {
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || !s.trim())) {
      throw new SearchSettingsError(`synonyms of "${word}" must be non-empty strings`);
    }
    if (word.trim()) synonyms[word.trim()] = list.map((s) => s.trim());
  }
  const maxValuesPerFacet = settings.maxValuesPerFacet ?? 100;
  if (!Number.isInteger(maxValuesPerFacet) || maxValuesPerFacet < 1 || maxValuesPerFacet > 10_000) {
    throw new SearchSettingsError('maxValuesPerFacet must be an integer in 1..10000');
  }
  return {
    primaryKey: settings.primaryKey,
    searchableAttributes,
    filterableAttributes,
    sortableAttributes: attributes(settings.sortableAttributes, 'sortableAttributes'),
    facetAttributes: facetAttributes.length ? facetAttributes : filterableAttributes,
    pinyinAttributes,
    synonyms,
    rankingRules,
    maxValuesPerFacet,
    geo: settings.geo === true,
  };
}

/** The document's id as a string; throws `SearchDocumentError` when it is missing or malformed. */
export function documentId(doc: SearchDocument, primaryKey: string): string {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new SearchDocumentError('a document must be an object');
  return normalizeId(doc[primaryKey] as DocumentId, `document ${primaryKey}`);
}

export function normalizeId(id: DocumentId, what = 'id'): string {
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return String(id);
  if (typeof id === 'string' && STRING_ID.test(id)) return id;
  throw new SearchDocumentError(`${what} must be a non-negative integer or 1–511 of [A-Za-z0-9_-], got ${JSON.stringify(id)}`);
}

/**
 * With `geo: true`, `_geo` must be absent, null, or `{ lat, lng }` in degrees (numbers, no other field), as
 * Meilisearch requires.
 */
export function checkGeo(doc: SearchDocument, settings: ResolvedIndexSettings): void {
  const geo = doc._geo;
  if (!settings.geo || geo === undefined || geo === null || (isGeoPoint(geo) && Object.keys(geo).length === 2)) return;
  throw new SearchDocumentError(`_geo must be { lat: -90..90, lng: -180..180 } (numbers) or null, got ${JSON.stringify(doc._geo)}`);
}

function geoPoint(lat: unknown, lng: unknown, what: string, settings: ResolvedIndexSettings): GeoPoint {
  if (!settings.geo) throw new SearchQueryError(`${what} needs an index declared with geo: true`);
  const point = { lat, lng };
  if (!isGeoPoint(point)) throw new SearchQueryError(`${what}: lat must be a number in -90..90 and lng in -180..180`);
  return { lat: point.lat, lng: point.lng };
}

function isFilterValue(value: unknown): value is FilterValue {
  if (typeof value === 'string') return value.length <= MAX_VALUE_LENGTH;
  return typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function checkCondition(cond: FilterCondition, settings: ResolvedIndexSettings): FilterCondition {
  if (!cond || typeof cond !== 'object') throw new SearchQueryError('a filter condition must be an object');
  if (cond.op === 'geoRadius') {
    const { lat, lng } = geoPoint(cond.lat, cond.lng, 'filter geoRadius', settings);
    if (typeof cond.metres !== 'number' || !Number.isFinite(cond.metres) || cond.metres < 0) {
      throw new SearchQueryError('filter geoRadius: metres must be a finite number ≥ 0');
    }
    return { op: 'geoRadius', lat, lng, metres: cond.metres };
  }
  const { field, op } = cond;
  if (typeof field !== 'string' || !settings.filterableAttributes.includes(field)) {
    const allowed = settings.filterableAttributes.join(', ') || 'none';
    throw new SearchQueryError(`cannot filter on "${String(field)}": filterable attributes are ${allowed}`);
  }
  if (!FILTER_OPS.includes(op)) throw new SearchQueryError(`unknown filter operator "${String(op)}" on "${field}"`);
  const value: unknown = cond.value;
  switch (op) {
    case 'eq':
    case 'neq':
      if (!isFilterValue(value)) throw new SearchQueryError(`filter ${field} ${op}: value must be a string, number or boolean`);
      return { field, op, value };
    case 'in':
      if (!Array.isArray(value) || value.length === 0 || value.length > MAX_IN_VALUES || !value.every(isFilterValue)) {
        throw new SearchQueryError(`filter ${field} in: value must be 1–${MAX_IN_VALUES} strings, numbers or booleans`);
      }
      return { field, op, value: [...value] };
    case 'exists':
      if (value !== undefined && typeof value !== 'boolean') throw new SearchQueryError(`filter ${field} exists: value must be a boolean`);
      return { field, op, value: value ?? true };
    default:
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new SearchQueryError(`filter ${field} ${op}: value must be a finite number`);
      return { field, op, value };
  }
}

function integer(value: unknown, fallback: number, what: string, min: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SearchQueryError(`${what} must be an integer in ${min}..${max}`);
  }
  return value;
}

export function validateQuery(settings: ResolvedIndexSettings, query: SearchQuery = {}): NormalizedQuery {
  if (typeof query !== 'object' || query === null) throw new SearchQueryError('query must be an object');
  const q = query.q ?? '';
  if (typeof q !== 'string' || q.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`q must be a string of at most ${MAX_QUERY_LENGTH} characters`);
  const limit = integer(query.limit, DEFAULT_LIMIT, 'limit', 0, MAX_LIMIT);
  const offset = integer(query.offset, 0, 'offset', 0, MAX_RESULT_WINDOW);
  if (offset + limit > MAX_RESULT_WINDOW) throw new SearchQueryError(`offset + limit must not exceed ${MAX_RESULT_WINDOW}`);

  const rawFilter = query.filter ?? [];
  if (!Array.isArray(rawFilter)) throw new SearchQueryError('filter must be an array of conditions');
  let count = 0;
  const filter = rawFilter.map((element) => {
    const group = element && typeof element === 'object' && 'anyOf' in element ? element.anyOf : [element as FilterCondition];
    if (!Array.isArray(group) || group.length === 0) throw new SearchQueryError('anyOf must hold at least one condition');
    count += group.length;
    return group.map((cond) => checkCondition(cond, settings));
  });
  if (count > MAX_CONDITIONS) throw new SearchQueryError(`at most ${MAX_CONDITIONS} filter conditions`);

  const facets = [...new Set(query.facets ?? [])];
  for (const facet of facets) {
    if (!settings.facetAttributes.includes(facet)) {
      throw new SearchQueryError(`cannot facet on "${String(facet)}": facet attributes are ${settings.facetAttributes.join(', ') || 'none'}`);
    }
  }
  if (!Array.isArray(query.sort ?? [])) throw new SearchQueryError('sort must be an array');
  const sort = (query.sort ?? []).map((spec): NormalizedSort => {
    const direction = spec?.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') throw new SearchQueryError(`sort direction must be asc or desc`);
    if (spec && 'geoPoint' in spec) {
      return { geoPoint: geoPoint(spec.geoPoint?.lat, spec.geoPoint?.lng, 'sort by geoPoint', settings), direction };
    }
    if (!spec || !settings.sortableAttributes.includes(spec.field)) {
      throw new SearchQueryError(`cannot sort on "${String(spec?.field)}": sortable attributes are ${settings.sortableAttributes.join(', ') || 'none'}`);
    }
    return { field: spec.field, direction };
  });
  if (sort.length > 0 && !settings.rankingRules.includes('sort')) throw new SearchQueryError('sorting needs the "sort" ranking rule');
  const sortKeys = sort.map((s) => ('geoPoint' in s ? '_geo' : s.field));
  if (new Set(sortKeys).size !== sort.length) throw new SearchQueryError('a field (or geoPoint) may appear once in sort');
  const matchingStrategy = query.matchingStrategy ?? 'all';
  if (matchingStrategy !== 'all' && matchingStrategy !== 'last') throw new SearchQueryError('matchingStrategy must be all or last');
  const highlight = checkHighlight(settings, query);
  return { q, filter, facets, sort, limit, offset, matchingStrategy, ...(highlight ? { highlight } : {}) };
}

const MAX_TAG_LENGTH = 100;

function checkHighlight(settings: ResolvedIndexSettings, query: SearchQuery): NormalizedHighlight | undefined {
  const { highlight, highlightPreTag = '<em>', highlightPostTag = '</em>' } = query;
  if (highlight === undefined) return undefined;
  if (!Array.isArray(highlight)) throw new SearchQueryError('highlight must be an array of searchable attributes');
  for (const attribute of highlight) {
    if (!settings.searchableAttributes.includes(attribute)) {
      throw new SearchQueryError(`cannot highlight "${String(attribute)}": searchable attributes are ${settings.searchableAttributes.join(', ')}`);
    }
  }
  for (const tag of [highlightPreTag, highlightPostTag]) {
    if (typeof tag !== 'string' || tag.length > MAX_TAG_LENGTH) throw new SearchQueryError(`highlight tags must be strings of at most ${MAX_TAG_LENGTH} characters`);
  }
  return { attributes: [...new Set(highlight)], preTag: highlightPreTag, postTag: highlightPostTag };
}

/** Reads a field by dotted path. */
export function getPath(doc: SearchDocument, path: string): unknown {
  if (!path.includes('.')) return doc[path];
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
