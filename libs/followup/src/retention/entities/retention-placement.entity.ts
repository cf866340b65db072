import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RetentionCounters } from './retention-counters.js';

/**
 * Retention summary, one row per placement (application placed / arrived / left): what the reports group, with the
 * dimensions copied from the application and its follow-ups folded into counters. Kept in step by the fold
 * (RetentionSummaryService) from `retention_changes`, which triggers on applications and follow_ups append to.
 * Serves the scoped reports (a broker's or officer's origin counties, an employer's own placements).
 */
@Entity('retention_placements')
/**
 * Brokers' and officers' reports read their counties' rows from this index alone (an index-only scan, in county and
 * day order): hence every column they group by or sum after the two it is searched by.
 */
@Index('retention_placements_origin_idx', [
  'originCounty', 'placedOn', 'employerId', 'brokerId', 'destinationCounty', 'category',
  'placements', 'arrived', 'leftWithin30', 'leftWithin90', 'leftWithin180',
  'doneWithin3', 'doneWithin7', 'doneWithin30', 'doneWithin90', 'doneWithin180',
  'overdueWithin3', 'overdueWithin7', 'overdueWithin30', 'overdueWithin90', 'overdueWithin180',
  'openWithin3', 'openWithin7', 'openWithin30', 'openWithin90', 'openWithin180',
])
@Index('retention_placements_employer_idx', ['employerId', 'placedOn'])
@Index('retention_placements_irregular_idx', ['placedOn'], { where: 'irregular > 0' })
export class RetentionPlacement extends RetentionCounters('smallint') {
  @PrimaryColumn('uuid') applicationId: string;
  /** The arrival day, or the agreed start day while not yet arrived. */
  @Column({ type: 'date' }) placedOn: string;
  @Column({ type: 'date', nullable: true }) arrivedOn: string | null;
  @Column('uuid') employerId: string;
  /** The broker who made the placement (applications.created_by when the channel is `broker`). */
  @Column({ type: 'uuid', nullable: true }) brokerId: string | null;
  /** The worker's home county. */
  @Column({ type: 'char', length: 6 }) originCounty: string;
  /** The job order's work county (its city is the destination). */
  @Column({ type: 'char', length: 6, nullable: true }) destinationCounty: string | null;
  @Column({ type: 'varchar', length: 16 }) category: string;
}
