import { Module } from '@nestjs/common';
import { MatchingModule } from '@daogang/matching';
import { RegionsModule } from '@daogang/registry';
import { CasesController } from './cases/cases.controller.js';
import { CaseFlagsService } from './cases/case-flags.service.js';
import { CasesService } from './cases/cases.service.js';
import { FollowupScheduleModule } from './schedule/follow-up-schedule.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { FollowUpsController } from './follow-ups/follow-ups.controller.js';
import { FollowUpsService } from './follow-ups/follow-ups.service.js';
import { SelfCheckInController, VisitsController } from './visits/visits.controller.js';
import { VisitsService } from './visits/visits.service.js';

/** 就业回访 (API app): visits and self check-ins, cases and re-employment suggestions. */
@Module({
  imports: [MatchingModule, RegionsModule, FollowupScheduleModule, RetentionModule],
  controllers: [FollowUpsController, VisitsController, SelfCheckInController, CasesController],
  providers: [FollowUpsService, VisitsService, CasesService, CaseFlagsService],
  exports: [VisitsService, CasesService, CaseFlagsService, FollowupScheduleModule],
})
export class FollowupModule {}
