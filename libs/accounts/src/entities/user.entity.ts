import { Role } from '@daogang/platform';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type UserStatus = 'active' | 'disabled';

/** An account. Workers sign in by mobile number, staff by user name (or mobile). */
@Entity('users')
@Check('users_role_check', `role IN ('worker', 'employer', 'broker', 'coordinator', 'officer', 'admin')`)
@Check('users_status_check', `status IN ('active', 'disabled')`)
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 16 }) role: Role;
  /** Lower-case login name for staff; null for most workers. */
  @Index({ unique: true, where: 'username IS NOT NULL' })
  @Column({ type: 'varchar', length: 64, nullable: true }) username: string | null;
  /** HMAC of the mobile number (PiiCipher.hash) for lookup; the number itself is encrypted. */
  @Index({ unique: true, where: 'mobile_hash IS NOT NULL' })
  @Column({ type: 'varchar', length: 64, nullable: true }) mobileHash: string | null;
  @Column({ type: 'text', nullable: true }) mobileEncrypted: string | null;
  @Column({ length: 64 }) displayName: string;
  @Column({ type: 'text' }) passwordHash: string;
  @Index()
  @Column({ type: 'uuid', nullable: true }) employerId: string | null;
  /** By entity name, so accounts does not import the jobs lib. */
  @ManyToOne('Employer', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'employer_id' })
  employer?: unknown;
  @Column({ type: 'varchar', length: 16, default: 'active' }) status: UserStatus;
  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
