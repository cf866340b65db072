import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type VisitChannel = 'phone' | 'wechat' | 'in_person' | 'self_check_in';
export const VISIT_CHANNELS: VisitChannel[] = ['phone', 'wechat', 'in_person', 'self_check_in'];
export type VisitProblem = 'wage_arrears' | 'injury' | 'conflict' | 'homesick' | 'family';
export const VISIT_PROBLEMS: VisitProblem[] = ['wage_arrears', 'injury', 'conflict', 'homesick', 'family'];

/** 回访记录: how a placed worker is doing, from a broker's call or visit or the worker's own check-in. */
@Entity('follow_up_visits')
@Check('follow_up_visits_channel_check', `channel IN ('phone','wechat','in_person','self_check_in')`)
@Index('follow_up_visits_application_idx', ['applicationId', 'visitedAt'])
export class Visit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  @Column('uuid') workerId: string;
  /** The follow-up it answers, when there was one due. */
  @Column({ type: 'uuid', nullable: true }) followUpId: string | null;
  @Column({ type: 'varchar', length: 16 }) channel: VisitChannel;
  @Column() stillEmployed: boolean;
  @Column({ type: 'boolean', nullable: true }) wagePaidOnTime: boolean | null;
  /** 元/月 */
  @Column({ type: 'int', nullable: true }) monthlyWage: number | null;
  @Column({ type: 'smallint', nullable: true }) hoursPerWeek: number | null;
  @Column({ type: 'boolean', nullable: true }) housingOk: boolean | null;
  @Column({ type: 'boolean', nullable: true }) foodOk: boolean | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) problems: VisitProblem[];
  @Column({ default: false }) intentToLeave: boolean;
  /** A worker's "I need help" (self check-in). */
  @Column({ default: false }) needsHelp: boolean;
  @Column({ type: 'varchar', length: 1000, default: '' }) notes: string;
  @Column({ type: 'uuid' }) recordedBy: string;
  @Column({ type: 'timestamptz' }) visitedAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
