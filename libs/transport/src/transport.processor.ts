import { Processor, WorkerHost } from '@nestjs/bullmq';
import { PlanTripsPayload, QueueName, RemindRidersPayload, TransportJob } from '@daogang/platform';
import type { Job } from 'bullmq';
import { DispatchPlansService } from './dispatch/dispatch-plans.service.js';
import { TripRemindersService } from './trips/trip-reminders.service.js';

/** The `transport` queue: plans (with progress) and reminders, handed to the same services the API uses. */
@Processor(QueueName.Transport)
export class TransportProcessor extends WorkerHost {
  constructor(
    private readonly plans: DispatchPlansService,
    private readonly reminders: TripRemindersService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as TransportJob) {
      case TransportJob.PlanTrips: {
        const plan = await this.plans.run((job.data as PlanTripsPayload).planId, (p) => job.updateProgress(p));
        return plan.summary;
      }
      case TransportJob.RemindRiders:
        return { reminded: await this.reminders.remind(job.data as RemindRidersPayload) };
      default:
        throw new Error(`unknown transport job ${job.name}`);
    }
  }
}
