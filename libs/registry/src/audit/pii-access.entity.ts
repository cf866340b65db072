import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every read of unmasked personal data: who, whose, when, why. Append-only. */
@Entity('pii_access_log')
@Index('pii_access_log_subject_idx', ['subjectWorkerId', 'at'])
@Index('pii_access_log_actor_idx', ['actorId', 'at'])
export class PiiAccess {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') actorId: string;
  @Column({ type: 'varchar', length: 16 }) actorRole: string;
  @Column('uuid') subjectWorkerId: string;
  @Column({ type: 'text', array: true }) fields: string[];
  @Column({ type: 'varchar', length: 200 }) reason: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
