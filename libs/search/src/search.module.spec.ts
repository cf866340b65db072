import { Test } from '@nestjs/testing';
import { EmbeddedSearchEngine } from './embedded/embedded-search.engine.js';
import { MeilisearchSearchEngine } from './meilisearch/meilisearch-search.engine.js';
import { SearchModule, SearchReadinessProbe } from './search.module.js';
import { SearchEngine } from './search.port.js';

describe('SearchModule', () => {
  it('provides the embedded engine when no Meilisearch host is configured', async () => {
    const module = await Test.createTestingModule({ imports: [SearchModule.forRoot()] }).compile();
    const engine = module.get(SearchEngine);
    expect(engine).toBeInstanceOf(EmbeddedSearchEngine);
    expect(await module.get(SearchReadinessProbe).check()).toEqual({ ok: true, detail: expect.any(String) });
  });

  it('provides the Meilisearch adapter when a host is configured (from an async factory)', async () => {
    const module = await Test.createTestingModule({
      imports: [SearchModule.forRootAsync({ useFactory: async () => ({ meiliHost: 'http://127.0.0.1:9', meiliRequestTimeoutMs: 500 }) })],
    }).compile();
    const engine = module.get(SearchEngine);
    expect(engine).toBeInstanceOf(MeilisearchSearchEngine);
    const probe = await module.get(SearchReadinessProbe).check();
    expect(probe.ok).toBe(false);
    expect(probe.detail).toMatch(/127\.0\.0\.1:9/);
  });
});
