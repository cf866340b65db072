import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type CaseReason = 'wage_arrears' | 'intent_to_leave' | 'missed_follow_ups' | 'wage_drop' | 'needs_help' | 'injury' | 'left_job';
export type CaseOutcome = 'resolved' | 'changed_job' | 'left_home';

/** 帮扶工单: a placement at risk, owned by a broker until it is resolved, the worker changes job, or goes home. */
@Entity('follow_up_cases')
@Check('follow_up_cases_status_check', `status IN ('open','closed')`)
@Check('follow_up_cases_outcome_check', `outcome IS NULL OR outcome IN ('resolved','changed_job','left_home')`)
@Index('follow_up_cases_one_open', ['applicationId'], { unique: true, where: `status = 'open'` })
@Index('follow_up_cases_owner_idx', ['ownerId', 'status', 'dueOn'])
@Index('follow_up_cases_county_idx', ['countyCode', 'status'])
export class FollowUpCase {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  @Column('uuid') workerId: string;
  @Column({ type: 'char', length: 6 }) countyCode: string;
  @Column({ type: 'uuid', nullable: true }) ownerId: string | null;
  /** Every rule that flagged it (more are added while it is open). */
  @Column({ type: 'text', array: true }) reasons: CaseReason[];
  @Column({ type: 'varchar', length: 8, default: 'open' }) status: 'open' | 'closed';
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'varchar', length: 12, nullable: true }) outcome: CaseOutcome | null;
  @Column({ type: 'varchar', length: 500, default: '' }) outcomeNote: string;
  /** The new placement when the outcome is a changed job. */
  @Column({ type: 'uuid', nullable: true }) newApplicationId: string | null;
  @Column({ type: 'uuid', nullable: true }) openedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
