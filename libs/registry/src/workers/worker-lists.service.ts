import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, beijingDay } from '@daogang/platform';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { WorkerPageDto } from './dto/worker.dto.js';
import { WORKER_LIST_ZH, WorkerExportQueryDto, WorkerListQueryDto } from './dto/worker-list.dto.js';
import { EDUCATION_ZH, EMPLOYMENT_STATUS_ZH } from './employment-status.js';
import type { Education, EmploymentStatus } from './employment-status.js';
import { applyWorkerFilter } from './worker-filter.js';
import { WorkerMapper } from './worker.mapper.js';
import { WorkersService } from './workers.service.js';

/** Columns of the export, in order: what a village ledger (spreadsheet) has. Personal numbers masked. */
const EXPORT_COLUMNS: Array<[string, string]> = [
  ['name', '姓名'], ['id_number_masked', '身份证号（脱敏）'], ['sex', '性别'], ['birth_date', '出生日期'],
  ['mobile_masked', '手机号（脱敏）'], ['home_county_code', '县代码'], ['township', '乡镇'], ['village', '村'],
  ['registered_poor', '建档立卡'], ['education', '文化程度'], ['skills', '技能'], ['wish_categories', '意向工种'],
  ['min_monthly_wage', '期望月薪'], ['wants_to_move', '愿意外出'], ['wants_training', '愿意培训'], ['wants_business', '愿意创业'],
  ['employment_status', '就业状态'], ['status_changed_at', '状态变更时间'], ['completeness', '信息完整度'],
];

type Raw = Record<string, unknown>;

function cell(key: string, row: Raw): string | number {
  const v = row[key];
  if (v === null || v === undefined) return '';
  switch (key) {
    case 'sex': return v === 'M' ? '男' : '女';
    case 'registered_poor': case 'wants_to_move': case 'wants_training': case 'wants_business': return v ? '是' : '否';
    case 'education': return EDUCATION_ZH[v as Education] ?? String(v);
    case 'employment_status': return EMPLOYMENT_STATUS_ZH[v as EmploymentStatus] ?? String(v);
    case 'skills': case 'wish_categories': return (v as string[]).join('、');
    case 'status_changed_at': return (v as Date).toISOString().slice(0, 10);
    case 'birth_date': return typeof v === 'string' ? v : (v as Date).toISOString().slice(0, 10);
    case 'min_monthly_wage': case 'completeness': return Number(v);
    default: return String(v);
  }
}

/** CSV that Excel opens correctly in Chinese: UTF-8 BOM, CRLF, quoted fields; formula injection neutralised. */
function csvLine(values: Array<string | number>): string {
  return values
    .map((v) => {
      let s = String(v);
      if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',') + '\r\n';
}

/** 五名单: paged lists and streamed CSV/XLSX exports, scoped to the caller. */
@Injectable()
export class WorkerListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workers: WorkersService,
    private readonly mapper: WorkerMapper,
  ) {}

  async list(user: AuthUser, query: WorkerListQueryDto): Promise<WorkerPageDto> {
    const qb = applyWorkerFilter(this.workers.scoped(this.dataSource.manager, user), query)
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map((w) => this.mapper.summary(w)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Streams rows from a database cursor: memory stays flat however long the list is. */
  async export(user: AuthUser, query: WorkerExportQueryDto): Promise<{ stream: Readable; fileName: string; contentType: string }> {
    const qb = applyWorkerFilter(this.workers.scoped(this.dataSource.manager, user), query).select(
      EXPORT_COLUMNS.map(([key]) => `w.${key}`),
    );
    // Raw rows come back as w_<column>; stream() holds one connection until the stream ends.
    const rows = await qb.stream();
    const date = beijingDay();
    const fileName = `${WORKER_LIST_ZH[query.list]}-${date}.${query.format}`;
    const out = new PassThrough();
    const records = async function* () {
      for await (const raw of rows) {
        const row = Object.fromEntries(Object.entries(raw as Raw).map(([k, v]) => [k.replace(/^w_/, ''), v]));
        yield EXPORT_COLUMNS.map(([key]) => cell(key, row));
      }
    };
    const pump = query.format === 'csv' ? this.writeCsv(out, records()) : this.writeXlsx(out, records(), WORKER_LIST_ZH[query.list]);
    pump.catch((e: Error) => out.destroy(e));
    const contentType = query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return { stream: out, fileName, contentType };
  }

  private async writeCsv(out: PassThrough, records: AsyncIterable<Array<string | number>>): Promise<void> {
    out.write('\uFEFF' + csvLine(EXPORT_COLUMNS.map(([, title]) => title)));
    for await (const values of records) if (!out.write(csvLine(values))) await once(out, 'drain');
    out.end();
  }

  private async writeXlsx(out: PassThrough, records: AsyncIterable<Array<string | number>>, title: string): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet(title);
    sheet.columns = EXPORT_COLUMNS.map(([key, header]) => ({ key, header, width: Math.max(10, header.length * 2 + 2) }));
    for await (const values of records) sheet.addRow(values).commit();
    sheet.commit();
    await workbook.commit();
  }
}
