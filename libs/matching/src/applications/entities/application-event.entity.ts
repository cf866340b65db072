import { Role } from '@daogang/platform';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicationStatus } from '../application-status.js';
import { Application } from './application.entity.js';

/** Every move of an application: who, when, from what to what, and why. Rows are never updated. */
@Entity('application_events')
@Index('application_events_application_idx', ['applicationId', 'id'])
export class ApplicationEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid') applicationId: string;
  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column({ type: 'varchar', length: 12, nullable: true }) fromStatus: ApplicationStatus | null;
  @Column({ type: 'varchar', length: 12 }) toStatus: ApplicationStatus;
  /** Null when the system moved it (a scheduled job). */
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 12 }) actorRole: Role | 'system';
  @Column({ type: 'varchar', length: 200, default: '' }) reason: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
