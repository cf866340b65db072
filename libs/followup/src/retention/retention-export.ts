import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { RETENTION_BY_ZH, type RetentionReportDto, type RetentionRowDto } from './dto/retention.dto.js';

export type RetentionFormat = 'csv' | 'xlsx';

/** One column of the file: header, and the cell of a row (a rate is a share 0–1, shown as a percentage). */
interface Column {
  header: string;
  cell: (row: RetentionRowDto) => string | number | null;
  rate?: boolean;
}

function columns(report: RetentionReportDto): Column[] {
  const retained = (n: 30 | 90 | 180): Column[] => [
    { header: `到岗满${n}天`, cell: (r) => r[`retained${n}`].eligible },
    { header: `${n}天仍在岗`, cell: (r) => r[`retained${n}`].retained },
    { header: `${n}天留存率`, cell: (r) => r[`retained${n}`].rate, rate: true },
  ];
  return [
    { header: RETENTION_BY_ZH[report.by], cell: (r) => r.label },
    { header: '安置人数', cell: (r) => r.placements },
    { header: '已到岗', cell: (r) => r.arrived },
    ...retained(30), ...retained(90), ...retained(180),
    { header: '应回访', cell: (r) => r.followUpsDue },
    { header: '已回访', cell: (r) => r.done },
    { header: '已逾期', cell: (r) => r.overdue },
    { header: '到期未访', cell: (r) => r.dueLate },
    { header: '回访完成率', cell: (r) => r.completionRate, rate: true },
    { header: '逾期率', cell: (r) => r.overdueRate, rate: true },
  ];
}

/** CSV that Excel opens correctly in Chinese: UTF-8 BOM, CRLF, quoted fields; formula injection neutralised. */
function csvLine(values: Array<string | number>): string {
  return values
    .map((v) => {
      let s = String(v);
      if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',') + '\r\n';
}

const percent = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);

/** The report as a file: its rows, then the total; the period in the name. */
export function retentionFile(report: RetentionReportDto, format: RetentionFormat): { stream: Readable; fileName: string; contentType: string } {
  const cols = columns(report);
  const rows = [...report.rows, report.total];
  const out = new PassThrough();
  const pump = format === 'csv' ? writeCsv(out, cols, rows) : writeXlsx(out, cols, rows);
  pump.catch((e: Error) => out.destroy(e));
  return {
    stream: out,
    fileName: `就业留存-按${RETENTION_BY_ZH[report.by]}-${report.from}至${report.to}（统计日${report.asOf}）.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

async function writeCsv(out: PassThrough, cols: Column[], rows: RetentionRowDto[]): Promise<void> {
  out.write('\uFEFF' + csvLine(cols.map((c) => c.header)));
  for (const row of rows) {
    const line = csvLine(cols.map((c) => (c.rate ? percent(c.cell(row) as number | null) : (c.cell(row) ?? ''))));
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
}

async function writeXlsx(out: PassThrough, cols: Column[], rows: RetentionRowDto[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('就业留存');
  sheet.columns = cols.map((c, i) => ({
    key: String(i), header: c.header, width: i === 0 ? 28 : Math.max(10, c.header.length * 2 + 2), style: c.rate ? { numFmt: '0.0%' } : {},
  }));
  for (const row of rows) sheet.addRow(cols.map((c) => c.cell(row))).commit();
  sheet.commit();
  await workbook.commit();
}
