import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How far a shared-engine indexer has applied the outbox (one row per consumer). */
@Entity('index_cursors')
export class IndexCursor {
  @PrimaryColumn({ type: 'varchar', length: 32 }) consumer: string;
  @Column({ type: 'bigint' }) lastId: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
