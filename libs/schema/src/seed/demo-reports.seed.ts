import type { INestApplicationContext } from '@nestjs/common';
import { addDays, beijingDay } from '@daogang/platform';
import { ReportSummaryService } from '@daogang/reporting';
import type { DataSource } from 'typeorm';

/**
 * The officers' reports: yesterday's snapshot (the registry as seeded, so any status changed while clicking through
 * the demo shows as today's change) and last year's figures of the two Linxia counties, so 目标任务 has something to
 * compare with ("no fewer than last year").
 */
export async function seedDemoReports(app: INestApplicationContext, dataSource: DataSource): Promise<void> {
  await app.get(ReportSummaryService).snapshot(addDays(beijingDay(), -1));
  const year = Number(beijingDay().slice(0, 4));
  const lastYear: Array<[string, string, number, number | null]> = [
    ['622925', 'out_of_province', 12, null], ['622925', 'in_province', 6, 8], ['622925', 'in_county', 3, null],
    ['622921', 'out_of_province', 1, null], ['622921', 'in_province', 1, null], ['622921', 'in_county', 1, null],
  ];
  for (const [county, destination, figure, target] of lastYear) {
    await dataSource.query(
      `INSERT INTO employment_targets (year, county_code, destination, last_year, target) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (year, county_code, destination) DO NOTHING`,
      [year, county, destination, figure, target],
    );
  }
}
