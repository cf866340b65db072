import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RetentionCounters } from './retention-counters.js';

/** The dimensions of the daily summary: its `dim` column. `all` (key '') serves the report by month. */
export const RETENTION_DIMS = ['employer', 'broker', 'origin', 'destination', 'category', 'all'] as const;
export type RetentionDim = (typeof RETENTION_DIMS)[number];

/**
 * Retention summary by dimension, key and placement day: the per-placement rows summed, for the reports over
 * everything (admin, coordinator). Keys: employer id, broker id ('' = not placed by a broker), origin county,
 * destination county ('' = unknown), category, '' for `all`. Only the fold writes it.
 */
@Entity('retention_daily')
export class RetentionDaily extends RetentionCounters('integer') {
  @PrimaryColumn({ type: 'varchar', length: 12 }) dim: RetentionDim;
  @PrimaryColumn({ type: 'varchar', length: 36 }) key: string;
  @PrimaryColumn({ type: 'date' }) placedOn: string;
}
