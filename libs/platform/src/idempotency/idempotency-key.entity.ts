import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A POST made with an `Idempotency-Key` header, and its first answer: a retry with the same key (same caller, same
 * request) gets that answer back instead of doing the thing twice. Kept for 24 hours (purged daily).
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_created_idx', ['createdAt'])
export class IdempotencyKey {
  /** The caller: a user id, or `anonymous`. */
  @PrimaryColumn({ type: 'varchar', length: 64 }) owner: string;
  @PrimaryColumn({ type: 'varchar', length: 128 }) key: string;
  @Column({ type: 'varchar', length: 8 }) method: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  /** sha256 of method, path, query and body: the same key with another request is refused. */
  @Column({ type: 'char', length: 64 }) requestHash: string;
  @Column({ type: 'varchar', length: 8 }) state: 'running' | 'done';
  @Column({ type: 'smallint', nullable: true }) statusCode: number | null;
  @Column({ type: 'jsonb', nullable: true }) response: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
