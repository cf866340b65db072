import { Module } from '@nestjs/common';
import { MatchingModule } from '@daogang/matching';
import { NotificationsModule, NotificationsProcessorsModule } from '@daogang/notifications';
import { RegionsModule } from '@daogang/registry';
import { DispatchController } from './dispatch/dispatch.controller.js';
import { DispatchPlansService } from './dispatch/dispatch-plans.service.js';
import { DistancePort } from './distance/distance.port.js';
import { GreatCircleDistance } from './distance/great-circle.distance.js';
import { FleetModule } from './fleet.module.js';
import { TransportProcessor } from './transport.processor.js';
import { TripBoardingService } from './trips/trip-boarding.service.js';
import { TripMapper } from './trips/trip.mapper.js';
import { TripNotices } from './trips/trip-notices.js';
import { TripRemindersService } from './trips/trip-reminders.service.js';
import { MyTripsController, TripsController } from './trips/trips.controller.js';
import { TripsService } from './trips/trips.service.js';

/** Road distances: great-circle × road factor; bind a road-network engine here instead (docs/dispatch.md). */
const distance = { provide: DistancePort, useFactory: () => new GreatCircleDistance() };

/** 输转 (API app): pickup points and vehicles, plans, the review of trips, boarding and arrival, manifests. */
@Module({
  imports: [FleetModule, MatchingModule, NotificationsModule, RegionsModule],
  controllers: [DispatchController, TripsController, MyTripsController],
  providers: [distance, DispatchPlansService, TripsService, TripBoardingService, TripMapper, TripNotices, TripRemindersService],
  exports: [DispatchPlansService, TripsService, TripRemindersService],
})
export class TransportModule {}

/** Queue edge (worker app): the PlanTrips and RemindRiders jobs. */
@Module({
  imports: [NotificationsProcessorsModule, RegionsModule],
  providers: [distance, DispatchPlansService, TripRemindersService, TripNotices, TransportProcessor],
})
export class TransportProcessorsModule {}
