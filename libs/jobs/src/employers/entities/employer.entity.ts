import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 用工企业: an organisation that posts job orders. The jobs issue adds verification and contacts. */
@Entity('employers')
export class Employer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ length: 128 }) name: string;
  /** 统一社会信用代码 (GB 32100), 18 characters. */
  @Column({ type: 'varchar', length: 18, nullable: true, unique: true }) creditCode: string | null;
  /** GB/T 2260 code of the county where it employs people. */
  @Column({ type: 'char', length: 6, nullable: true }) countyCode: string | null;
  @Column({ type: 'varchar', length: 256, nullable: true }) address: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
