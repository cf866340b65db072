/**
 * Every queue, every job and its payload, in one place. Producers and processors import from here.
 * DO NOT RENAME queue or job names: jobs already in Redis carry them.
 * Payloads carry ids, never whole entities; processors must be idempotent (a retry does no harm).
 */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum MaintenanceJob {
  PurgeExpiredRefreshTokens = 'PurgeExpiredRefreshTokens',
}

export interface PurgeExpiredRefreshTokensPayload {
  /** Who asked (user id) or 'scheduler'. */
  requestedBy: string;
  /** Tokens expired or revoked before this instant are removed (ISO 8601); the job's run time when absent. */
  before?: string;
}

export interface JobPayloads {
  [MaintenanceJob.PurgeExpiredRefreshTokens]: PurgeExpiredRefreshTokensPayload;
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
