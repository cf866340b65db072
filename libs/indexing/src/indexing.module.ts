import { DynamicModule, Module, Type } from '@nestjs/common';
import type { ModuleMetadata } from '@nestjs/common';
import { INDEX_DEFINITIONS, IndexDefinition } from './index-definition.js';
import { INDEXING_ROLE, IndexingRole, IndexSyncService } from './index-sync.service.js';
import { ReindexController } from './reindex.controller.js';
import { SearchIndexProcessor } from './search-index.processor.js';

/**
 * Search indexes kept in step with the database. `definitions` are the index definition classes the domain modules
 * in `imports` export (jobs, workers). In the API (`role: 'api'`) it tails the outbox into the in-process engine and
 * offers the reindex route; in the worker app (`role: 'worker'`) it hosts the search-index queue for a shared engine.
 */
@Module({})
export class IndexingModule {
  static forRoot(options: { imports: ModuleMetadata['imports']; definitions: Type<IndexDefinition>[]; role: IndexingRole }): DynamicModule {
    return {
      module: IndexingModule,
      imports: options.imports,
      controllers: options.role === 'api' ? [ReindexController] : [],
      providers: [
        { provide: INDEX_DEFINITIONS, useFactory: (...defs: IndexDefinition[]) => defs, inject: options.definitions },
        { provide: INDEXING_ROLE, useValue: options.role },
        IndexSyncService,
        ...(options.role === 'worker' ? [SearchIndexProcessor] : []),
      ],
      exports: [IndexSyncService],
    };
  }
}
