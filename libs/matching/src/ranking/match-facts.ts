import type { EmploymentStatus } from '@daogang/registry';

/**
 * What matching knows about one worker: the registry row reduced to what the hard rules and the score read, plus
 * three facts derived from other tables (household, status history, applications). Loaded by `match-facts.sql.ts`
 * for the index (every worker) and for explanations (one page of workers).
 */
export interface WorkerFacts {
  id: string;
  birthDate: string;
  sex: 'M' | 'F';
  homeCountyCode: string;
  /** 建档立卡 */
  registeredPoor: boolean;
  /** 零就业户: the worker's household has labourers and none of them employed. */
  zeroEmployment: boolean;
  /**
   * 返乡回流: the day the worker's latest status change took them from employment outside the county
   * (employed_in_province / employed_out_of_province) to not_employed. Counts as "came home" for 365 days.
   */
  cameHomeOn: string | null;
  /** 1 (most severe) … 4, or null without a disability. */
  disabilityGrade: number | null;
  skills: string[];
  /** Certificate names, normalised (`normaliseCertificate`). */
  certificates: string[];
  wishCategories: string[];
  wishProvinces: string[];
  wishCities: string[];
  minMonthlyWage: number | null;
  wantsToMove: boolean;
  availableFrom: string | null;
  employmentStatus: EmploymentStatus;
  /** Holds an active placement (an application accepted, placed or arrived). */
  placed: boolean;
  /** Days worked per job category, over applications that reached arrival (arrived or left). */
  tenureDays: Record<string, number>;
}

/** The job order as matching reads it. */
export interface OrderFacts {
  id: string;
  category: string;
  workCountyCode: string;
  lng: number | null;
  lat: number | null;
  wageMin: number;
  wageMax: number;
  startDate: string;
  ageMin: number;
  ageMax: number;
  requiredSkills: string[];
  /** Normalised names. */
  requiredCertificates: string[];
  trainingOffered: boolean;
  accessible: boolean;
}

/** Where the worker's home county stands to the workplace (RegionsService, computed per county pair). */
export interface PlaceRelation {
  sameCounty: boolean;
  sameProvince: boolean;
  /** Great-circle km from the home county's centre to the workplace; null when either point is unknown. */
  distanceKm: number | null;
  /** The east–west pairing that links them, as `临夏县—厦门市`; null when none does. */
  pairing: string | null;
  workCityCode: string;
  workProvinceCode: string;
  /** 厦门市集美区 */
  workPlaceName: string;
}

/** Certificate names are typed by hand: compared after NFKC, without spaces. */
export function normaliseCertificate(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

// ---- days --------------------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;

/** `2027-02-20` → days since 1970-01-01 (UTC calendar days; all dates here are Beijing calendar days). */
export function dayNumber(date: string): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY);
}

export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same calendar day `months` later (or earlier); the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, last))).toISOString().slice(0, 10);
}
