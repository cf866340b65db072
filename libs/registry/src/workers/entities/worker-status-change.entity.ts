import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EmploymentStatus, StatusSource } from '../employment-status.js';
import { Worker } from './worker.entity.js';

/** Every change of a worker's employment status, as a row: when, by whom, from what source. */
@Entity('worker_status_changes')
@Index('worker_status_changes_worker_idx', ['workerId', 'changedAt'])
@Index('worker_status_changes_changed_at_idx', ['changedAt'])
export class WorkerStatusChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') workerId: string;
  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;
  @Column({ type: 'varchar', length: 24, nullable: true }) fromStatus: EmploymentStatus | null;
  @Column({ type: 'varchar', length: 24 }) toStatus: EmploymentStatus;
  @CreateDateColumn({ type: 'timestamptz' }) changedAt: Date;
  @Column({ type: 'uuid', nullable: true }) changedBy: string | null;
  @Column({ type: 'varchar', length: 16 }) source: StatusSource;
  @Column({ type: 'varchar', length: 200, default: '' }) note: string;
}
