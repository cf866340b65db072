import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One "send offers to these N workers" action, kept so that a retry with the same key answers the same. */
@Entity('offer_batches')
@Index('offer_batches_key_idx', ['createdBy', 'idempotencyKey'], { unique: true })
export class OfferBatch {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') createdBy: string;
  @Column({ type: 'varchar', length: 64 }) idempotencyKey: string;
  @Column('uuid') jobOrderId: string;
  /** sha256 of the request: the same key with a different request is refused. */
  @Column({ type: 'varchar', length: 64 }) requestHash: string;
  /** Null while the batch is being sent. */
  @Column({ type: 'jsonb', nullable: true }) result: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
