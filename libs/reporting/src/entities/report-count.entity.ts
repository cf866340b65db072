import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The summary behind the officers' reports: one count per place and metric (metrics: report-metrics.ts). Worker and
 * household metrics are kept per village; follow-up, case and absorption metrics per county (township = village = '').
 */
@Entity('report_counts')
export class ReportCount {
  @PrimaryColumn({ type: 'char', length: 6 }) countyCode: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) township: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) village: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) metric: string;
  @Column({ type: 'bigint' }) n: string;
}

/** The same counts summed per county, kept by the same fold: what the dashboard reads (a few rows per county). */
@Entity('report_county_counts')
export class ReportCountyCount {
  @PrimaryColumn({ type: 'char', length: 6 }) countyCode: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) metric: string;
  @Column({ type: 'bigint' }) n: string;
}

/** The county counts as they stood at the day's snapshot (23:50 Beijing): the day-over-day change and ranking. */
@Entity('report_daily')
export class ReportDaily {
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ type: 'char', length: 6 }) countyCode: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) metric: string;
  @Column({ type: 'bigint' }) n: string;
}
