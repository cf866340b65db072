import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, NotFoundError } from '@daogang/platform';
import { DataSource, EntityManager } from 'typeorm';
import { lockHouseholds, refreshHouseholds } from '../households/household-counts.js';
import type { StatusChangeDto } from './dto/worker.dto.js';
import { EmploymentStatus, StatusSource } from './employment-status.js';
import { WorkerStatusChange } from './entities/worker-status-change.entity.js';
import { Worker } from './entities/worker.entity.js';
import { WorkersService } from './workers.service.js';
import { announceWorkers } from './worker-topics.js';

/**
 * Employment status changes: each one a history row, and the household's zero-employment flag re-derived in the
 * same transaction. Placements and follow-ups (later issues) call `change` with their own source.
 */
@Injectable()
export class WorkerStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workers: WorkersService,
  ) {}

  async changeByUser(user: AuthUser, workerId: string, status: EmploymentStatus, note = ''): Promise<StatusChangeDto> {
    return this.dataSource.transaction(async (manager) => {
      const visible = await this.workers.scoped(manager, user).andWhere('w.id = :id', { id: workerId }).select(['w.id']).getOne();
      if (!visible) throw new NotFoundError('劳动力档案', workerId);
      return this.change(manager, workerId, status, { by: user.id, source: 'manual', note });
    });
  }

  /** In the caller's transaction. A change to the same status writes nothing (idempotent for retried jobs). */
  async change(
    manager: EntityManager,
    workerId: string,
    status: EmploymentStatus,
    how: { by: string | null; source: StatusSource; note?: string },
  ): Promise<StatusChangeDto> {
    const peek = await manager.getRepository(Worker).findOne({ where: { id: workerId }, select: { id: true, householdId: true } });
    if (!peek) throw new NotFoundError('劳动力档案', workerId);
    await lockHouseholds(manager, [peek.householdId]);
    const worker = await manager.getRepository(Worker).findOneOrFail({ where: { id: workerId }, lock: { mode: 'pessimistic_write' } });
    const from = worker.employmentStatus;
    if (from === status) {
      const last = await manager.getRepository(WorkerStatusChange).findOne({ where: { workerId }, order: { changedAt: 'DESC', id: 'DESC' } });
      return toDto(last!);
    }
    // The database's clock, like the history row's changed_at: the reports find "changed since" through this column.
    await manager.getRepository(Worker).update({ id: workerId }, { employmentStatus: status, statusChangedAt: () => 'now()', version: () => 'version + 1' } as never);
    const row = await manager.getRepository(WorkerStatusChange).save({
      workerId, fromStatus: from, toStatus: status, changedBy: how.by, source: how.source, note: how.note ?? '',
    });
    await refreshHouseholds(manager, [worker.householdId]);
    await announceWorkers(manager, [workerId], [worker.householdId]);
    return toDto(row);
  }

  async history(user: AuthUser, workerId: string): Promise<StatusChangeDto[]> {
    const visible = await this.workers.scoped(this.dataSource.manager, user).andWhere('w.id = :id', { id: workerId }).select(['w.id']).getOne();
    if (!visible) throw new NotFoundError('劳动力档案', workerId);
    const rows = await this.dataSource.getRepository(WorkerStatusChange).find({ where: { workerId }, order: { changedAt: 'ASC', id: 'ASC' } });
    return rows.map(toDto);
  }
}

function toDto(row: WorkerStatusChange): StatusChangeDto {
  return {
    ...(row.fromStatus ? { fromStatus: row.fromStatus } : {}),
    toStatus: row.toStatus,
    changedAt: row.changedAt.toISOString(),
    ...(row.changedBy ? { changedBy: row.changedBy } : {}),
    source: row.source,
    note: row.note,
  };
}
