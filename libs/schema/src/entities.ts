import { RefreshToken, User, UserCounty } from '@daogang/accounts';
import { Employer, JobOrder } from '@daogang/jobs';
import { IndexCursor } from '@daogang/indexing';
import { Application, ApplicationEvent, OfferBatch, SubsidyClaim } from '@daogang/matching';
import { Notification, SmsMessage } from '@daogang/notifications';
import { DispatchPlan, PickupPoint, Trip, TripRider, TripStop, Vehicle } from '@daogang/transport';
import { FollowUp, FollowUpCase, RetentionChange, RetentionDaily, RetentionPlacement, Visit } from '@daogang/followup';
import { EmploymentTarget, ReportChange, ReportCount, ReportCountyCount, ReportDaily } from '@daogang/reporting';
import { IdempotencyKey, OutboxEvent } from '@daogang/platform';
import { CompletenessDaily, Household, HouseholdIncome, PiiAccess, Worker, WorkerStatusChange } from '@daogang/registry';
import { WorkerImport, WorkerImportError } from '@daogang/registry';

/** Every entity of every domain: the whole database as TypeORM sees it. */
export const ENTITIES = [
  User, UserCounty, RefreshToken,
  OutboxEvent, IndexCursor, IdempotencyKey,
  Employer, JobOrder,
  Household, HouseholdIncome, Worker, WorkerStatusChange, PiiAccess, CompletenessDaily, WorkerImport, WorkerImportError,
  Application, ApplicationEvent, SubsidyClaim, OfferBatch,
  Notification, SmsMessage,
  PickupPoint, Vehicle, DispatchPlan, Trip, TripStop, TripRider,
  FollowUp, Visit, FollowUpCase, RetentionPlacement, RetentionDaily, RetentionChange,
  ReportChange, ReportCount, ReportCountyCount, ReportDaily, EmploymentTarget,
];
