import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WorkerImport } from './worker-import.entity.js';

/** One problem of one row of an import: the error report (row number as the spreadsheet shows it, column, message). */
@Entity('worker_import_errors')
@Index('worker_import_errors_import_row_idx', ['importId', 'rowNumber'])
export class WorkerImportError {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') importId: string;
  @ManyToOne(() => WorkerImport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  workerImport?: WorkerImport;
  @Column({ type: 'int' }) rowNumber: number;
  /** The Chinese column header, e.g. 身份证号; empty when the problem is the whole row. */
  @Column({ type: 'varchar', length: 32, default: '' }) columnName: string;
  @Column({ type: 'varchar', length: 300 }) message: string;
}
