import { Module } from '@nestjs/common';
import { AccountsModule } from '@daogang/accounts';
import { IndexingModule } from '@daogang/indexing';
import { JobsIndex, JobsModule } from '@daogang/jobs';
import { RegistryModule, WorkersIndex } from '@daogang/registry';
import { AppConfig, PlatformModule } from '@daogang/platform';
import { SCHEMA } from '@daogang/schema';
import { QueueDashboardSessionController } from './queue-dashboard.js';
import { SearchHttpModule } from './search-http.module.js';

/** The HTTP API: platform plumbing plus every domain's HTTP module. */
@Module({})
export class AppModule {
  static with(config?: AppConfig) {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ schema: SCHEMA, config, http: true }), SearchHttpModule, AccountsModule, JobsModule, RegistryModule,
        IndexingModule.forRoot({ imports: [JobsModule, RegistryModule], definitions: [JobsIndex, WorkersIndex] }),
      ],
      controllers: [QueueDashboardSessionController],
    };
  }
}
