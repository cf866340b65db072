import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { SheetFormatError } from './sheet-record.js';

/**
 * The entries of a ZIP held in memory, read from its central directory (random access, so the order of the
 * entries in the file does not matter), each opened as a stream of its inflated bytes.
 *
 * Why not a streaming unzip: exceljs' streaming reader walks the local headers front to back (unzipper) and, in
 * about 2 reads in 1,000, loses `xl/workbook.xml` and fails with "Cannot read properties of undefined (reading
 * 'sheets')". An upload is at most 20 MB, so the compressed file is held; only the inflated sheet streams.
 */
export class ZipEntries {
  private readonly entries = new Map<string, { method: number; size: number; offset: number }>();

  constructor(private readonly zip: Buffer) {
    const eocd = findEndOfCentralDirectory(zip);
    const count = zip.readUInt16LE(eocd + 10);
    let at = zip.readUInt32LE(eocd + 16);
    if (count === 0xffff || at === 0xffffffff) throw new SheetFormatError('无法读取 Excel 文件：不支持 ZIP64 格式，请用 Excel 另存为 .xlsx 后上传');
    for (let i = 0; i < count; i++) {
      if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw broken('目录损坏');
      const flags = zip.readUInt16LE(at + 8);
      const method = zip.readUInt16LE(at + 10);
      const size = zip.readUInt32LE(at + 20);
      const nameLength = zip.readUInt16LE(at + 28);
      const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
      const local = zip.readUInt32LE(at + 42);
      const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
      if (flags & 1) throw new SheetFormatError('Excel 文件设置了密码，请取消密码后重新上传');
      if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw broken('文件内容损坏');
      const offset = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      if (offset + size > zip.length) throw broken('文件不完整');
      this.entries.set(name.replace(/^\/+/, ''), { method, size, offset });
      at += 46 + nameLength + skip;
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The inflated bytes of `path` as a stream (undefined when there is no such entry). */
  open(path: string): Readable | undefined {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    const bytes = Readable.from([this.zip.subarray(entry.offset, entry.offset + entry.size)], { objectMode: false });
    if (entry.method === 0) return bytes;
    if (entry.method !== 8) throw broken(`不支持的压缩方式 ${entry.method}`);
    const inflate = createInflateRaw();
    bytes.on('error', (e) => inflate.destroy(e));
    return bytes.pipe(inflate);
  }
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const last = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= last; at--) if (zip.readUInt32LE(at) === 0x06054b50) return at;
  throw broken('不是有效的 .xlsx 文件（如为 .xls 或 WPS 格式，请用 Excel 另存为 .xlsx）');
}

function broken(why: string): SheetFormatError {
  return new SheetFormatError(`无法读取 Excel 文件：${why}`);
}
