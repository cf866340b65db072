import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, ConflictError } from '@daogang/platform';
import type { DataSource } from 'typeorm';
import { ApplicationsService } from './applications.service.js';
import { APPLICATION_STATUS_ZH, SUBSIDY_KIND_ZH } from './application-status.js';
import type { SubsidyKind } from './application-status.js';
import type { ClaimSubsidyDto } from './dto/application-input.dto.js';
import type { SubsidyClaimDto } from './dto/application.dto.js';
import { SubsidyClaim } from './entities/subsidy-claim.entity.js';
import { ExclusiveSubsidyError } from './matching.errors.js';

/** Subsidies that exclude each other for one placement (河北: 以工代训 and 一次性吸纳 never both for the same job). */
const EXCLUSIVE: Array<[SubsidyKind, SubsidyKind]> = [['one_off_hiring', 'on_job_training']];

/**
 * 就业补贴: recorded against a placement. The claim takes the application's row lock first, so two claims racing for
 * the two exclusive subsidies are serialised and the second sees the first.
 */
@Injectable()
export class SubsidiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
  ) {}

  async claim(user: AuthUser, applicationId: string, dto: ClaimSubsidyDto): Promise<SubsidyClaimDto> {
    return this.dataSource.transaction(async (manager) => {
      const a = await this.applications.lockVisible(manager, user, applicationId);
      if (!['placed', 'arrived', 'left'].includes(a.status)) {
        throw new ConflictError(`只有已录用的人员才能申领补贴（当前：${APPLICATION_STATUS_ZH[a.status]}）`, { reason: 'NOT_PLACED' });
      }
      const repo = manager.getRepository(SubsidyClaim);
      const claimed = await repo.find({ where: { applicationId } });
      if (claimed.some((c) => c.kind === dto.kind)) {
        throw new ConflictError(`该录用已申领${SUBSIDY_KIND_ZH[dto.kind]}`, { reason: 'SUBSIDY_ALREADY_CLAIMED' });
      }
      for (const [x, y] of EXCLUSIVE) {
        const other = dto.kind === x ? y : dto.kind === y ? x : null;
        if (other && claimed.some((c) => c.kind === other)) throw new ExclusiveSubsidyError(SUBSIDY_KIND_ZH[other], SUBSIDY_KIND_ZH[dto.kind]);
      }
      const saved = await repo.save(repo.create({ applicationId, kind: dto.kind, amount: dto.amount, note: dto.note ?? '', claimedBy: user.id }));
      return { id: saved.id, kind: saved.kind, kindZh: SUBSIDY_KIND_ZH[saved.kind], amount: saved.amount, note: saved.note, claimedAt: saved.claimedAt.toISOString() };
    });
  }
}
