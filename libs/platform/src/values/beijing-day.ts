/** Officers, employers and the daily jobs think in Beijing days (UTC+8, no daylight saving): `2026-11-26`. */
export function beijingDay(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
