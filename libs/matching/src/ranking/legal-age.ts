import { MIN_WORKING_AGE } from '@daogang/registry';
import { addMonths, dayNumber } from './match-facts.js';

/**
 * Legal working age, the hard rule before the order's own age range: from 16 (劳动法 第15条) up to the statutory
 * retirement age, after which a labour contract ends (劳动合同法 第44条) and placement is not offered.
 *
 * Statutory retirement age as set by the NPC Standing Committee decision of 2024-09-13, in force 2025-01-01
 * (渐进式延迟法定退休年龄): men 60, raised by one month every four months up to 63; women in worker posts (女职工,
 * 原50周岁) 50, raised by one month every two months up to 55. A person whose original retirement month falls before
 * 2025-01 keeps the old age. The registry's labourers are treated as workers, not cadres (女干部 55→58 is not used).
 */
const REFORM_START_MONTH = 2025 * 12; // January 2025, as a month index
const RULES = {
  M: { baseYears: 60, monthsPerStep: 4, maxDelayMonths: 36 },
  F: { baseYears: 50, monthsPerStep: 2, maxDelayMonths: 60 },
} as const;

/** Statutory retirement age in months for a person born in that month: 1965-01 man → 721 (60 years 1 month). */
export function retirementAgeMonths(birthDate: string, sex: 'M' | 'F'): number {
  const rule = RULES[sex];
  const originalMonth = Number(birthDate.slice(0, 4)) * 12 + Number(birthDate.slice(5, 7)) - 1 + rule.baseYears * 12;
  if (originalMonth < REFORM_START_MONTH) return rule.baseYears * 12;
  const delay = Math.min(rule.maxDelayMonths, Math.floor((originalMonth - REFORM_START_MONTH) / rule.monthsPerStep) + 1);
  return rule.baseYears * 12 + delay;
}

/** The day the person reaches the statutory retirement age (no longer placeable from that day on). */
export function retirementDay(birthDate: string, sex: 'M' | 'F'): number {
  return dayNumber(addMonths(birthDate, retirementAgeMonths(birthDate, sex)));
}

/** Birth days (inclusive, days since 1970) of the people an order may take, for one sex. */
export interface BirthWindow {
  readonly earliest: number;
  readonly latest: number;
}

/**
 * Who is of age for an order on its start day: at least max(16, ageMin) years old, not yet ageMax + 1, and not yet
 * at the statutory retirement age. The index compares birth days with this window; `scoring.ts` uses it too, so both
 * apply the one rule.
 */
export function birthWindow(startDate: string, ageMin: number, ageMax: number, sex: 'M' | 'F'): BirthWindow {
  const key = `${startDate}|${ageMin}|${ageMax}|${sex}`;
  let window = windows.get(key);
  if (!window) {
    if (windows.size >= 10_000) windows.clear();
    window = Object.freeze(computeBirthWindow(startDate, ageMin, ageMax, sex));
    windows.set(key, window);
  }
  return window;
}

/** Orders share start days and age ranges; the bisection below is worth remembering. */
const windows = new Map<string, BirthWindow>();

function computeBirthWindow(startDate: string, ageMin: number, ageMax: number, sex: 'M' | 'F'): BirthWindow {
  const start = dayNumber(startDate);
  // Born on or before this day: the birthday of year `ageMin` has come by the start day (29 Feb → 28 Feb).
  const latest = dayNumber(addMonths(startDate, -12 * Math.max(MIN_WORKING_AGE, ageMin)));
  // Born after this day: the birthday of year `ageMax + 1` has not come yet.
  const byAgeMax = dayNumber(addMonths(startDate, -12 * (ageMax + 1))) + 1;
  // Retirement day grows with the birth day, so the first birth day still working on the start day is a bisection.
  let lo = start - 366 * 80;
  let hi = start + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (retirementDay(isoOf(mid), sex) > start) hi = mid;
    else lo = mid + 1;
  }
  return { earliest: Math.max(byAgeMax, lo), latest };
}

export function inBirthWindow(birthDate: string, window: BirthWindow): boolean {
  const day = dayNumber(birthDate);
  return day >= window.earliest && day <= window.latest;
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
