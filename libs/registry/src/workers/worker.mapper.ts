import { Injectable } from '@nestjs/common';
import { AuthUser, maskIdNumber, maskMobile, PiiCipher, Role } from '@daogang/platform';
import { EntityManager } from 'typeorm';
import { PiiAccess } from '../audit/pii-access.entity.js';
import { ageOn } from '../values/id-number.js';
import { describeMissing } from './completeness.js';
import { EMPLOYMENT_STATUS_ZH } from './employment-status.js';
import type { WorkerDto, WorkerSummaryDto } from './dto/worker.dto.js';
import type { Worker } from './entities/worker.entity.js';

/**
 * The one mapper of a worker to the outside. Personal numbers are masked unless the caller is the worker,
 * a broker of the worker's county, or an officer of it — and then only on the detail view, with an audit row.
 * Lists and exports are always masked.
 */
@Injectable()
export class WorkerMapper {
  constructor(private readonly pii: PiiCipher) {}

  maySeeUnmasked(user: AuthUser, worker: Worker): boolean {
    switch (user.role) {
      case Role.Worker:
        return worker.userId === user.id;
      case Role.Broker:
      case Role.Officer:
        return user.countyCodes.includes(worker.homeCountyCode);
      default:
        return false;
    }
  }

  /** Detail view; writes the audit row in the caller's transaction when unmasked values leave. */
  async detail(manager: EntityManager, user: AuthUser, worker: Worker, reason: string, householdNo?: string): Promise<WorkerDto> {
    const unmasked = this.maySeeUnmasked(user, worker);
    const idNumber = this.pii.decrypt(worker.idNumberEncrypted);
    const mobile = worker.mobileEncrypted ? this.pii.decrypt(worker.mobileEncrypted) : undefined;
    const emergency = worker.emergencyContactMobileEncrypted ? this.pii.decrypt(worker.emergencyContactMobileEncrypted) : undefined;
    if (unmasked) {
      const fields = ['idNumber', ...(mobile ? ['mobile'] : []), ...(emergency ? ['emergencyContactMobile'] : [])];
      await manager.getRepository(PiiAccess).insert({ actorId: user.id, actorRole: user.role, subjectWorkerId: worker.id, fields, reason });
    }
    return {
      id: worker.id,
      version: worker.version,
      name: worker.name,
      idNumber: unmasked ? idNumber : maskIdNumber(idNumber),
      unmasked,
      birthDate: worker.birthDate,
      age: ageOn(new Date(worker.birthDate), new Date()),
      sex: worker.sex,
      ...(mobile ? { mobile: unmasked ? mobile : maskMobile(mobile) } : {}),
      mobileVerified: !!worker.mobileVerifiedAt,
      ...(worker.householdId ? { householdId: worker.householdId } : {}),
      ...(householdNo ? { householdNo } : {}),
      homeCountyCode: worker.homeCountyCode,
      township: worker.township,
      village: worker.village,
      registeredPoor: worker.registeredPoor,
      ...(worker.disability ? { disability: worker.disability } : {}),
      ...(worker.education ? { education: worker.education } : {}),
      skills: worker.skills,
      skillsNote: worker.skillsNote,
      certificates: worker.certificates,
      trainings: worker.trainings,
      wishCategories: worker.wishCategories,
      wishProvinces: worker.wishProvinces,
      wishCities: worker.wishCities,
      ...(worker.minMonthlyWage !== null ? { minMonthlyWage: worker.minMonthlyWage } : {}),
      wantsToMove: worker.wantsToMove,
      wantsTraining: worker.wantsTraining,
      wantsBusiness: worker.wantsBusiness,
      ...(worker.availableFrom ? { availableFrom: worker.availableFrom } : {}),
      employmentStatus: worker.employmentStatus,
      employmentStatusName: EMPLOYMENT_STATUS_ZH[worker.employmentStatus],
      statusChangedAt: worker.statusChangedAt.toISOString(),
      emergencyContactName: worker.emergencyContactName,
      ...(emergency ? { emergencyContactMobile: unmasked ? emergency : maskMobile(emergency) } : {}),
      completeness: worker.completeness,
      missingFields: worker.missingFields.map(describeMissing),
      updatedAt: worker.updatedAt.toISOString(),
    };
  }

  /** List rows: always masked. */
  summary(worker: Worker): WorkerSummaryDto {
    return {
      id: worker.id,
      name: worker.name,
      idNumber: worker.idNumberMasked,
      sex: worker.sex,
      age: ageOn(new Date(worker.birthDate), new Date()),
      ...(worker.mobileMasked ? { mobile: worker.mobileMasked } : {}),
      homeCountyCode: worker.homeCountyCode,
      township: worker.township,
      village: worker.village,
      registeredPoor: worker.registeredPoor,
      employmentStatus: worker.employmentStatus,
      employmentStatusName: EMPLOYMENT_STATUS_ZH[worker.employmentStatus],
      wishCategories: worker.wishCategories,
      completeness: worker.completeness,
      ...(worker.householdId ? { householdId: worker.householdId } : {}),
    };
  }
}
