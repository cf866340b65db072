import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Household } from './household.entity.js';

/** A household's income record (per year and source), in yuan. */
@Entity('household_incomes')
@Index('household_incomes_household_year_idx', ['householdId', 'year'])
export class HouseholdIncome {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') householdId: string;
  @ManyToOne(() => Household, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: Household;
  @Column({ type: 'smallint' }) year: number;
  /** 工资性收入 / 经营性收入 / 转移性收入 / 财产性收入 */
  @Column({ type: 'varchar', length: 16 }) kind: 'wage' | 'business' | 'transfer' | 'property';
  @Column({ type: 'int' }) amountYuan: number;
  @Column({ type: 'varchar', length: 200, default: '' }) note: string;
  @Column({ type: 'uuid', nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
