/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd = male),
 * and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
export interface IdNumberFacts {
  /** Normalised: 18 characters, upper-case X. */
  value: string;
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'M' | 'F';
}

export type IdNumberProblem = 'format' | 'checksum' | 'birth_date' | 'too_young';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const MIN_WORKING_AGE = 16;

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位：17位数字加1位数字或X',
  checksum: '身份证号校验位不正确，请核对是否输错',
  birth_date: '身份证号中的出生日期无效',
  too_young: `未满${MIN_WORKING_AGE}周岁，不能登记务工`,
};

export function normaliseIdNumber(input: string): string {
  return input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[ｘＸ]/g, 'X')
    .replace(/\s/g, '')
    .toUpperCase();
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Parses and validates; `today` is injectable for tests. */
export function parseIdNumber(input: string, today = new Date()): IdNumberFacts | IdNumberProblem {
  const value = normaliseIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return 'checksum';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth > today) {
    return 'birth_date';
  }
  if (ageOn(birth, today) < MIN_WORKING_AGE) return 'too_young';
  return {
    value,
    regionCode: value.slice(0, 6),
    birthDate: value.slice(6, 10) + '-' + value.slice(10, 12) + '-' + value.slice(12, 14),
    sex: Number(value[16]) % 2 === 1 ? 'M' : 'F',
  };
}

export function ageOn(birth: Date, today: Date): number {
  let age = today.getUTCFullYear() - birth.getUTCFullYear();
  const before =
    today.getUTCMonth() < birth.getUTCMonth() ||
    (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
  if (before) age -= 1;
  return age;
}

/** Builds a valid number from region, birth date and sequence (test factories, demo data). */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = regionCode + birthDate.replace(/-/g, '') + String(sequence).padStart(3, '0');
  return first17 + checkCharacter(first17);
}
