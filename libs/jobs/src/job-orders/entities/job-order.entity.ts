import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Employer } from '../../employers/entities/employer.entity.js';

export type JobOrderStatus = 'draft' | 'published' | 'paused' | 'filled' | 'closed';
export const JOB_ORDER_STATUS_ZH: Record<JobOrderStatus, string> = {
  draft: '草稿', published: '招聘中', paused: '暂停', filled: '已招满', closed: '已结束',
};
export type Shift = 'day' | 'two_shift' | 'three_shift' | 'flexible';
export const SHIFTS: Shift[] = ['day', 'two_shift', 'three_shift', 'flexible'];
export const SHIFT_ZH: Record<Shift, string> = { day: '长白班', two_shift: '两班倒', three_shift: '三班倒', flexible: '弹性排班' };
export type Benefit = 'dorm' | 'meals' | 'insurance' | 'travel';
export const BENEFITS: Benefit[] = ['dorm', 'meals', 'insurance', 'travel'];
export const BENEFIT_ZH: Record<Benefit, string> = { dorm: '包住', meals: '包吃', insurance: '五险', travel: '报销路费' };

/** 招聘订单: "50 assemblers by 1 March, dorm + meals". */
@Entity('job_orders')
@Check('job_orders_status_check', `status IN ('draft', 'published', 'paused', 'filled', 'closed')`)
@Check('job_orders_headcount_check', `places_filled >= 0 AND places_filled <= headcount`)
@Check('job_orders_wage_check', `wage_min <= wage_max`)
@Check('job_orders_age_check', `age_min <= age_max`)
@Index('job_orders_status_county_idx', ['status', 'workCountyCode'])
@Index('job_orders_employer_idx', ['employerId', 'status'])
export class JobOrder {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') employerId: string;
  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @Column({ length: 60 }) title: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ type: 'varchar', length: 16 }) category: string;
  @Column({ type: 'int' }) headcount: number;
  @Column({ type: 'int', default: 0 }) placesFilled: number;
  @Column({ type: 'int' }) wageMin: number;
  @Column({ type: 'int' }) wageMax: number;
  @Column({ default: false }) pieceRate: boolean;
  @Column({ type: 'varchar', length: 200, default: '' }) pieceRateNote: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) benefits: Benefit[];
  @Column({ type: 'char', length: 6 }) workCountyCode: string;
  @Column({ type: 'varchar', length: 256, default: '' }) workAddress: string;
  @Column({ type: 'double precision', nullable: true }) lng: number | null;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'varchar', length: 16, default: 'day' }) shift: Shift;
  @Column({ type: 'date' }) startDate: string;
  /** The order closes itself after this day (a scheduled job). */
  @Index()
  @Column({ type: 'date' }) expiresOn: string;
  @Column({ type: 'smallint', default: 18 }) ageMin: number;
  @Column({ type: 'smallint', default: 55 }) ageMax: number;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) requiredSkills: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) requiredCertificates: string[];
  /** 以岗定训: the employer trains for this job. */
  @Column({ default: false }) trainingOffered: boolean;
  @Column({ type: 'varchar', length: 200, default: '' }) trainingNote: string;
  /** Suitable for people with a disability. */
  @Column({ default: false }) accessible: boolean;

  @Column({ type: 'varchar', length: 12, default: 'draft' }) status: JobOrderStatus;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'varchar', length: 200, default: '' }) closeReason: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;

  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
