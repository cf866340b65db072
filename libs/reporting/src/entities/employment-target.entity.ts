import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A county's employment figure of the year before and its target for the year, per destination class (省外 / 省内县外 /
 * 县内). No target set: the target is last year's figure ("no fewer than last year").
 */
@Entity('employment_targets')
@Check('employment_targets_figures', `coalesce(last_year, 0) >= 0 AND coalesce(target, 0) >= 0`)
export class EmploymentTarget {
  @PrimaryColumn({ type: 'smallint' }) year: number;
  @PrimaryColumn({ type: 'char', length: 6 }) countyCode: string;
  @PrimaryColumn({ type: 'varchar', length: 24 }) destination: string;
  @Column({ type: 'int', nullable: true }) lastYear: number | null;
  @Column({ type: 'int', nullable: true }) target: number | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
