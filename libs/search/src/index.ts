export * from './search.port.js';
export * from './search.errors.js';
export {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_QUERY_LENGTH,
  MAX_RESULT_WINDOW,
  resolveSettings,
  validateQuery,
  type NormalizedQuery,
  type NormalizedSort,
  type ResolvedIndexSettings,
} from './search.validation.js';
export {
  analyzeQuery,
  hanGrams,
  normalizeText,
  pinyinForSearch,
  segmentForSearch,
  tokenizeForIndex,
  type IndexTokens,
  type QueryTerm,
} from './tokenizer.js';
export { geoDistance } from './geo.js';
export { EmbeddedSearchEngine } from './embedded/embedded-search.engine.js';
export { MeilisearchSearchEngine, type MeilisearchEngineOptions } from './meilisearch/meilisearch-search.engine.js';
export * from './search.module.js';
