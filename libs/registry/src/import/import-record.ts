import { maskIdNumber, maskMobile, PiiCipher } from '@daogang/platform';
import { assessCompleteness } from '../workers/completeness.js';
import type { Education } from '../workers/employment-status.js';
import { EmploymentStatus } from '../workers/employment-status.js';
import type { Worker } from '../workers/entities/worker.entity.js';
import { fingerprint, ParsedRow } from './row-parser.js';

/** The row's personal numbers encrypted (PiiCipher: AES-256-GCM, a fresh IV each). */
export interface SealedNumbers {
  idNumber: string;
  mobile?: string;
  emergencyContactMobile?: string;
}

/**
 * A valid row with its keyed hashes (the ID number's is the upsert key), its fingerprint and, once sealed, its
 * numbers encrypted. The runner seals rows while the previous batch is in the database, so the AES work overlaps
 * the writes instead of adding to them; a row that reaches the writer unsealed is encrypted there.
 */
export interface PreparedRow {
  row: ParsedRow;
  fingerprint: string;
  idHash: string;
  mobileHash?: string;
  sealed?: SealedNumbers;
}

export function prepareRow(row: ParsedRow, pii: PiiCipher): PreparedRow {
  return {
    row,
    fingerprint: fingerprint(row),
    idHash: pii.hash('id_number', row.id.value),
    mobileHash: row.mobile ? pii.hash('mobile', row.mobile) : undefined,
  };
}

export function seal(p: PreparedRow, pii: PiiCipher): SealedNumbers {
  return (p.sealed ??= {
    idNumber: pii.encrypt(p.row.id.value),
    mobile: p.row.mobile ? pii.encrypt(p.row.mobile) : undefined,
    emergencyContactMobile: p.row.emergencyContactMobile ? pii.encrypt(p.row.emergencyContactMobile) : undefined,
  });
}

/** The columns of a worker an import reads and writes (snake_case, as the SQL has them). */
export interface WorkerState {
  id: string;
  id_number_hash: string;
  name: string;
  household_id: string | null;
  home_county_code: string;
  township: string;
  village: string;
  registered_poor: boolean;
  education: Education | null;
  skills: string[];
  skills_note: string;
  wish_categories: string[];
  min_monthly_wage: number | null;
  wants_to_move: boolean;
  wants_training: boolean;
  wants_business: boolean;
  available_from: string | null;
  employment_status: EmploymentStatus;
  emergency_contact_name: string;
  emergency_contact_mobile_encrypted: string | null;
  mobile_hash: string | null;
  mobile_encrypted: string | null;
  mobile_masked: string | null;
  mobile_verified_at: Date | string | null;
  import_hash: string | null;
}

export interface WorkerWrite extends WorkerState {
  completeness: number;
  missing_fields: string[];
}

/** A new worker (its id comes from the database): the registration defaults, then the row's values. */
export type NewWorker = Omit<WorkerWrite, 'id'> & {
  id_number_encrypted: string;
  id_number_masked: string;
  birth_date: string;
  sex: 'M' | 'F';
  id_region_code: string;
};

export function newWorker(p: PreparedRow, householdId: string | null, pii: PiiCipher): NewWorker {
  const r = p.row;
  const sealed = seal(p, pii);
  const w: NewWorker = {
    id_number_hash: p.idHash,
    id_number_encrypted: sealed.idNumber,
    id_number_masked: maskIdNumber(r.id.value),
    birth_date: r.id.birthDate,
    sex: r.id.sex,
    id_region_code: r.id.regionCode,
    name: r.name,
    household_id: householdId,
    home_county_code: r.countyCode,
    township: r.township ?? '',
    village: r.village ?? '',
    registered_poor: r.registeredPoor ?? false,
    education: r.education ?? null,
    skills: r.skills ?? [],
    skills_note: r.skillsNote ?? '',
    wish_categories: r.wishCategories ?? [],
    min_monthly_wage: r.minMonthlyWage ?? null,
    wants_to_move: r.wantsToMove ?? false,
    wants_training: r.wantsTraining ?? false,
    wants_business: r.wantsBusiness ?? false,
    available_from: r.availableFrom ?? null,
    employment_status: r.employmentStatus ?? EmploymentStatus.NotEmployed,
    emergency_contact_name: r.emergencyContactName ?? '',
    emergency_contact_mobile_encrypted: sealed.emergencyContactMobile ?? null,
    mobile_hash: p.mobileHash ?? null,
    mobile_encrypted: sealed.mobile ?? null,
    mobile_masked: r.mobile ? maskMobile(r.mobile) : null,
    mobile_verified_at: null,
    import_hash: p.fingerprint,
    completeness: 0,
    missing_fields: [],
  };
  setCompleteness(w);
  return w;
}

