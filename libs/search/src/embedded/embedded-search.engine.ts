import { SearchIndexNotFoundError, SearchSettingsError } from '../search.errors.js';
import {
  SearchEngine,
  type DocumentId,
  type IndexSettings,
  type SearchDocument,
  type SearchHealth,
  type SearchIndexStats,
  type SearchQuery,
  type SearchResult,
} from '../search.port.js';
import { assertIndexName, normalizeId, resolveSettings, validateQuery } from '../search.validation.js';
import { EmbeddedIndex } from './embedded-index.js';
import { executeSearch } from './execute-search.js';

/**
 * In-process search engine: roaring-bitmap postings per index, held in memory (rebuilt from the database at
 * start by whoever owns the index). Suits one API process; several processes each hold their own copy.
 */
export class EmbeddedSearchEngine extends SearchEngine {
  readonly kind = 'embedded' as const;
  private readonly indexes = new Map<string, EmbeddedIndex>();

  private index(name: string): EmbeddedIndex {
    const index = this.indexes.get(name);
    if (!index) throw new SearchIndexNotFoundError(name);
    return index;
  }

  async ensureIndex(name: string, settings: IndexSettings): Promise<void> {
    assertIndexName(name);
    const resolved = resolveSettings(settings);
    const existing = this.indexes.get(name);
    if (!existing) {
      this.indexes.set(name, new EmbeddedIndex(resolved));
      return;
    }
    if (JSON.stringify(existing.settings) === JSON.stringify(resolved)) return;
    if (existing.settings.primaryKey !== resolved.primaryKey && existing.size > 0) {
      throw new SearchSettingsError(`index "${name}" holds documents keyed by "${existing.settings.primaryKey}"; drop it to change the primary key`);
    }
    existing.configure(resolved);
  }

  async hasIndex(name: string): Promise<boolean> {
    return this.indexes.has(name);
  }

  async upsert(name: string, docs: readonly SearchDocument[]): Promise<void> {
    this.index(name).upsert(docs);
  }

  async delete(name: string, ids: readonly DocumentId[]): Promise<void> {
    this.index(name).delete(ids.map((id) => normalizeId(id)));
  }

  async search<T extends SearchDocument = SearchDocument>(name: string, query: SearchQuery = {}): Promise<SearchResult<T>> {
    const started = performance.now();
    const index = this.index(name);
    const normalized = validateQuery(index.settings, query);
    const result = executeSearch(index, normalized);
    return {
      hits: result.hits as T[],
      estimatedTotalHits: result.total,
      ...(result.facetDistribution ? { facetDistribution: result.facetDistribution } : {}),
      processingTimeMs: Math.round((performance.now() - started) * 100) / 100,
      offset: normalized.offset,
      limit: normalized.limit,
      engine: this.kind,
    };
  }

  async get<T extends SearchDocument = SearchDocument>(name: string, id: DocumentId): Promise<T | null> {
    const index = this.index(name);
    const internal = index.internalId(normalizeId(id));
    return internal === undefined ? null : ((index.docOf(internal) ?? null) as T | null);
  }

  async clear(name: string): Promise<void> {
    this.index(name).clear();
  }

  async dropIndex(name: string): Promise<void> {
    this.indexes.delete(name);
  }

  async swap(a: string, b: string): Promise<void> {
    const first = this.index(a);
    const second = this.index(b);
    this.indexes.set(a, second);
    this.indexes.set(b, first);
  }

  async health(): Promise<SearchHealth> {
    return { ok: true, engine: this.kind, detail: `in-process, ${this.indexes.size} index(es)` };
  }

  async stats(name: string): Promise<SearchIndexStats> {
    return { numberOfDocuments: this.index(name).size, isIndexing: false };
  }
}
