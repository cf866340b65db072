import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: a row written in the same transaction as the change it announces. Consumers tail it by id
 * (each keeps its own cursor), so a side effect (search index, notification) happens only after commit and
 * is never lost when Redis or a consumer is away.
 */
@Entity('outbox_events')
@Index('outbox_events_topic_id_idx', ['topic', 'id'])
export class OutboxEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  /** e.g. `search.jobs`, `search.workers` */
  @Column({ type: 'varchar', length: 64 }) topic: string;
  /** The id of what changed. */
  @Column({ type: 'varchar', length: 64 }) key: string;
  /** Indexed: the tailers re-read the last seconds, and the daily prune deletes by age. */
  @Index('outbox_events_created_at_idx')
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
