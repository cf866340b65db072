import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SmsStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';

/**
 * 短信: written in the business transaction (the SMS outbox), sent after commit by the `notifications` queue.
 * `sending` is claimed before the provider is called, so a retried job never sends the same message twice.
 */
@Entity('sms_messages')
@Check('sms_messages_status_check', `status IN ('pending','sending','sent','failed','unknown')`)
@Index('sms_messages_status_idx', ['status', 'createdAt'])
export class SmsMessage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 160 }) dedupeKey: string;
  @Column({ type: 'uuid', nullable: true }) userId: string | null;
  @Column({ type: 'uuid', nullable: true }) workerId: string | null;
  @Column({ type: 'text' }) mobileEncrypted: string;
  @Column({ type: 'varchar', length: 11 }) mobileMasked: string;
  @Column({ type: 'varchar', length: 40 }) template: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) params: Record<string, string | number>;
  @Column({ type: 'varchar', length: 500 }) body: string;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) status: SmsStatus;
  @Column({ type: 'smallint', default: 0 }) attempts: number;
  @Column({ type: 'varchar', length: 20, nullable: true }) provider: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) providerMessageId: string | null;
  @Column({ type: 'varchar', length: 300, default: '' }) error: string;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
