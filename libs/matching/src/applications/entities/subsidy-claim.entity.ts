import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SubsidyKind } from '../application-status.js';
import { Application } from './application.entity.js';

/** 就业补贴申领: a subsidy claimed for one placement. One claim per kind; hiring and training exclude each other. */
@Entity('subsidy_claims')
@Check('subsidy_claims_kind_check', `kind IN ('one_off_hiring','on_job_training','transport','social_insurance')`)
@Check('subsidy_claims_amount_check', `amount >= 0`)
@Index('subsidy_claims_one_per_kind', ['applicationId', 'kind'], { unique: true })
export class SubsidyClaim {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column({ type: 'varchar', length: 20 }) kind: SubsidyKind;
  /** 元 */
  @Column({ type: 'int' }) amount: number;
  @Column({ type: 'varchar', length: 200, default: '' }) note: string;
  @Column('uuid') claimedBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) claimedAt: Date;
}
