import { maskMobile, PiiCipher } from '@daogang/platform';
import { assessCompleteness } from './completeness.js';
import type { WorkerProfileDto } from './dto/worker-input.dto.js';
import type { Worker } from './entities/worker.entity.js';

/** Copies the given profile fields onto the worker (encrypting numbers), then recomputes completeness. */
export function applyProfile(worker: Worker, dto: WorkerProfileDto, pii: PiiCipher): void {
  if (dto.mobile !== undefined) {
    const changed = worker.mobileHash !== pii.hash('mobile', dto.mobile);
    worker.mobileHash = pii.hash('mobile', dto.mobile);
    worker.mobileEncrypted = pii.encrypt(dto.mobile);
    worker.mobileMasked = maskMobile(dto.mobile);
    if (changed) worker.mobileVerifiedAt = null;
  }
  if (dto.mobileVerified !== undefined) worker.mobileVerifiedAt = dto.mobileVerified && worker.mobileHash ? new Date() : null;
  if (dto.homeCountyCode !== undefined) worker.homeCountyCode = dto.homeCountyCode;
  if (dto.township !== undefined) worker.township = dto.township;
  if (dto.village !== undefined) worker.village = dto.village;
  if (dto.registeredPoor !== undefined) worker.registeredPoor = dto.registeredPoor;
  if (dto.disability !== undefined) worker.disability = dto.disability ? { ...dto.disability } : null;
  if (dto.education !== undefined) worker.education = dto.education;
  if (dto.skills !== undefined) worker.skills = [...new Set(dto.skills)];
  if (dto.skillsNote !== undefined) worker.skillsNote = dto.skillsNote;
  if (dto.certificates !== undefined) worker.certificates = dto.certificates.map((c) => ({ ...c }));
  if (dto.trainings !== undefined) worker.trainings = dto.trainings.map((t) => ({ ...t }));
  if (dto.wishCategories !== undefined) worker.wishCategories = [...new Set(dto.wishCategories)];
  if (dto.wishProvinces !== undefined) worker.wishProvinces = [...new Set(dto.wishProvinces)];
  if (dto.wishCities !== undefined) worker.wishCities = [...new Set(dto.wishCities)];
  if (dto.minMonthlyWage !== undefined) worker.minMonthlyWage = dto.minMonthlyWage;
  if (dto.wantsToMove !== undefined) worker.wantsToMove = dto.wantsToMove;
  if (dto.wantsTraining !== undefined) worker.wantsTraining = dto.wantsTraining;
  if (dto.wantsBusiness !== undefined) worker.wantsBusiness = dto.wantsBusiness;
  if (dto.availableFrom !== undefined) worker.availableFrom = dto.availableFrom;
  if (dto.emergencyContactName !== undefined) worker.emergencyContactName = dto.emergencyContactName;
  if (dto.emergencyContactMobile !== undefined) worker.emergencyContactMobileEncrypted = pii.encrypt(dto.emergencyContactMobile);
  const { score, missing } = assessCompleteness(worker);
  worker.completeness = score;
  worker.missingFields = missing;
}
