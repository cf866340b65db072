import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type EmployerKind = 'enterprise' | 'workshop' | 'public_welfare';
export const EMPLOYER_KINDS: EmployerKind[] = ['enterprise', 'workshop', 'public_welfare'];
export const EMPLOYER_KIND_ZH: Record<EmployerKind, string> = {
  enterprise: '用工企业', workshop: '扶贫车间', public_welfare: '公益性岗位开发单位',
};

export type VerificationStatus = 'pending' | 'verified' | 'rejected';
export const VERIFICATION_ZH: Record<VerificationStatus, string> = { pending: '待审核', verified: '已认证', rejected: '未通过' };

export interface EmployerContact {
  name: string;
  title: string;
  mobileEncrypted: string;
  mobileMasked: string;
}

/** 用工企业: an organisation that posts job orders; an officer verifies it before it may publish. */
@Entity('employers')
@Check('employers_kind_check', `kind IN ('enterprise', 'workshop', 'public_welfare')`)
@Check('employers_verification_check', `verification IN ('pending', 'verified', 'rejected')`)
export class Employer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ length: 128 }) name: string;
  /** 统一社会信用代码 (GB 32100), 18 characters. */
  @Column({ type: 'varchar', length: 18, nullable: true, unique: true }) creditCode: string | null;
  @Column({ type: 'varchar', length: 16, default: 'enterprise' }) kind: EmployerKind;
  /** GB/T 2260 code of the county where it employs people. */
  @Index()
  @Column({ type: 'char', length: 6, nullable: true }) countyCode: string | null;
  @Column({ type: 'varchar', length: 256, nullable: true }) address: string | null;
  @Column({ type: 'double precision', nullable: true }) lng: number | null;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) contacts: EmployerContact[];
  @Column({ type: 'text', default: '' }) description: string;
  @Index()
  @Column({ type: 'varchar', length: 16, default: 'pending' }) verification: VerificationStatus;
  @Column({ type: 'varchar', length: 200, default: '' }) verificationReason: string;
  @Column({ type: 'uuid', nullable: true }) verifiedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
