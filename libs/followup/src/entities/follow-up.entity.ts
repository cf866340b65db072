import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type FollowUpStatus = 'scheduled' | 'due' | 'done' | 'overdue' | 'cancelled';

/**
 * 就业回访: one scheduled follow-up of a placement (day 3, 7, 30, 90, 180 after arrival by default), assigned to the
 * worker's broker. PostgreSQL is the source of truth; the scheduler only moves rows forward with conditional UPDATEs,
 * and (application, day) is unique, so a restart or a retried job never loses or duplicates one.
 */
@Entity('follow_ups')
@Check('follow_ups_status_check', `status IN ('scheduled','due','done','overdue','cancelled')`)
@Index('follow_ups_one_per_day', ['applicationId', 'dayOffset'], { unique: true })
@Index('follow_ups_scan_idx', ['status', 'dueOn'])
@Index('follow_ups_broker_idx', ['brokerId', 'status', 'dueOn'])
@Index('follow_ups_county_idx', ['countyCode', 'status', 'dueOn'])
export class FollowUp {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  @Column('uuid') workerId: string;
  /** The worker's home county: the broker's and the officer's scope. */
  @Column({ type: 'char', length: 6 }) countyCode: string;
  /** The broker in charge (null: no broker assigned to the county yet; officers see it). */
  @Column({ type: 'uuid', nullable: true }) brokerId: string | null;
  @Column({ type: 'varchar', length: 24, default: 'default' }) programme: string;
  /** Days after arrival. */
  @Column({ type: 'smallint' }) dayOffset: number;
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'varchar', length: 10, default: 'scheduled' }) status: FollowUpStatus;
  @Column({ type: 'timestamptz', nullable: true }) promotedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) overdueAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) doneAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) visitId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
