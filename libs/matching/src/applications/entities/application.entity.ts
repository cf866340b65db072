import { JobOrder } from '@daogang/jobs';
import { Worker } from '@daogang/registry';
import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn,
} from 'typeorm';
import type { ApplicationChannel, ApplicationStatus, ConsentMethod } from '../application-status.js';

/**
 * 报名 / 录用: one worker for one job order, from application to leaving. A placement is an application that reached
 * `accepted`. The two partial unique indexes are the last line behind the service: one open application per worker and
 * order, and one active placement per worker.
 */
@Entity('applications')
@Check('applications_status_check', `status IN ('applied','screening','offered','accepted','placed','arrived','left','declined','withdrawn','rejected')`)
@Check('applications_channel_check', `channel IN ('worker','broker','employer')`)
@Index('applications_one_open_per_order', ['jobOrderId', 'workerId'], {
  unique: true, where: `status IN ('applied','screening','offered','accepted','placed','arrived')`,
})
@Index('applications_one_active_placement', ['workerId'], { unique: true, where: `status IN ('accepted','placed','arrived')` })
@Index('applications_order_status_idx', ['jobOrderId', 'status'])
@Index('applications_worker_idx', ['workerId', 'createdAt'])
@Index('applications_county_status_idx', ['workerCountyCode', 'status'])
@Index('applications_employer_status_idx', ['employerId', 'status'])
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column('uuid') jobOrderId: string;
  @ManyToOne(() => JobOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'job_order_id' })
  jobOrder?: JobOrder;

  @Column('uuid') workerId: string;
  @ManyToOne(() => Worker, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;

  /** Copies for scoping without joins: the employer of the order, the worker's home county. */
  @Column('uuid') employerId: string;
  @Column({ type: 'char', length: 6 }) workerCountyCode: string;
  /** The order's category, for "how long did they stay in similar jobs". */
  @Column({ type: 'varchar', length: 16 }) category: string;
  /** The order's work county: retention by destination without a join. */
  @Column({ type: 'char', length: 6, nullable: true }) workCountyCode: string | null;

  @Column({ type: 'varchar', length: 12 }) status: ApplicationStatus;
  @Column({ type: 'varchar', length: 10 }) channel: ApplicationChannel;

  /** When a broker acted for the worker: how the worker agreed, and who recorded it. */
  @Column({ type: 'varchar', length: 10, nullable: true }) consentMethod: ConsentMethod | null;
  @Column({ type: 'varchar', length: 200, default: '' }) consentNote: string;
  @Column({ type: 'timestamptz', nullable: true }) consentAt: Date | null;

  /** The last reason given (rejection, decline, withdrawal, leaving). Every move's reason is in the events. */
  @Column({ type: 'varchar', length: 200, default: '' }) reason: string;
  /** Matching score when the offer was made (0–100), for later review of the ranking. */
  @Column({ type: 'smallint', nullable: true }) offerScore: number | null;

  @Column({ type: 'timestamptz', nullable: true }) offeredAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  /** Fixed when the employer confirms the placement. */
  @Column({ type: 'date', nullable: true }) startDate: string | null;
  @Column({ type: 'date', nullable: true }) arrivedOn: string | null;
  @Column({ type: 'date', nullable: true }) leftOn: string | null;

  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
