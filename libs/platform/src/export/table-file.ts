import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';

/** One column of an exported table: its header and its cell; a `rate` is a share 0–1, shown as a percentage. */
export interface TableColumn<T> {
  header: string;
  cell: (row: T) => string | number | null | undefined;
  rate?: boolean;
  /** XLSX column width in characters (default from the header). */
  width?: number;
}

export interface TableFile {
  stream: Readable;
  fileName: string;
  contentType: string;
}

export const TABLE_CONTENT_TYPE: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** CSV that Excel opens correctly in Chinese: UTF-8 BOM, CRLF, quoted fields; formula injection neutralised. */
export function csvLine(values: Array<string | number | null | undefined>): string {
  return values
    .map((v) => {
      if (v === null || v === undefined) return '';
      let s = String(v);
      if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',') + '\r\n';
}

const percent = (v: unknown) => (v === null || v === undefined || v === '' ? '' : `${(Number(v) * 100).toFixed(1)}%`);

/**
 * A table as a downloadable file, streamed row by row (the rows may be an async iterable read from a cursor): CSV
 * with a BOM, or XLSX with percentages formatted. The caller sets Content-Disposition from `fileName`.
 */
export function tableFile<T>(options: {
  columns: TableColumn<T>[];
  rows: Iterable<T> | AsyncIterable<T>;
  format: TableFormat;
  fileName: string;
  sheetName: string;
}): TableFile {
  const out = new PassThrough();
  const pump = options.format === 'csv' ? writeCsv(out, options.columns, options.rows) : writeXlsx(out, options.columns, options.rows, options.sheetName);
  pump.catch((e: Error) => out.destroy(e));
  return { stream: out, fileName: `${options.fileName}.${options.format}`, contentType: TABLE_CONTENT_TYPE[options.format] };
}

async function writeCsv<T>(out: PassThrough, columns: TableColumn<T>[], rows: Iterable<T> | AsyncIterable<T>): Promise<void> {
  out.write('\uFEFF' + csvLine(columns.map((c) => c.header)));
  for await (const row of rows) {
    const line = csvLine(columns.map((c) => (c.rate ? percent(c.cell(row)) : c.cell(row))));
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
}

async function writeXlsx<T>(out: PassThrough, columns: TableColumn<T>[], rows: Iterable<T> | AsyncIterable<T>, sheetName: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c, i) => ({
    key: String(i), header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2), style: c.rate ? { numFmt: '0.0%' } : {},
  }));
  for await (const row of rows) sheet.addRow(columns.map((c) => c.cell(row) ?? null)).commit();
  sheet.commit();
  await workbook.commit();
}

/** The file as a controller's answer: a download named in UTF-8 (Chinese names survive every browser). */
export function downloadOf(res: { setHeader(name: string, value: string): unknown }, file: TableFile): StreamableFile {
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  return new StreamableFile(file.stream, { type: file.contentType });
}
