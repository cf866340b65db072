import { Module } from '@nestjs/common';
import { JobsModule } from '@daogang/jobs';
import { NotificationsModule } from '@daogang/notifications';
import { RegionsModule, RegistryModule } from '@daogang/registry';
import { ApplicationMapper } from './applications/application.mapper.js';
import { ApplicationMovesService } from './applications/application-moves.service.js';
import { ApplicationsController, JobOrderOffersController } from './applications/applications.controller.js';
import { ApplicationsService } from './applications/applications.service.js';
import { BatchOffersService } from './applications/batch-offers.service.js';
import { SubsidiesService } from './applications/subsidies.service.js';
import { RankingModule } from './ranking/ranking.module.js';

const services = [ApplicationsService, ApplicationMovesService, ApplicationMapper, BatchOffersService, SubsidiesService];

/** Applications, offers, placements and subsidies, and the ranking (HTTP edge, API app only: the ranking builds an in-memory index). */
@Module({
  imports: [JobsModule, RegistryModule, RegionsModule, NotificationsModule, RankingModule],
  controllers: [ApplicationsController, JobOrderOffersController],
  providers: services,
  exports: [...services, RankingModule],
})
export class MatchingModule {}
