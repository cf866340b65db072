import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ImportFormat = 'csv' | 'xlsx';
export type ImportEncoding = 'utf-8' | 'gb18030' | 'utf-16le';
export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

/**
 * One upload of a worker list (CSV/XLSX as brokers keep them) and its progress. The file itself is kept in
 * PostgreSQL so any worker machine can read it, and cleared once the import has finished (it holds plain
 * ID numbers); its SHA-256 stays, so a double submit of the same file is recognised.
 */
@Entity('worker_imports')
@Check('worker_imports_format_check', `format IN ('csv','xlsx')`)
@Check('worker_imports_status_check', `status IN ('queued','running','completed','failed')`)
@Index('worker_imports_creator_idx', ['createdBy', 'createdAt'])
@Index('worker_imports_creator_file_idx', ['createdBy', 'fileSha256'])
export class WorkerImport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') createdBy: string;
  /** Who the import acts as, fixed at upload: role and the counties the rows may belong to. */
  @Column({ type: 'varchar', length: 16 }) actorRole: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) actorCounties: string[];
  @Column({ type: 'varchar', length: 200 }) fileName: string;
  @Column({ type: 'varchar', length: 4 }) format: ImportFormat;
  @Column({ type: 'varchar', length: 16, default: 'utf-8' }) encoding: ImportEncoding;
  @Column({ type: 'int' }) fileSize: number;
  @Column({ type: 'varchar', length: 64 }) fileSha256: string;
  /** The upload; NULL once the import has finished. Stored uncompressed (STORAGE EXTERNAL) so it is read in slices. */
  @Column({ type: 'bytea', nullable: true, select: false }) file: Buffer | null;
  @Column({ type: 'varchar', length: 12, default: 'queued' }) status: ImportStatus;
  /** Data rows in the file (blank rows not counted); known once the job has counted them. */
  @Column({ type: 'int', nullable: true }) totalRows: number | null;
  /** Data rows done: the checkpoint, committed with each batch; a retried job resumes after it. */
  @Column({ type: 'int', default: 0 }) processedRows: number;
  @Column({ type: 'int', default: 0 }) inserted: number;
  @Column({ type: 'int', default: 0 }) updated: number;
  @Column({ type: 'int', default: 0 }) unchanged: number;
  @Column({ type: 'int', default: 0 }) failedRows: number;
  /** Problems found (a row may have several); the report keeps the first ERROR_REPORT_CAP of them. */
  @Column({ type: 'int', default: 0 }) errorCount: number;
  /** e.g. unknown columns that were ignored. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) warnings: string[];
  /** Why the whole import failed (a missing required column, an unreadable file). */
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
