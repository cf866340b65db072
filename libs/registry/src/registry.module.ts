import { Module } from '@nestjs/common';
import { HouseholdsController } from './households/households.controller.js';
import { HouseholdsService } from './households/households.service.js';
import { RegionsModule } from './regions/regions.module.js';
import { WorkerImportsModule, WorkerImportsProcessorsModule } from './import/import.module.js';
import { CompletenessController } from './workers/completeness.controller.js';
import { WorkerSearchController } from './worker-search/worker-search.controller.js';
import { WorkerSearchService } from './worker-search/worker-search.service.js';
import { WorkersIndex } from './worker-search/workers.index.js';
import { CompletenessService } from './workers/completeness.service.js';
import { MyProfileController } from './workers/my-profile.controller.js';
import { WorkerListsService } from './workers/worker-lists.service.js';
import { WorkerMapper } from './workers/worker.mapper.js';
import { WorkerStatusService } from './workers/worker-status.service.js';
import { WorkersController } from './workers/workers.controller.js';
import { WorkersService } from './workers/workers.service.js';
import { RegistryProcessor } from './workers/registry.processor.js';

const services = [WorkersService, WorkerStatusService, WorkerListsService, WorkerMapper, HouseholdsService, CompletenessService, WorkerSearchService, WorkersIndex];

/** 一库五名单: the labour registry's HTTP edge (API app). */
@Module({
  imports: [RegionsModule, WorkerImportsModule],
  controllers: [WorkersController, MyProfileController, HouseholdsController, CompletenessController, WorkerSearchController],
  providers: services,
  exports: [...services, RegionsModule],
})
export class RegistryModule {}

/** The registry's queue edge (worker app). */
@Module({
  imports: [RegionsModule, WorkerImportsProcessorsModule],
  providers: [CompletenessService, RegistryProcessor],
})
export class RegistryProcessorsModule {}

/** The workers index definition alone, for the indexers of both apps. */
@Module({
  imports: [RegionsModule],
  providers: [WorkersIndex],
  exports: [WorkersIndex],
})
export class WorkersIndexModule {}
