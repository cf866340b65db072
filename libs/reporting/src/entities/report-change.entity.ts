import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What the triggers append when a counted row changes (a worker's status, a household's zero-employment flag, a
 * follow-up going overdue, a case opened…): ±n of one metric at one place. Writers never touch the summary; the fold
 * (report-summary.sql.ts) applies these rows to report_counts and deletes them.
 */
@Entity('report_changes')
export class ReportChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'char', length: 6 }) countyCode: string;
  @Column({ type: 'varchar', length: 64 }) township: string;
  @Column({ type: 'varchar', length: 64 }) village: string;
  @Column({ type: 'varchar', length: 32 }) metric: string;
  @Column({ type: 'bigint' }) delta: string;
}
