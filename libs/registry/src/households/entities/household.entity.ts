import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** 户 / 一户一档: the unit of help. `zeroEmployment` is derived whenever a member's status changes. */
@Entity('households')
@Index('households_county_village_idx', ['countyCode', 'township', 'village'])
export class Household {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** 户编号 of the poverty registration (or of the village's own ledger). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 }) registrationNo: string;
  @Column({ type: 'char', length: 6 }) countyCode: string;
  @Column({ type: 'varchar', length: 64, default: '' }) township: string;
  @Column({ type: 'varchar', length: 64, default: '' }) village: string;
  @Column({ type: 'varchar', length: 32, default: '' }) headName: string;
  /** 建档立卡户 */
  @Column({ default: false }) registeredPoor: boolean;
  /** 一户一策: the household's own plan. */
  @Column({ type: 'text', default: '' }) plan: string;
  /** 零就业户: has labourers and none of them employed. Maintained in the same transaction as member changes. */
  @Index({ where: 'zero_employment' })
  @Column({ default: false }) zeroEmployment: boolean;
  @Column({ type: 'smallint', default: 0 }) labourerCount: number;
  @Column({ type: 'smallint', default: 0 }) employedCount: number;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
