import { Module } from '@nestjs/common';
import { JobsModule } from '@daogang/jobs';
import { AppConfig } from '@daogang/platform';
import { RegistryModule } from '@daogang/registry';
import { MatchIndex } from './match-index.js';
import { MATCH_WEIGHTS, resolveMatchWeights } from './match-weights.js';
import { MatchMapper } from './match.mapper.js';
import { JobMatchesController, JobOrderCandidatesController } from './matching.controller.js';
import { MatchingService } from './matching.service.js';
import { PlaceRelations } from './place-relations.js';

/**
 * 人岗匹配 (API app): the per-process MatchIndex (built at start, kept fresh from the outbox), the explained ranking
 * of candidates for an order and of orders for a worker, and their routes. Weights come from MATCH_WEIGHTS.
 */
@Module({
  imports: [JobsModule, RegistryModule],
  controllers: [JobOrderCandidatesController, JobMatchesController],
  providers: [
    { provide: MATCH_WEIGHTS, inject: [AppConfig], useFactory: (config: AppConfig) => resolveMatchWeights(config.matchWeights) },
    PlaceRelations,
    MatchMapper,
    MatchIndex,
    MatchingService,
  ],
  exports: [MatchingService, MatchIndex, MATCH_WEIGHTS],
})
export class RankingModule {}
