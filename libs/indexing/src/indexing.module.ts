import { DynamicModule, Module, Type } from '@nestjs/common';
import type { ModuleMetadata } from '@nestjs/common';
import { INDEX_DEFINITIONS, IndexDefinition } from './index-definition.js';
import { IndexSyncService } from './index-sync.service.js';

/**
 * Search indexes kept in step with the database. `definitions` are the index definition classes the domain modules
 * in `imports` export (jobs, workers).
 */
@Module({})
export class IndexingModule {
  static forRoot(options: { imports: ModuleMetadata['imports']; definitions: Type<IndexDefinition>[] }): DynamicModule {
    return {
      module: IndexingModule,
      imports: options.imports,
      providers: [
        { provide: INDEX_DEFINITIONS, useFactory: (...defs: IndexDefinition[]) => defs, inject: options.definitions },
        IndexSyncService,
      ],
      exports: [IndexSyncService],
    };
  }
}
