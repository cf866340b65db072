import { Global, Module } from '@nestjs/common';
import { AppConfig, READINESS_PROBES } from '@daogang/platform';
import { SearchModule, SearchReadinessProbe } from '@daogang/search';

/** The search engine of this process (Meilisearch when MEILI_HOST is set), and its readiness probe. */
@Global()
@Module({
  imports: [
    SearchModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ meiliHost: config.MEILI_HOST, meiliApiKey: config.MEILI_API_KEY }),
    }),
  ],
  providers: [{ provide: READINESS_PROBES, useFactory: (search: SearchReadinessProbe) => [search], inject: [SearchReadinessProbe] }],
  exports: [SearchModule, READINESS_PROBES],
})
export class SearchEngineModule {}
