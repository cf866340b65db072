import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn,
} from 'typeorm';
import { Household } from '../../households/entities/household.entity.js';
import type { Education, StatusSource } from '../employment-status.js';
import { EmploymentStatus } from '../employment-status.js';

export interface Disability { kind: string; grade: number; suitableWork?: string }
export interface Certificate { name: string; number?: string; issuer?: string; issuedOn?: string }
export interface TrainingRecord { course: string; provider?: string; completedOn?: string; certificate?: string }

/** 劳动力: one labourer of the one database (一库). Personal numbers are encrypted, with keyed hashes for lookup. */
@Entity('workers')
@Check('workers_status_check', `employment_status IN ('not_employed','employed_in_county','employed_in_province','employed_out_of_province','in_training','public_welfare_post','self_employed')`)
@Check('workers_sex_check', `sex IN ('M','F')`)
@Index('workers_county_village_idx', ['homeCountyCode', 'township', 'village'])
@Index('workers_county_status_idx', ['homeCountyCode', 'employmentStatus'])
@Index('workers_county_status_changed_idx', ['homeCountyCode', 'statusChangedAt'])
export class Worker {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** The worker's own account, when they have one. */
  @Index({ unique: true, where: 'user_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true }) userId: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true }) householdId: string | null;
  @ManyToOne(() => Household, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'household_id' })
  household?: Household;

  @Column({ length: 32 }) name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 }) idNumberHash: string;
  @Column({ type: 'text' }) idNumberEncrypted: string;
  /** Masked forms kept beside the ciphertext, so lists and exports never decrypt. */
  @Column({ type: 'varchar', length: 18 }) idNumberMasked: string;
  @Column({ type: 'date' }) birthDate: string;
  @Column({ type: 'char', length: 1 }) sex: 'M' | 'F';
  /** Region code printed in the ID number (where it was issued). */
  @Column({ type: 'char', length: 6 }) idRegionCode: string;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true }) mobileHash: string | null;
  @Column({ type: 'text', nullable: true }) mobileEncrypted: string | null;
  @Column({ type: 'varchar', length: 11, nullable: true }) mobileMasked: string | null;
  @Column({ type: 'timestamptz', nullable: true }) mobileVerifiedAt: Date | null;

  @Column({ type: 'char', length: 6 }) homeCountyCode: string;
  @Column({ type: 'varchar', length: 64, default: '' }) township: string;
  @Column({ type: 'varchar', length: 64, default: '' }) village: string;

  /** 建档立卡 */
  @Column({ default: false }) registeredPoor: boolean;
  @Column({ type: 'jsonb', nullable: true }) disability: Disability | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) education: Education | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) skills: string[];
  @Column({ type: 'varchar', length: 500, default: '' }) skillsNote: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) certificates: Certificate[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) trainings: TrainingRecord[];

  // Wishes (意愿): columns, not JSON, because the five lists and matching filter on them.
  @Column({ type: 'text', array: true, default: () => "'{}'" }) wishCategories: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) wishProvinces: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) wishCities: string[];
  @Column({ type: 'int', nullable: true }) minMonthlyWage: number | null;
  @Column({ default: false }) wantsToMove: boolean;
  @Column({ default: false }) wantsTraining: boolean;
  @Column({ default: false }) wantsBusiness: boolean;
  @Column({ type: 'date', nullable: true }) availableFrom: string | null;

  @Column({ type: 'varchar', length: 24, default: EmploymentStatus.NotEmployed }) employmentStatus: EmploymentStatus;
  @Column({ type: 'timestamptz', default: () => 'now()' }) statusChangedAt: Date;

  @Column({ type: 'varchar', length: 32, default: '' }) emergencyContactName: string;
  @Column({ type: 'text', nullable: true }) emergencyContactMobileEncrypted: string | null;

  /** 信息完整率: 0–100, and the fields that are missing or unverified; recomputed on every write. */
  @Column({ type: 'smallint', default: 0 }) completeness: number;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) missingFields: string[];

  /** Fingerprint of the imported fields: a re-import of the same row changes nothing. */
  @Column({ type: 'varchar', length: 32, nullable: true }) importHash: string | null;
  @Column({ type: 'varchar', length: 16, default: 'manual' }) source: StatusSource;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;

  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
