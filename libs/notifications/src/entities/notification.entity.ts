import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 站内消息: one message in one user's in-app inbox. */
@Entity('notifications')
@Index('notifications_inbox_idx', ['userId', 'createdAt'])
@Index('notifications_unread_idx', ['userId'], { where: 'read_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  /** Makes recording idempotent: the same event never puts two messages in one inbox. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 160 }) dedupeKey: string;
  @Column({ type: 'varchar', length: 40 }) template: string;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 500 }) body: string;
  /** Where the message leads in the web app, e.g. `/m/applications`. */
  @Column({ type: 'varchar', length: 200, default: '' }) link: string;
  @Column({ type: 'timestamptz', nullable: true }) readAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
