import { Module } from '@nestjs/common';
import { RegionsModule } from '@daogang/registry';
import { RetentionController } from './retention.controller.js';
import { RetentionSummaryService } from './retention-summary.service.js';
import { RetentionService } from './retention.service.js';

/** 就业留存 (API app): the retention reports and the summary they read (kept in step by RetentionSummaryService.fold). */
@Module({
  imports: [RegionsModule],
  controllers: [RetentionController],
  providers: [RetentionService, RetentionSummaryService],
  exports: [RetentionService, RetentionSummaryService],
})
export class RetentionModule {}
