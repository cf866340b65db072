import { addDays, beijingMidnight, isDay, scanInstant } from './follow-up-days.js';

describe('follow-up days', () => {
  it('adds calendar days across months and leap days', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
    expect(addDays('2026-12-30', 180)).toBe('2027-06-28');
    expect(addDays('2026-03-02', -3)).toBe('2026-02-27');
  });

  it('knows a real day from a malformed one', () => {
    expect(isDay('2026-03-01')).toBe(true);
    for (const bad of ['2026-02-30', '2026-3-1', '2026-03', '', undefined, 20260301]) expect(isDay(bad)).toBe(false);
  });

  it('starts a Beijing day at 16:00 UTC the day before', () => {
    expect(beijingMidnight('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('stamps a scan for another day at the same time of day on that day', () => {
    const now = new Date('2026-03-01T01:30:00Z'); // 09:30 in Beijing on 1 March
    expect(scanInstant('2026-03-01', now).toISOString()).toBe('2026-03-01T01:30:00.000Z');
    expect(scanInstant('2026-03-08', now).toISOString()).toBe('2026-03-08T01:30:00.000Z');
    const lateEvening = new Date('2026-03-01T17:00:00Z'); // already 2 March in Beijing
    expect(scanInstant('2026-03-02', lateEvening).toISOString()).toBe('2026-03-01T17:00:00.000Z');
  });
});
