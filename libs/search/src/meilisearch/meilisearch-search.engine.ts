import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise, type IndexSwap } from 'meilisearch';
import { SearchEngineError, SearchIndexNotFoundError, SearchSettingsError } from '../search.errors.js';
import {
  SearchEngine,
  type DocumentId,
  type IndexSettings,
  type SearchDocument,
  type SearchHealth,
  type SearchHit,
  type SearchIndexStats,
  type SearchQuery,
  type SearchResult,
} from '../search.port.js';
import { formatHit, highlightTerms } from '../highlight.js';
import { assertIndexName, checkGeo, documentId, normalizeId, resolveSettings, validateQuery, type ResolvedIndexSettings } from '../search.validation.js';
import { normalizeText } from '../tokenizer.js';
import { filterToMeili, sortToMeili } from './meili-filter.js';
import { meiliQuery, meiliSettings, stripHidden, supportsDisableOnNumbers, toMeiliDocument } from './meili-documents.js';

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Per HTTP request. Default 10 s. */
  requestTimeoutMs?: number;
  /** How long a write waits for its task. Default 60 s. */
  taskTimeoutMs?: number;
}

const errorCode = (error: unknown) => (error instanceof MeilisearchApiError ? error.cause?.code : undefined);

/**
 * Adapter to a Meilisearch server. Chinese is searched through hidden pre-segmented fields (`_seg_<attr>`, `_py`)
 * built with the same tokenizer as the embedded engine; writes wait for their task so that they are searchable
 * when the promise resolves.
 *
 * The settings of an index are remembered per process: call `ensureIndex` (at start) before using an index.
 */
export class MeilisearchSearchEngine extends SearchEngine {
  readonly kind = 'meilisearch' as const;
  readonly client: Meilisearch;
  private readonly settings = new Map<string, ResolvedIndexSettings>();
  private readonly synonymKeys = new Map<string, Set<string>>();
  private readonly taskTimeoutMs: number;
  /** Whether the server knows `typoTolerance.disableOnNumbers` (v1.15+); learnt by `ensureIndex`. */
  private disableOnNumbers = false;

