import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, SheetRecord } from './sheet-record.js';
import { SheetFormatError } from './sheet-record.js';
import { ZipEntries } from './zip-entries.js';

/**
 * The parts of exceljs' streaming WorkbookReader we drive ourselves (exceljs 4.4, pinned): its own `parse()` walks the
 * ZIP front to back and now and then loses an entry (see ZipEntries), so the entries are handed over from the
 * central directory in the order the reader needs them — relationships, workbook, shared strings, styles, then the
 * worksheet, whose rows still stream.
 */
interface ReaderInternals {
  sharedStrings: unknown[];
  model?: { sheets?: Array<{ id: number; name: string; rId: string }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

/**
 * Streams the rows of the first worksheet (the first tab, in workbook order) of an XLSX. The compressed file (at most
 * the 20 MB upload limit) is held; the sheet is inflated and parsed as a stream, never held whole.
 * Formulas give their result, rich text its plain text, hyperlinks their text; date cells come as Dates.
 */
export async function* xlsxRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<SheetRecord> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  try {
    const rows = await firstWorksheet(new ZipEntries(Buffer.concat(parts)));
    for await (const row of rows) {
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
  } catch (e) {
    if (e instanceof SheetFormatError) throw e;
    throw new SheetFormatError(`无法读取 Excel 文件：${(e as Error).message}`);
  }
}

async function firstWorksheet(zip: ZipEntries): Promise<AsyncIterable<ExcelJS.Row>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  }) as unknown as ReaderInternals;
  reader.sharedStrings = [];
  const rels = zip.open('xl/_rels/workbook.xml.rels');
  const book = zip.open('xl/workbook.xml');
  if (!rels || !book) throw new SheetFormatError('无法读取 Excel 文件：缺少工作簿信息，请用 Excel 另存为 .xlsx 后上传');
  await reader._parseRels(rels);
  await reader._parseWorkbook(book);
  const strings = zip.open('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings)) void _;
  const styles = zip.open('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);

  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  if (!target) throw new SheetFormatError('文件中没有工作表');
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheet = zip.open(path);
  if (!sheet) throw new SheetFormatError(`无法读取 Excel 文件：找不到工作表“${first.name}”`);
  const sheetNo = /sheet(\d+)\.xml$/.exec(path)?.[1] ?? String(first.id);
  const [event] = reader._parseWorksheet(sheet.pipe(new PassThrough()), sheetNo);
  return event.value;
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
