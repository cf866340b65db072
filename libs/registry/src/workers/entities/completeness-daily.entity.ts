import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per county per day: the snapshot behind the daily ranking (日排名) and its day-over-day change. */
@Entity('completeness_daily')
export class CompletenessDaily {
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ type: 'char', length: 6 }) countyCode: string;
  @Column({ type: 'int' }) workers: number;
  @Column({ type: 'int' }) complete: number;
  @Column({ type: 'bigint' }) scoreSum: string;
}
