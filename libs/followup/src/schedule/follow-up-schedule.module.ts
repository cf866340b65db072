import { Module } from '@nestjs/common';
import { NotificationsModule, NotificationsProcessorsModule } from '@daogang/notifications';
import { CaseFlagsService } from '../cases/case-flags.service.js';
import { FollowUpScheduleService } from './follow-up-schedule.service.js';
import { FollowupProcessor } from './followup.processor.js';

/** 回访计划 (API app): the schedule service, for the flows that end a placement (`cancelFor`). */
@Module({
  imports: [NotificationsModule],
  providers: [FollowUpScheduleService],
  exports: [FollowUpScheduleService],
})
export class FollowupScheduleModule {}

/** Queue edge (worker app): the CreateFollowUps and ScanFollowUps jobs (schedulers in apps/worker/src/worker.module.ts). */
@Module({
  imports: [NotificationsProcessorsModule],
  providers: [FollowUpScheduleService, CaseFlagsService, FollowupProcessor],
  exports: [FollowUpScheduleService],
})
export class FollowupProcessorsModule {}
