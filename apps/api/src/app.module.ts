import { Module } from '@nestjs/common';
import { AccountsModule } from '@daogang/accounts';
import { IndexingModule, SearchEngineModule } from '@daogang/indexing';
import { JobsIndex, JobsIndexModule, JobsModule } from '@daogang/jobs';
import { MatchingModule } from '@daogang/matching';
import { NotificationsModule } from '@daogang/notifications';
import { RegistryModule, WorkersIndex, WorkersIndexModule } from '@daogang/registry';
import { AppConfig, PlatformModule } from '@daogang/platform';
import { SCHEMA } from '@daogang/schema';
import { TransportModule } from '@daogang/transport';
import { FollowupModule } from '@daogang/followup';
import { ReportingModule } from '@daogang/reporting';
import { QueueDashboardSessionController } from './queue-dashboard.js';

/** The HTTP API: platform plumbing plus every domain's HTTP module. */
@Module({})
export class AppModule {
  static with(config?: AppConfig) {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ schema: SCHEMA, config, http: true }), SearchEngineModule, AccountsModule, JobsModule, RegistryModule, MatchingModule,
        IndexingModule.forRoot({ imports: [JobsIndexModule, WorkersIndexModule], definitions: [JobsIndex, WorkersIndex], role: 'api' }),
        NotificationsModule, TransportModule, FollowupModule, ReportingModule,
      ],
      controllers: [QueueDashboardSessionController],
    };
  }
}
