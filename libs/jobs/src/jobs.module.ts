import { Module } from '@nestjs/common';
import { AccountsModule } from '@daogang/accounts';
import { RegionsModule } from '@daogang/registry';
import { EmployersController } from './employers/employers.controller.js';
import { EmployersService } from './employers/employers.service.js';
import { JobOrderMapper } from './job-orders/job-order.mapper.js';
import { JobOrdersController } from './job-orders/job-orders.controller.js';
import { JobOrdersService } from './job-orders/job-orders.service.js';
import { JobsProcessor } from './job-orders/jobs.processor.js';
import { JobSearchController } from './job-search/job-search.controller.js';
import { JobSearchService } from './job-search/job-search.service.js';
import { JobsIndex } from './job-search/jobs.index.js';

const services = [EmployersService, JobOrdersService, JobOrderMapper, JobSearchService, JobsIndex];

/** Employers and job orders: HTTP edge (API app). */
@Module({
  imports: [AccountsModule, RegionsModule],
  controllers: [EmployersController, JobOrdersController, JobSearchController],
  providers: services,
  exports: services,
})
export class JobsModule {}

/** Queue edge (worker app). */
@Module({
  imports: [RegionsModule],
  providers: [JobOrdersService, JobOrderMapper, JobsProcessor],
})
export class JobsProcessorsModule {}

/** The jobs index definition alone, for the indexers of both apps. */
@Module({
  imports: [RegionsModule],
  providers: [JobsIndex],
  exports: [JobsIndex],
})
export class JobsIndexModule {}
