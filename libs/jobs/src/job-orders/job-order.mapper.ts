import { Injectable } from '@nestjs/common';
import { RegionsService } from '@daogang/registry';
import type { Employer } from '../employers/entities/employer.entity.js';
import type { JobOrderDto } from './dto/job-order.dto.js';
import { BENEFIT_ZH, JOB_ORDER_STATUS_ZH, JobOrder, SHIFT_ZH } from './entities/job-order.entity.js';

@Injectable()
export class JobOrderMapper {
  constructor(private readonly regions: RegionsService) {}

  workPlace(countyCode: string): string {
    const ctx = this.regions.county(countyCode);
    if (!ctx) return countyCode;
    return [...new Set([ctx.province.name, ctx.city.name, ctx.county.name])].join(' ');
  }

  toDto(job: JobOrder, employer: Pick<Employer, 'name' | 'verification'>): JobOrderDto {
    return {
      id: job.id,
      version: job.version,
      employerId: job.employerId,
      employerName: employer.name,
      employerVerified: employer.verification === 'verified',
      title: job.title,
      description: job.description,
      category: job.category,
      headcount: job.headcount,
      placesFilled: job.placesFilled,
      placesLeft: job.headcount - job.placesFilled,
      wageMin: job.wageMin,
      wageMax: job.wageMax,
      pieceRate: job.pieceRate,
      pieceRateNote: job.pieceRateNote,
      benefits: job.benefits,
      benefitNames: job.benefits.map((b) => BENEFIT_ZH[b]),
      workCountyCode: job.workCountyCode,
      workPlace: this.workPlace(job.workCountyCode),
      workAddress: job.workAddress,
      ...(job.lng !== null && job.lat !== null ? { lng: job.lng, lat: job.lat } : {}),
      shift: job.shift,
      shiftName: SHIFT_ZH[job.shift],
      startDate: job.startDate,
      expiresOn: job.expiresOn,
      ageMin: job.ageMin,
      ageMax: job.ageMax,
      requiredSkills: job.requiredSkills,
      requiredCertificates: job.requiredCertificates,
      trainingOffered: job.trainingOffered,
      trainingNote: job.trainingNote,
      accessible: job.accessible,
      status: job.status,
      statusName: JOB_ORDER_STATUS_ZH[job.status],
      ...(job.publishedAt ? { publishedAt: job.publishedAt.toISOString() } : {}),
      ...(job.closedAt ? { closedAt: job.closedAt.toISOString() } : {}),
      closeReason: job.closeReason,
      updatedAt: job.updatedAt.toISOString(),
    };
  }
}
