import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, SheetRecord } from './sheet-record.js';
import { SheetFormatError } from './sheet-record.js';

/**
 * Streams the rows of the first worksheet of an XLSX with exceljs' streaming WorkbookReader: the workbook is never
 * held whole (exceljs parks a worksheet in a temp file when the shared strings come after it in the ZIP).
 * Formulas give their result, rich text its plain text, hyperlinks their text; date cells come as Dates.
 */
export async function* xlsxRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<SheetRecord> {
  const source = Readable.from(chunks, { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const raw = row.values as unknown[];
        const values: CellValue[] = [];
        let blank = true;
        for (let i = 1; i < raw.length; i++) {
          const v = plain(raw[i]);
          values.push(v);
          if (blank && v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')) blank = false;
        }
        if (!blank) yield { rowNumber: row.number, values };
      }
      return; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof SheetFormatError) throw e;
    throw new SheetFormatError(`无法读取 Excel 文件：${(e as Error).message}`);
  } finally {
    source.destroy();
  }
}

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plain(v.result);
    if ('text' in v) return plain(v.text);
    if ('error' in v) return undefined;
  }
  return String(value);
}
