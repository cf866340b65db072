import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, ConflictError, DomainError, maskName, NotFoundError, Role } from '@daogang/platform';
import { JOB_ORDER_STATUS_ZH, JobOrder } from '@daogang/jobs';
import { Worker } from '@daogang/registry';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApplicationsService, assertAgeFits } from './applications.service.js';
import { ApplicationMovesService, draftApplication } from './application-moves.service.js';
import { ACTIVE_PLACEMENT_STATUSES, OPEN_STATUSES } from './application-status.js';
import type { LoadedApplication } from './application.mapper.js';
import type { BatchOfferDto } from './dto/application-input.dto.js';
import type { BatchOfferItemDto, BatchOfferResultDto } from './dto/application.dto.js';
import { Application } from './entities/application.entity.js';
import { OfferBatch } from './entities/offer-batch.entity.js';
import { JobNotOpenError } from './matching.errors.js';

/** Employers see the names of workers they invite masked until the worker accepts (see ApplicationMapper). */
function shownName(user: AuthUser, name: string): string {
  return user.role === Role.Employer ? maskName(name) : name;
}

/** A batch left unfinished (the process died mid-way) is taken over by a retry after this long. */
const STALE_BATCH_MS = 2 * 60_000;

/**
 * 批量发录用意向: one action, N offers. Each worker's offer is its own transaction (one refusal does not undo the
 * others) and is idempotent by itself — an open offer for the same order is reported as already offered, never made
 * twice. The batch row keyed by (user, idempotency key) makes a retry answer exactly what the first call answered.
 */
@Injectable()
export class BatchOffersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly moves: ApplicationMovesService,
  ) {}

  async send(user: AuthUser, jobOrderId: string, dto: BatchOfferDto): Promise<BatchOfferResultDto> {
    const job = await this.dataSource.getRepository(JobOrder).findOne({ where: { id: jobOrderId }, relations: { employer: true } });
    if (!job || job.status === 'draft' || (user.role === Role.Employer && job.employerId !== user.employerId)) {
      throw new NotFoundError('招聘订单', jobOrderId);
    }
    const requestHash = createHash('sha256').update(JSON.stringify([jobOrderId, [...dto.workerIds].sort()])).digest('hex');
    const claim = await this.claimBatch(user, dto.idempotencyKey, jobOrderId, requestHash);
    if ('replay' in claim) return { ...claim.replay, replayed: true };
    const repo = this.dataSource.getRepository(OfferBatch);
    const items: BatchOfferItemDto[] = [];
    const smsIds: string[] = [];
    try {
      if (job.status !== 'published') throw new JobNotOpenError(JOB_ORDER_STATUS_ZH[job.status]);
      for (const workerId of dto.workerIds) items.push(await this.offerOne(user, job, workerId, smsIds));
    } catch (error) {
      // Nothing stored: a retry with the same key starts again (the offers already made are reported as such).
      await repo.createQueryBuilder().delete().where('id = :id AND result IS NULL', { id: claim.id }).execute();
      throw error;
    } finally {
      await this.applications.dispatch(smsIds);
    }
    const result: BatchOfferResultDto = {
      jobOrderId, idempotencyKey: dto.idempotencyKey, replayed: false, items,
      offered: items.filter((i) => i.outcome !== 'failed').length, failed: items.filter((i) => i.outcome === 'failed').length,
    };
    await repo.createQueryBuilder().update().set({ result }).where('id = :id AND result IS NULL', { id: claim.id }).execute();
    return result;
  }

  /**
   * Registers the batch (this call sends it), or returns the stored answer of an earlier call with the same key. A
   * batch left unanswered for two minutes (its process died) is taken over by exactly one retry: the conditional
   * UPDATE lets one caller win.
   */
  private async claimBatch(user: AuthUser, key: string, jobOrderId: string, requestHash: string): Promise<{ id: string } | { replay: BatchOfferResultDto }> {
    const repo = this.dataSource.getRepository(OfferBatch);
    const inserted = await repo.createQueryBuilder().insert()
      .values({ createdBy: user.id, idempotencyKey: key, jobOrderId, requestHash, result: () => 'NULL' })
      .orIgnore().returning(['id']).execute();
    if (inserted.raw.length) return { id: inserted.raw[0].id };
    const batch = await repo.findOneByOrFail({ createdBy: user.id, idempotencyKey: key });
    if (batch.requestHash !== requestHash) {
      throw new ConflictError('该幂等键已用于另一批录用意向，请换一个键', { reason: 'IDEMPOTENCY_KEY_REUSED' });
    }
    if (batch.result) return { replay: batch.result as BatchOfferResultDto };
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE offer_batches SET created_at = now()
        WHERE id = $1 AND result IS NULL AND created_at < now() - make_interval(secs => $2) RETURNING id`,
      [batch.id, STALE_BATCH_MS / 1000],
    );
    if (!rows.length) throw new ConflictError('这批录用意向正在发送，请稍后再查看结果', { reason: 'BATCH_IN_PROGRESS' });
    return { id: batch.id };
  }

  private async offerOne(user: AuthUser, job: JobOrder, workerId: string, smsIds: string[]): Promise<BatchOfferItemDto> {
    try {
      return await this.applications.commitItem<BatchOfferItemDto>(async (manager) => {
        const worker = await manager.getRepository(Worker).findOneBy({ id: workerId });
        const inScope = worker && (user.role === Role.Broker ? user.countyCodes.includes(worker.homeCountyCode) : true);
        if (!worker || !inScope) throw new NotFoundError('劳动力档案');
        const open = await manager.getRepository(Application).createQueryBuilder('a')
          .where('a.job_order_id = :job AND a.worker_id = :worker AND a.status IN (:...open)', { job: job.id, worker: workerId, open: OPEN_STATUSES })
          .setLock('pessimistic_write').getOne();
        if (open?.status === 'offered') return { item: { workerId, outcome: 'already_offered' as const, applicationId: open.id, name: shownName(user, worker.name) } };
        if (open && ACTIVE_PLACEMENT_STATUSES.includes(open.status)) throw new ConflictError('已接受该岗位');
        const placedElsewhere = await manager.getRepository(Application).createQueryBuilder('o')
          .where('o.worker_id = :worker AND o.status IN (:...active)', { worker: workerId, active: ACTIVE_PLACEMENT_STATUSES }).getExists();
        if (placedElsewhere) throw new ConflictError('已接受其他岗位或已在岗');
        if (open) {
          const loaded = await this.applications.lockVisible(manager, user, open.id);
          const moved = await this.moves.move(manager, user, loaded, { action: 'offer' });
          return { moved, item: { workerId, outcome: 'offered' as const, applicationId: open.id, name: shownName(user, worker.name) } };
        }
        assertAgeFits(worker, job);
        const a = draftApplication(manager, job as LoadedApplication['jobOrder'], worker);
        const moved = await this.moves.open(manager, user, a, { status: 'offered', channel: user.role === Role.Employer ? 'employer' : 'broker' });
        return { moved, item: { workerId, outcome: 'offered' as const, applicationId: moved.application.id, name: shownName(user, worker.name) } };
      }, smsIds);
    } catch (error) {
      // Another request offered this worker the same order a moment ago: the same outcome as ours would have been.
      if (error instanceof ConflictError && error.details?.reason === 'ALREADY_APPLIED') return { workerId, outcome: 'already_offered' };
      if (error instanceof DomainError) return { workerId, outcome: 'failed', reason: error.message };
      throw error;
    }
  }
}
