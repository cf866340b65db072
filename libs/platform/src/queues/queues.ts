/**
 * Every queue, every job and its payload, in one place. Producers and processors import from here.
 * DO NOT RENAME queue or job names: jobs already in Redis carry them.
 * Payloads carry ids, never whole entities; processors must be idempotent (a retry does no harm).
 */
export enum QueueName {
  Maintenance = 'maintenance',
  Import = 'import',
  Registry = 'registry',
  Jobs = 'jobs',
  SearchIndex = 'search-index',
  Notifications = 'notifications',
  Transport = 'transport',
  Followup = 'followup',
  Reporting = 'reporting',
}

export enum MaintenanceJob {
  PurgeExpiredRefreshTokens = 'PurgeExpiredRefreshTokens',
  /** Daily: idempotency keys older than 24 hours (with the answers they kept). */
  PurgeIdempotencyKeys = 'PurgeIdempotencyKeys',
}

export interface PurgeExpiredRefreshTokensPayload {
  /** Who asked (user id) or 'scheduler'. */
  requestedBy: string;
  /** Tokens expired or revoked before this instant are removed (ISO 8601); the job's run time when absent. */
  before?: string;
}

export enum ImportJob {
  /** Reads an uploaded worker list (CSV/XLSX) row by row and upserts workers keyed on the ID number. */
  ImportWorkers = 'ImportWorkers',
}

export interface ImportWorkersPayload {
  /** Id of the worker_imports row holding the file and the progress. */
  importId: string;
}

/** Jobs of the `registry` queue. */
export enum RegistryJob {
  /** Daily snapshot of completeness per county (for the ranking and its day-over-day change). */
  SnapshotCompleteness = 'SnapshotCompleteness',
}

/** Jobs of the `jobs` queue. */
export enum JobsJob {
  /** Closes job orders past their expiry day. */
  ExpireJobOrders = 'ExpireJobOrders',
}

/** Jobs of the `search-index` queue (used when a shared engine — Meilisearch — is indexed by the worker app). */
export enum SearchIndexJob {
  /** Applies the outbox after the stored cursor to the shared engine, in batches. */
  SyncIndexes = 'SyncIndexes',
  /** Rebuilds one index aside from PostgreSQL, then swaps it in. */
  Reindex = 'Reindex',
  /** Deletes outbox rows older than a week (starting processes build from the tables, not the outbox). */
  PruneOutbox = 'PruneOutbox',
}

export interface JobPayloads {
  [MaintenanceJob.PurgeExpiredRefreshTokens]: PurgeExpiredRefreshTokensPayload;
  [MaintenanceJob.PurgeIdempotencyKeys]: Record<string, never>;
  [ImportJob.ImportWorkers]: ImportWorkersPayload;
  [RegistryJob.SnapshotCompleteness]: { day?: string };
  [JobsJob.ExpireJobOrders]: Record<string, never>;
  [SearchIndexJob.SyncIndexes]: Record<string, never>;
  [SearchIndexJob.Reindex]: { index: string };
  [SearchIndexJob.PruneOutbox]: { olderThanDays?: number };
  [NotificationsJob.SendSms]: SendSmsPayload;
  [NotificationsJob.SweepSms]: Record<string, never>;
  [TransportJob.PlanTrips]: PlanTripsPayload;
  [TransportJob.RemindRiders]: RemindRidersPayload;
  [FollowupJob.CreateFollowUps]: CreateFollowUpsPayload;
  [FollowupJob.ScanFollowUps]: ScanFollowUpsPayload;
  [ReportingJob.FoldReports]: Record<string, never>;
  [ReportingJob.SnapshotReports]: SnapshotReportsPayload;
  [ReportingJob.RebuildReports]: Record<string, never>;
}

/** Jobs of the `transport` queue. */
export enum TransportJob {
  /** Builds (or re-builds, leaving locked trips alone) the draft trips of a dispatch plan; reports progress. */
  PlanTrips = 'PlanTrips',
  /** A delayed job per confirmed trip and lead time; moved or removed when the trip changes. */
  RemindRiders = 'RemindRiders',
}

export interface PlanTripsPayload {
  planId: string;
}

export interface RemindRidersPayload {
  tripId: string;
  /** Hours before departure: 24 or 2. */
  hoursBefore: number;
  /** The departure the reminder was scheduled for (ISO): a stale reminder (the trip moved) does nothing. */
  departureAt: string;
}

/** Jobs of the `notifications` queue (the SMS outbox, sent after the business transaction commits). */
export enum NotificationsJob {
  /** Sends one sms_messages row; the row is claimed first, so a retried or duplicated job never sends twice. */
  SendSms = 'SendSms',
  /** Every minute: re-dispatches stale pending/failed rows, marks rows stuck in `sending` as `unknown`. */
  SweepSms = 'SweepSms',
}

export interface SendSmsPayload {
  /** Id of the sms_messages row; the job id is `sms-<smsId>`, so BullMQ holds at most one job per message. */
  smsId: string;
}

/** Jobs of the `followup` queue (就业回访). PostgreSQL holds the schedule; these jobs only move it forward. */
export enum FollowupJob {
  /** Every 10 s: follow-ups for the placements that arrived, read from the outbox after a stored cursor. */
  CreateFollowUps = 'CreateFollowUps',
  /** Every 5 minutes: scheduled → due (reminders), due → overdue, overdue → escalated, in batches; catches up after an outage. */
  ScanFollowUps = 'ScanFollowUps',
}

export type CreateFollowUpsPayload = Record<string, never>;

export interface ScanFollowUpsPayload {
  /** The Beijing day to scan for (`YYYY-MM-DD`); the run's own day when absent (the scheduler's jobs). */
  today?: string;
}

/** Jobs of the `reporting` queue (the officers' report summary). */
export enum ReportingJob {
  /** Every minute: applies the change rows the triggers appended to the summary (the reports also fold before reading). */
  FoldReports = 'FoldReports',
  /** 23:50 Beijing time: the day's county counts, for the day-over-day change and ranking; a retry replaces the day. */
  SnapshotReports = 'SnapshotReports',
  /** By hand only: builds the summary afresh from the base tables (writers of the counted tables wait meanwhile). */
  RebuildReports = 'RebuildReports',
}

export interface SnapshotReportsPayload {
  /** The Beijing day to record (`YYYY-MM-DD`); the run's own day when absent. */
  day?: string;
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
