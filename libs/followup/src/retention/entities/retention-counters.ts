import { Column } from 'typeorm';

/**
 * The counters of the retention summary, the same in the per-placement rows (smallint) and the daily rows (integer).
 * `left_within_N`: arrived and left less than N days after arrival. `<class>_within_D`: follow-ups of that class
 * (done / overdue / open = scheduled or due) whose due day is one of the programme's days up to D days after arrival —
 * cumulative, so "due by asOf" for a placement that arrived A days before asOf is the column of the largest day ≤ A.
 * `irregular`: follow-ups due on another day (counted from follow_ups when reporting). See retention-days.ts.
 */
export function RetentionCounters(type: 'smallint' | 'integer') {
  const counter = (name: string) => Column({ name, type, default: 0 });
  abstract class Counters {
    @counter('placements') placements: number;
    @counter('arrived') arrived: number;
    @counter('left_within_30') leftWithin30: number;
    @counter('left_within_90') leftWithin90: number;
    @counter('left_within_180') leftWithin180: number;
    @counter('done_within_3') doneWithin3: number;
    @counter('done_within_7') doneWithin7: number;
    @counter('done_within_30') doneWithin30: number;
    @counter('done_within_90') doneWithin90: number;
    @counter('done_within_180') doneWithin180: number;
    @counter('overdue_within_3') overdueWithin3: number;
    @counter('overdue_within_7') overdueWithin7: number;
    @counter('overdue_within_30') overdueWithin30: number;
    @counter('overdue_within_90') overdueWithin90: number;
    @counter('overdue_within_180') overdueWithin180: number;
    @counter('open_within_3') openWithin3: number;
    @counter('open_within_7') openWithin7: number;
    @counter('open_within_30') openWithin30: number;
    @counter('open_within_90') openWithin90: number;
    @counter('open_within_180') openWithin180: number;
    @counter('irregular') irregular: number;
  }
  return Counters;
}
