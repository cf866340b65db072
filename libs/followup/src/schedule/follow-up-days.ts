import { beijingDay } from '@daogang/platform';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-03-01` is a real calendar day written as PostgreSQL's `date` reads it. */
export function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

export { addDays } from '@daogang/platform';

/** The instant a Beijing day starts (16:00 UTC the day before). */
export function beijingMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * The instant a scan for `today` stamps on the rows it moves: now, moved by whole days when the scan is for another day
 * (a test or a manual catch-up "as of" a day), so that "overdue for N days" is counted on the same calendar as the scan.
 */
export function scanInstant(today: string, now = new Date()): Date {
  return new Date(now.getTime() + Date.parse(`${today}T00:00:00Z`) - Date.parse(`${beijingDay(now)}T00:00:00Z`));
}