  constructor(options: MeilisearchEngineOptions) {
    super();
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: options.requestTimeoutMs ?? 10_000 });
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  }

  private settingsOf(name: string): ResolvedIndexSettings {
    const settings = this.settings.get(name);
    if (!settings) throw new SearchIndexNotFoundError(name);
    return settings;
  }

  private remember(name: string, settings: ResolvedIndexSettings | undefined): void {
    if (!settings) {
      this.settings.delete(name);
      this.synonymKeys.delete(name);
      return;
    }
    this.settings.set(name, settings);
    this.synonymKeys.set(name, new Set(Object.keys(settings.synonyms).map(normalizeText)));
  }

  /** Runs a call, mapping Meilisearch errors to the port's errors. */
  private async call<T>(name: string | undefined, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof SearchEngineError || error instanceof SearchIndexNotFoundError) throw error;
      if (name && errorCode(error) === 'index_not_found') throw new SearchIndexNotFoundError(name);
      throw new SearchEngineError(`meilisearch: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Waits for the task; a failed task becomes a `SearchEngineError`. */
  private async run(name: string | undefined, task: () => EnqueuedTaskPromise, allow: string[] = []): Promise<void> {
    await this.call(name, async () => {
      const done = await task().waitTask({ timeout: this.taskTimeoutMs, interval: 25 });
      if (done.status === 'succeeded' || (done.error && allow.includes(done.error.code))) return;
      if (name && done.error?.code === 'index_not_found') throw new SearchIndexNotFoundError(name);
      throw new SearchEngineError(`meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no detail'}`);
    });
  }

  async ensureIndex(name: string, settings: IndexSettings): Promise<void> {
    assertIndexName(name);
    const resolved = resolveSettings(settings);
    const existing = await this.call(name, () => this.client.getRawIndex(name)).catch((error: unknown) => {
      if (error instanceof SearchIndexNotFoundError) return undefined;
      throw error;
    });
    if (!existing) {
      await this.run(name, () => this.client.createIndex(name, { primaryKey: resolved.primaryKey }), ['index_already_exists']);
    } else if (existing.primaryKey && existing.primaryKey !== resolved.primaryKey) {
      throw new SearchSettingsError(`index "${name}" is keyed by "${existing.primaryKey}"; drop it to change the primary key`);
    }
    const version = await this.call(undefined, () => this.client.getVersion()).then((v) => v.pkgVersion, () => '');
    this.disableOnNumbers = supportsDisableOnNumbers(version);
    await this.run(name, () => this.client.index(name).updateSettings(meiliSettings(resolved, { disableOnNumbers: this.disableOnNumbers })));
    this.remember(name, resolved);
  }

  async hasIndex(name: string): Promise<boolean> {
    try {
      await this.call(name, () => this.client.getRawIndex(name));
      return true;
    } catch (error) {
      if (error instanceof SearchIndexNotFoundError) return false;
      throw error;
    }
  }

  async upsert(name: string, docs: readonly SearchDocument[]): Promise<void> {
    const settings = this.settingsOf(name);
    if (docs.length === 0) return;
    const prepared = docs.map((doc) => {
      documentId(doc, settings.primaryKey);
      checkGeo(doc, settings);
      return toMeiliDocument(doc, settings);
    });
    await this.run(name, () => this.client.index(name).addDocuments(prepared, { primaryKey: settings.primaryKey }));
  }

  async delete(name: string, ids: readonly DocumentId[]): Promise<void> {
    if (ids.length === 0) return;
    const normalized = ids.map((id) => normalizeId(id));
    await this.run(name, () => this.client.index(name).deleteDocuments(normalized));
  }

  async search<T extends SearchDocument = SearchDocument>(name: string, query: SearchQuery = {}): Promise<SearchResult<T>> {
    const started = performance.now();
    const settings = this.settingsOf(name);
    const normalized = validateQuery(settings, query);
    const keys = this.synonymKeys.get(name);
    const q = meiliQuery(normalized.q, (chunk) => !!keys?.has(chunk), { quoteNumbers: !this.disableOnNumbers });
    const response = await this.call(name, () =>
      this.client.index(name).search(q || null, {
        filter: normalized.filter.length ? filterToMeili(normalized.filter) : undefined,
        facets: normalized.facets.length ? normalized.facets : undefined,
        sort: normalized.sort.length ? sortToMeili(normalized.sort) : undefined,
        limit: normalized.limit,
        offset: normalized.offset,
        matchingStrategy: normalized.matchingStrategy,
        locales: ['cmn'],
      }),
    );
    const { highlight } = normalized;
    const terms = highlight ? highlightTerms(normalized.q, settings) : [];
    return {
      hits: response.hits.map((raw) => {
        const hit: SearchHit<T> = stripHidden(raw) as SearchHit<T>;
        if (highlight) hit._formatted = formatHit(hit, terms, highlight, settings);
        return hit;
      }),
      estimatedTotalHits: response.estimatedTotalHits ?? response.hits.length,
      ...(normalized.facets.length ? { facetDistribution: response.facetDistribution ?? {} } : {}),
      processingTimeMs: Math.round((performance.now() - started) * 100) / 100,
      offset: normalized.offset,
      limit: normalized.limit,
      engine: this.kind,
    };
  }

  async get<T extends SearchDocument = SearchDocument>(name: string, id: DocumentId): Promise<T | null> {
    const key = normalizeId(id);
    try {
      return stripHidden(await this.call(name, () => this.client.index(name).getDocument<T>(key)));
    } catch (error) {
      if (errorCode((error as Error).cause) === 'document_not_found') return null;
      throw error;
    }
  }

  async clear(name: string): Promise<void> {
    await this.run(name, () => this.client.index(name).deleteAllDocuments());
  }

  async dropIndex(name: string): Promise<void> {
    await this.run(name, () => this.client.deleteIndex(name), ['index_not_found']);
    this.remember(name, undefined);
  }

  async swap(a: string, b: string): Promise<void> {
    // `rename` is left out: servers before v1.18 refuse unknown fields, and false is the default anyway.
    await this.run(a, () => this.client.swapIndexes([{ indexes: [a, b] } as IndexSwap]));
    const [first, second] = [this.settings.get(a), this.settings.get(b)];
    this.remember(a, second);
    this.remember(b, first);
  }

  async health(): Promise<SearchHealth> {
    try {
      const health = await this.client.health();
      const version = await this.client.getVersion().then((v) => v.pkgVersion, () => 'version unknown');
      return { ok: health.status === 'available', engine: this.kind, detail: `meilisearch ${version} at ${this.client.config.host}` };
    } catch (error) {
      return { ok: false, engine: this.kind, detail: `meilisearch at ${this.client.config.host}: ${(error as Error).message}` };
    }
  }

  async stats(name: string): Promise<SearchIndexStats> {
    const stats = await this.call(name, () => this.client.index(name).getStats());
    return { numberOfDocuments: stats.numberOfDocuments, isIndexing: stats.isIndexing };
  }
}
