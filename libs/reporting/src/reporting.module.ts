import { Module } from '@nestjs/common';
import { RegionsModule } from '@daogang/registry';
import { DashboardService } from './dashboard/dashboard.service.js';
import { DestinationsService } from './destinations/destinations.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportSummaryService } from './summary/report-summary.service.js';
import { TargetsService } from './targets/targets.service.js';

/** Officers' reports (API app): 日调度 dashboard and ranking, 劳动就业去向表, targets, east-side absorption. */
@Module({
  imports: [RegionsModule],
  controllers: [ReportsController],
  providers: [ReportSummaryService, DashboardService, DestinationsService, TargetsService],
  exports: [ReportSummaryService, DashboardService],
})
export class ReportingModule {}
