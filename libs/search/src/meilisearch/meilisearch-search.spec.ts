import { describeSearchContract } from '../search.contract.js';
import { MeilisearchSearchEngine } from './meilisearch-search.engine.js';

const host = process.env.MEILI_HOST || 'http://127.0.0.1:7700';

/** The contract runs only against a real server; without one it is reported as skipped, never as passed. */
await describeSearchContract(`meilisearch at ${host}`, async () => {
  const engine = new MeilisearchSearchEngine({ host, apiKey: process.env.MEILI_API_KEY || process.env.MEILI_MASTER_KEY, requestTimeoutMs: 2000 });
  const health = await engine.health();
  if (!health.ok) {
    return { skip: `no Meilisearch answers at ${host} (${health.detail}); start one (docker compose up -d meilisearch) and set MEILI_HOST` };
  }
  return engine;
});
