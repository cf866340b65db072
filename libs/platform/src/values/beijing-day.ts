import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** Officers, employers and the daily jobs think in Beijing days (UTC+8, no daylight saving): `2026-11-26`. */
export function beijingDay(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A calendar day written `YYYY-MM-DD` and real (no 2027-02-30). Strict ISO 8601 alone also admits `2027`, `2027-03` and
 * week dates, which PostgreSQL's `date` refuses: those must be a 400 naming the field, not a database error.
 */
export function IsDay(message = '日期格式应为 YYYY-MM-DD，例如 2027-03-01'): PropertyDecorator {
  return applyDecorators(Matches(/^\d{4}-\d{2}-\d{2}$/, { message }), IsISO8601({ strict: true }, { message }));
}

/** `2026-02-27` + 3 → `2026-03-02`: calendar days (Beijing has no daylight saving). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** SQL for the instant a Beijing day starts, from a parameter or expression holding `YYYY-MM-DD`. */
export function beijingMidnightSql(day: string): string {
  return `(${day}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
}
