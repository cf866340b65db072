import { Injectable } from '@nestjs/common';
import { AuthUser, beijingDay, maskName, Role } from '@daogang/platform';
import { Employer, JobOrder, JobOrderMapper } from '@daogang/jobs';
import { ageOn, RegionsService, Worker } from '@daogang/registry';
import { availableActions } from './application-lifecycle.js';
import { ACTIVE_PLACEMENT_STATUSES, APPLICATION_STATUS_ZH, SUBSIDY_KIND_ZH } from './application-status.js';
import type { ApplicationDto, ApplicationEventDto, SubsidyClaimDto } from './dto/application.dto.js';
import type { Application } from './entities/application.entity.js';
import type { ApplicationEvent } from './entities/application-event.entity.js';
import type { SubsidyClaim } from './entities/subsidy-claim.entity.js';

export type LoadedApplication = Application & { jobOrder: JobOrder & { employer: Employer }; worker: Worker };

/**
 * The one way an application leaves the service. The worker shares their name with the hiring side by applying (or
 * through a broker, with consent); an employer's invitation is not such an act, so the employer sees the name masked
 * until the worker accepts. The mobile is always masked and the ID number never appears.
 */
@Injectable()
export class ApplicationMapper {
  constructor(
    private readonly jobs: JobOrderMapper,
    private readonly regions: RegionsService,
  ) {}

  toDto(user: AuthUser, a: LoadedApplication, extra: { events?: ApplicationEvent[]; subsidies?: SubsidyClaim[] } = {}): ApplicationDto {
    const job = a.jobOrder;
    const w = a.worker;
    const shared = a.channel !== 'employer' || ACTIVE_PLACEMENT_STATUSES.includes(a.status) || a.status === 'left';
    return {
      id: a.id,
      status: a.status,
      statusZh: APPLICATION_STATUS_ZH[a.status],
      channel: a.channel,
      job: {
        id: job.id, title: job.title, employerName: job.employer.name, category: job.category,
        workPlace: this.jobs.workPlace(job.workCountyCode), wageMin: job.wageMin, wageMax: job.wageMax, startDate: job.startDate,
        status: job.status,
      },
      worker: {
        id: w.id, name: user.role === Role.Employer && !shared ? maskName(w.name) : w.name, sex: w.sex, age: ageOn(new Date(w.birthDate), new Date(beijingDay())),
        homeCounty: this.regions.fullName(w.homeCountyCode),
        ...(w.mobileMasked ? { mobile: w.mobileMasked } : {}),
      },
      ...(a.consentMethod ? { consentMethod: a.consentMethod } : {}),
      consentNote: a.consentNote,
      reason: a.reason,
      ...(a.offerScore !== null ? { offerScore: a.offerScore } : {}),
      ...(a.offeredAt ? { offeredAt: a.offeredAt.toISOString() } : {}),
      ...(a.acceptedAt ? { acceptedAt: a.acceptedAt.toISOString() } : {}),
      ...(a.startDate ? { startDate: a.startDate } : {}),
      ...(a.arrivedOn ? { arrivedOn: a.arrivedOn } : {}),
      ...(a.leftOn ? { leftOn: a.leftOn } : {}),
      actions: availableActions(a.status, user.role),
      version: a.version,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      ...(extra.events ? { events: extra.events.map(eventDto) } : {}),
      ...(extra.subsidies ? { subsidies: extra.subsidies.map(subsidyDto) } : {}),
    };
  }
}

function eventDto(e: ApplicationEvent): ApplicationEventDto {
  return {
    ...(e.fromStatus ? { fromStatus: e.fromStatus } : {}),
    toStatus: e.toStatus,
    toStatusZh: APPLICATION_STATUS_ZH[e.toStatus],
    actorRole: e.actorRole,
    ...(e.actorId ? { actorId: e.actorId } : {}),
    reason: e.reason,
    at: e.at.toISOString(),
  };
}

function subsidyDto(s: SubsidyClaim): SubsidyClaimDto {
  return { id: s.id, kind: s.kind, kindZh: SUBSIDY_KIND_ZH[s.kind], amount: s.amount, note: s.note, claimedAt: s.claimedAt.toISOString() };
}
