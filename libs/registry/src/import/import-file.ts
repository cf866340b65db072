import type { DataSource } from 'typeorm';
import { HeaderMap, mapHeaders } from './import-columns.js';
import { READ_FILE_SLICE } from './import.sql.js';
import type { ImportEncoding, ImportFormat } from './entities/worker-import.entity.js';
import { CsvRecordCounter, csvRecords } from './sheet/csv-records.js';
import type { SheetRecord } from './sheet/sheet-record.js';
import { SheetFormatError } from './sheet/sheet-record.js';
import { xlsxRecords } from './sheet/xlsx-records.js';

export const FILE_SLICE_BYTES = 1024 * 1024;
/** Title rows above the header (花名册 titles, a date line) are skipped; the header is within the first rows. */
const HEADER_SEARCH_ROWS = 5;

/**
 * The stored upload, read back in 1 MB slices with substring() (the column is STORAGE EXTERNAL, so each slice reads
 * only its own TOAST chunks); the next slice is fetched while the current one is parsed.
 */
export async function* fileSlices(dataSource: DataSource, importId: string): AsyncGenerator<Buffer> {
  const [meta] = await dataSource.query('SELECT octet_length(file) AS n FROM worker_imports WHERE id = $1', [importId]);
  const size = meta?.n === null || meta?.n === undefined ? null : Number(meta.n);
  if (size === null) throw new SheetFormatError('导入文件已不在服务器上，请重新上传');
  const read = (offset: number): Promise<Buffer> =>
    dataSource.query(READ_FILE_SLICE, [importId, offset, FILE_SLICE_BYTES]).then((rows: Array<{ chunk: Buffer }>) => rows[0].chunk);
  let next = size > 0 ? read(1) : undefined;
  for (let offset = 1; next; offset += FILE_SLICE_BYTES) {
    const current = await next;
    next = offset + FILE_SLICE_BYTES <= size ? read(offset + FILE_SLICE_BYTES) : undefined;
    next?.catch(() => undefined); // awaited on the next turn; a failure surfaces there
    yield current;
  }
}

async function* decode(chunks: AsyncIterable<Buffer>, encoding: ImportEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding); // strips a UTF-8 BOM
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

export function sheetRecords(chunks: AsyncIterable<Buffer>, format: ImportFormat, encoding: ImportEncoding): AsyncGenerator<SheetRecord> {
  return format === 'csv' ? csvRecords(decode(chunks, encoding)) : xlsxRecords(chunks);
}

export interface LocatedSheet {
  header: HeaderMap;
  /** The header's row number (rows above it were titles). */
  headerRow: number;
  /** Non-blank rows up to and including the header. */
  headerIndex: number;
  /** The data rows after the header. */
  rows: AsyncIterator<SheetRecord>;
}

/**
 * Finds the header row (the first of the first rows whose headers map) and hands back the rest as data rows.
 * A file with no usable header fails with the message of the first row's mapping: which required column is missing.
 */
export async function locateHeader(records: AsyncGenerator<SheetRecord>): Promise<LocatedSheet> {
  let firstError: string | undefined;
  for (let i = 0; i < HEADER_SEARCH_ROWS; i++) {
    const next = await records.next();
    if (next.done) break;
    const mapped = mapHeaders(next.value.values);
    if (!('error' in mapped)) return { header: mapped, headerRow: next.value.rowNumber, headerIndex: i + 1, rows: records };
    firstError ??= mapped.error;
  }
  await records.return(undefined);
  throw new SheetFormatError(firstError ?? '文件中没有内容：第1行应为表头（姓名、身份证号、县代码…），请下载导入模板');
}

/**
 * The cheap first pass: data rows of the file (blank rows not counted), for the progress total. A CSV in UTF-8 or
 * GB18030 is counted from its bytes; the header is then looked for in the first slice only.
 */
export async function countDataRows(slices: AsyncIterable<Buffer>, format: ImportFormat, encoding: ImportEncoding): Promise<number> {
  if (format === 'csv' && encoding !== 'utf-16le') {
    const counter = new CsvRecordCounter();
    let first: Buffer | undefined;
    for await (const slice of slices) {
      first ??= slice;
      counter.push(slice);
    }
    const records = counter.end();
    if (!first) return 0;
    const { headerIndex } = await locateHeader(sheetRecords(once(first), format, encoding));
    return Math.max(0, records - headerIndex);
  }
  const { rows } = await locateHeader(sheetRecords(slices, format, encoding));
  let count = 0;
  for (let r = await rows.next(); !r.done; r = await rows.next()) count++;
  return count;
}

async function* once(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}
