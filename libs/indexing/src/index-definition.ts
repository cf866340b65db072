import type { IndexSettings, SearchDocument } from '@daogang/search';
import type { EntityManager } from 'typeorm';

/**
 * What one search index holds and how to build its documents from PostgreSQL (the source of truth).
 * Domain libs implement it (jobs: job orders; registry: workers); the indexing lib keeps the engine in step.
 */
export interface IndexDefinition {
  /** Index name in the engine, e.g. `jobs`. */
  readonly index: string;
  /** Outbox topic whose rows name the ids that changed, e.g. `search.jobs`. */
  readonly topic: string;
  readonly settings: IndexSettings;
  /** Documents for these ids; an id without a document (deleted, unpublished) is removed from the index. */
  load(manager: EntityManager, ids: string[]): Promise<SearchDocument[]>;
  /** Every document, in pages ordered by id, for a full build. */
  loadPage(manager: EntityManager, afterId: string | null, limit: number): Promise<SearchDocument[]>;
}

export const INDEX_DEFINITIONS = Symbol('INDEX_DEFINITIONS');
