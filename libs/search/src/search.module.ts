import { Injectable, Logger, Module, type DynamicModule, type InjectionToken, type ModuleMetadata, type OptionalFactoryDependency } from '@nestjs/common';
import { EmbeddedSearchEngine } from './embedded/embedded-search.engine.js';
import { MeilisearchSearchEngine } from './meilisearch/meilisearch-search.engine.js';
import { SearchEngine } from './search.port.js';

export interface SearchModuleOptions {
  /** Meilisearch URL; without it the embedded in-process engine is used. */
  meiliHost?: string;
  meiliApiKey?: string;
  meiliRequestTimeoutMs?: number;
  meiliTaskTimeoutMs?: number;
}

export interface SearchModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: any[]) => SearchModuleOptions | Promise<SearchModuleOptions>;
  /** Register the module globally (default false). */
  global?: boolean;
}

export const SEARCH_MODULE_OPTIONS = Symbol('SEARCH_MODULE_OPTIONS');

/** Meilisearch when a host is configured, the embedded engine otherwise. */
export function createSearchEngine(options: SearchModuleOptions = {}): SearchEngine {
  const logger = new Logger('SearchModule');
  if (options.meiliHost) {
    logger.log(`search engine: Meilisearch at ${options.meiliHost}`);
    return new MeilisearchSearchEngine({
      host: options.meiliHost,
      apiKey: options.meiliApiKey,
      requestTimeoutMs: options.meiliRequestTimeoutMs,
      taskTimeoutMs: options.meiliTaskTimeoutMs,
    });
  }
  logger.log('search engine: embedded (in-process roaring bitmaps)');
  return new EmbeddedSearchEngine();
}

/** Readiness probe (shape of the platform's `ReadinessProbe`): register it with the health controller. */
@Injectable()
export class SearchReadinessProbe {
  readonly name = 'search';
  constructor(private readonly engine: SearchEngine) {}

  async check(): Promise<{ ok: boolean; detail?: string }> {
    const { ok, detail } = await this.engine.health();
    return { ok, detail };
  }
}

/**
 * Provides `SearchEngine`:
 *   SearchModule.forRoot({ meiliHost: process.env.MEILI_HOST })
 *   SearchModule.forRootAsync({ inject: [AppConfig], useFactory: (c: AppConfig) => ({ meiliHost: c.MEILI_HOST, meiliApiKey: c.MEILI_API_KEY }) })
 */
@Module({})
export class SearchModule {
  static forRoot(options: SearchModuleOptions & { global?: boolean } = {}): DynamicModule {
    return SearchModule.forRootAsync({ useFactory: () => options, global: options.global });
  }

  static forRootAsync(options: SearchModuleAsyncOptions): DynamicModule {
    return {
      module: SearchModule,
      global: options.global ?? false,
      imports: options.imports ?? [],
      providers: [
        { provide: SEARCH_MODULE_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        { provide: SearchEngine, useFactory: createSearchEngine, inject: [SEARCH_MODULE_OPTIONS] },
        SearchReadinessProbe,
      ],
      exports: [SearchEngine, SearchReadinessProbe],
    };
  }
}
