/** Base class of every error the search port throws on purpose. */
export class SearchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The query is not valid for the index (unknown filter field, bad operator or value, limit out of range…). */
export class SearchQueryError extends SearchError {}

/** The index settings are not valid (bad attribute name, facet not filterable, primary key missing…). */
export class SearchSettingsError extends SearchError {}

/** A document cannot be indexed (missing or malformed primary key). */
export class SearchDocumentError extends SearchError {}

/** The index does not exist (or was not declared with `ensureIndex` in this process). */
export class SearchIndexNotFoundError extends SearchError {
  constructor(readonly index: string) {
    super(`search index "${index}" does not exist; call ensureIndex first`);
  }
}

/** The engine itself failed (server unreachable, task failed or timed out). */
export class SearchEngineError extends SearchError {}
