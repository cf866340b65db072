import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What changed since the summary was last folded, appended by triggers on applications and follow_ups in the writer's
 * own transaction (insert only: writers never wait on the summary). A row without `statusClass` asks for the
 * placement to be recomputed; a row with one is a follow-up counted (+n) or no longer counted (−n) under that class
 * and due day. The fold applies and deletes them.
 */
@Entity('retention_changes')
export class RetentionChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') applicationId: string;
  @Column({ type: 'date', nullable: true }) dueOn: string | null;
  /** done | overdue | open */
  @Column({ type: 'varchar', length: 8, nullable: true }) statusClass: string | null;
  @Column({ type: 'integer', default: 0 }) delta: number;
}
