import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type DispatchPlanStatus = 'queued' | 'planning' | 'draft' | 'confirmed' | 'failed';

/** 输转计划: one planning run over the placements starting in a date window; its trips are the draft. */
@Entity('dispatch_plans')
@Check('dispatch_plans_status_check', `status IN ('queued','planning','draft','confirmed','failed')`)
export class DispatchPlan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 12 }) status: DispatchPlanStatus;
  /** Placements whose start date is in [startFrom, startTo]. */
  @Column({ type: 'date' }) startFrom: string;
  @Column({ type: 'date' }) startTo: string;
  /** The planner's options (seats, stops, ride time, days early…). */
  @Column({ type: 'jsonb' }) options: Record<string, unknown>;
  /** 0–100 while planning. */
  @Column({ type: 'smallint', default: 0 }) progress: number;
  /** Vehicles, lower bound, km, riders planned/unplanned, wall time; unplanned riders with reasons. */
  @Column({ type: 'jsonb', nullable: true }) summary: Record<string, unknown> | null;
  @Column({ type: 'varchar', length: 300, default: '' }) error: string;
  @Column('uuid') createdBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
