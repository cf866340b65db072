import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuthUser, ForbiddenError, ImportJob, ImportWorkersPayload, NotFoundError, QueueName, Role,
} from '@daogang/platform';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { ImportDto, ImportErrorReportDto } from './dto/import.dto.js';
import type { ImportAcceptedDto } from './dto/import.dto.js';
import { WorkerImportError } from './entities/worker-import-error.entity.js';
import { WorkerImport } from './entities/worker-import.entity.js';
import { ERROR_REPORT_CAP } from './import-batch.writer.js';
import { csvLine, csvTemplate, TEMPLATE_FILE_NAME, xlsxTemplate } from './import-template.js';
import { checkUpload, UploadedFileLike } from './upload-check.js';

export interface DownloadFile {
  body: Buffer;
  fileName: string;
  contentType: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

/** The HTTP side of the bulk import: template, upload (store + enqueue), status and the error report. */
@Injectable()
export class WorkerImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Import) private readonly queue: Queue,
  ) {}

  async template(format: 'csv' | 'xlsx'): Promise<DownloadFile> {
    return format === 'csv'
      ? { body: csvTemplate(), fileName: `${TEMPLATE_FILE_NAME}.csv`, contentType: CSV_TYPE }
      : { body: await xlsxTemplate(), fileName: `${TEMPLATE_FILE_NAME}.xlsx`, contentType: XLSX_TYPE };
  }

  /**
   * Stores the upload and enqueues its job (jobId = import id: one job per import, however often it is sent).
   * The same file sent again by the same person while it is still queued or running returns that import.
   */
  async create(user: AuthUser, file: UploadedFileLike | undefined): Promise<ImportAcceptedDto> {
    const upload = checkUpload(file);
    if (user.role !== Role.Admin && !user.countyCodes.length) throw new ForbiddenError('您还没有负责的县，不能导入劳动力名单');
    const repo = this.dataSource.getRepository(WorkerImport);
    const same = await repo.findOne({
      where: { createdBy: user.id, fileSha256: upload.sha256, status: In(['queued', 'running']) },
      select: { id: true, status: true },
    });
    if (same) return { id: same.id, status: same.status, duplicate: true };

    const { identifiers } = await repo.insert({
      createdBy: user.id,
      actorRole: user.role,
      actorCounties: user.role === Role.Admin ? [] : [...user.countyCodes],
      fileName: upload.fileName,
      format: upload.format,
      encoding: upload.encoding,
      fileSize: upload.size,
      fileSha256: upload.sha256,
      file: upload.buffer,
    });
    const id = identifiers[0].id as string;
    const payload: ImportWorkersPayload = { importId: id };
    try {
      await this.queue.add(ImportJob.ImportWorkers, payload, { jobId: id });
    } catch (e) {
      await repo.delete({ id }); // not queued: leave nothing behind
      throw e;
    }
    return { id, status: 'queued', duplicate: false };
  }

  async get(user: AuthUser, id: string): Promise<ImportDto> {
    return toDto(await this.visible(this.dataSource.manager, user, id));
  }

  async errors(user: AuthUser, id: string): Promise<ImportErrorReportDto> {
    return this.report(await this.visible(this.dataSource.manager, user, id));
  }

  /** The error report as a CSV Excel opens: 行号, 列, 错误说明. */
  async errorsCsv(user: AuthUser, id: string): Promise<DownloadFile> {
    const imp = await this.visible(this.dataSource.manager, user, id);
    const report = await this.report(imp);
    let body = '\uFEFF' + csvLine(['行号', '列', '错误说明']);
    for (const e of report.items) body += csvLine([e.row, e.column, e.message]);
    if (report.truncated) body += csvLine(['', '', `错误过多，仅列出前${report.items.length}条（共${report.total}条）`]);
    const base = imp.fileName.replace(/\.[A-Za-z0-9]+$/, '');
    return { body: Buffer.from(body, 'utf8'), fileName: `${base}-错误报告.csv`, contentType: CSV_TYPE };
  }

  private async report(imp: WorkerImport): Promise<ImportErrorReportDto> {
    const rows = await this.dataSource.getRepository(WorkerImportError).find({
      where: { importId: imp.id },
      order: { rowNumber: 'ASC', id: 'ASC' },
      take: ERROR_REPORT_CAP,
    });
    return {
      items: rows.map((r) => ({ row: r.rowNumber, column: r.columnName, message: r.message })),
      total: imp.errorCount,
      truncated: imp.errorCount > rows.length,
    };
  }

  /** Who sees an import: whoever uploaded it, an admin, and officers of a county the import was for. */
  private scoped(manager: EntityManager, user: AuthUser): SelectQueryBuilder<WorkerImport> {
    const qb = manager.getRepository(WorkerImport).createQueryBuilder('i');
    switch (user.role) {
      case Role.Admin:
        return qb;
      case Role.Officer:
        return qb.andWhere('(i.created_by = :uid OR i.actor_counties && CAST(:counties AS text[]))', { uid: user.id, counties: user.countyCodes });
      default:
        return qb.andWhere('i.created_by = :uid', { uid: user.id });
    }
  }

  private async visible(manager: EntityManager, user: AuthUser, id: string): Promise<WorkerImport> {
    const imp = await this.scoped(manager, user).andWhere('i.id = :id', { id }).getOne();
    if (!imp) throw new NotFoundError('导入记录', id);
    return imp;
  }
}

function toDto(imp: WorkerImport): ImportDto {
  return {
    id: imp.id,
    fileName: imp.fileName,
    format: imp.format,
    status: imp.status,
    progress: { done: imp.processedRows, ...(imp.totalRows !== null ? { total: imp.totalRows } : {}) },
    counts: { inserted: imp.inserted, updated: imp.updated, unchanged: imp.unchanged, failed: imp.failedRows },
    errorCount: imp.errorCount,
    warnings: imp.warnings,
    ...(imp.error ? { error: imp.error } : {}),
    createdBy: imp.createdBy,
    createdAt: imp.createdAt.toISOString(),
    ...(imp.startedAt ? { startedAt: imp.startedAt.toISOString() } : {}),
    ...(imp.finishedAt ? { finishedAt: imp.finishedAt.toISOString() } : {}),
  };
}