/**
 * An existing worker with the row's non-empty cells applied (the semantics of applyProfile: a new mobile number is
 * unverified again). `changed` is false when every value was already so: then only the fingerprint is stored.
 */
export function mergeWorker(
  existing: WorkerState,
  p: PreparedRow,
  householdId: string | undefined,
  pii: PiiCipher,
): { next: WorkerWrite; changed: boolean; statusChanged: boolean } {
  const r = p.row;
  const next: WorkerWrite = { ...existing, import_hash: p.fingerprint, completeness: 0, missing_fields: [] };
  let changed = false;
  const set = <K extends keyof WorkerState>(key: K, value: WorkerState[K] | undefined) => {
    if (value === undefined || same(next[key], value)) return;
    (next as WorkerState)[key] = value;
    changed = true;
  };
  set('name', r.name);
  set('home_county_code', r.countyCode);
  set('household_id', householdId);
  set('township', r.township);
  set('village', r.village);
  set('registered_poor', r.registeredPoor);
  set('education', r.education);
  set('skills', r.skills);
  set('skills_note', r.skillsNote);
  set('wish_categories', r.wishCategories);
  set('min_monthly_wage', r.minMonthlyWage);
  set('wants_to_move', r.wantsToMove);
  set('wants_training', r.wantsTraining);
  set('wants_business', r.wantsBusiness);
  set('available_from', r.availableFrom);
  set('employment_status', r.employmentStatus);
  set('emergency_contact_name', r.emergencyContactName);
  if (r.mobile && p.mobileHash !== existing.mobile_hash) {
    next.mobile_hash = p.mobileHash!;
    next.mobile_encrypted = seal(p, pii).mobile!;
    next.mobile_masked = maskMobile(r.mobile);
    next.mobile_verified_at = null;
    changed = true;
  }
  if (r.emergencyContactMobile) {
    const current = existing.emergency_contact_mobile_encrypted ? pii.decrypt(existing.emergency_contact_mobile_encrypted) : undefined;
    if (current !== r.emergencyContactMobile) {
      next.emergency_contact_mobile_encrypted = seal(p, pii).emergencyContactMobile!;
      changed = true;
    }
  }
  setCompleteness(next);
  return { next, changed, statusChanged: next.employment_status !== existing.employment_status };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** 信息完整率 with the registry's own rules (workers/completeness.ts). */
function setCompleteness(w: Omit<WorkerWrite, 'id'>): void {
  const { score, missing } = assessCompleteness({
    name: w.name,
    idNumberHash: w.id_number_hash,
    mobileHash: w.mobile_hash,
    mobileVerifiedAt: w.mobile_verified_at,
    householdId: w.household_id,
    township: w.township,
    village: w.village,
    education: w.education,
    skills: w.skills,
    skillsNote: w.skills_note,
    wishCategories: w.wish_categories,
    minMonthlyWage: w.min_monthly_wage,
    availableFrom: w.available_from,
    emergencyContactName: w.emergency_contact_name,
    emergencyContactMobileEncrypted: w.emergency_contact_mobile_encrypted,
  } as unknown as Worker);
  w.completeness = score;
  w.missing_fields = missing;
}
