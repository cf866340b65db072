import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { DomainError, ErrorCode, ValidationFailedError } from '@daogang/platform';
import type { ImportEncoding, ImportFormat } from './entities/worker-import.entity.js';

/** Largest upload: about 100,000 rows of a full ledger. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_MB = IMPORT_MAX_BYTES / 1024 / 1024;

/** What multer's memory storage hands over (the part of it this code reads). */
export interface UploadedFileLike {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface CheckedUpload {
  fileName: string;
  format: ImportFormat;
  encoding: ImportEncoding;
  size: number;
  sha256: string;
  buffer: Buffer;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // PK\x03\x04
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // .xls, .doc
const WORKBOOK_PART = Buffer.from('xl/workbook.xml'); // named in the ZIP's central directory of every XLSX

export const uploadFailed = (message: string) => new ValidationFailedError([{ field: 'file', message }], message);

/**
 * Decides whether an upload can be imported, before anything is written: the extension AND the content must agree
 * (an XLSX is a ZIP holding xl/workbook.xml; a CSV is text in UTF-8, GB18030/GBK as Excel in China saves it,
 * or UTF-16 as Excel's "Unicode text"). Every refusal is a 4xx with a Chinese message.
 */
export function checkUpload(file: UploadedFileLike | undefined): CheckedUpload {
  if (!file) throw uploadFailed('请选择要上传的文件（表单字段 file）');
  if (file.size > IMPORT_MAX_BYTES || file.buffer.length > IMPORT_MAX_BYTES) throw tooLarge();
  const fileName = sanitiseFileName(file.originalname);
  const buffer = file.buffer;
  if (buffer.length === 0) throw uploadFailed('文件是空的，请检查后重新上传');
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const base = { fileName, size: buffer.length, buffer, sha256: createHash('sha256').update(buffer).digest('hex') };

  switch (extension) {
    case 'xlsx':
      if (!startsWith(buffer, ZIP) || !buffer.includes(WORKBOOK_PART)) throw uploadFailed('文件内容不是有效的 Excel（.xlsx）文件，请在 Excel 中重新保存后上传');
      return { ...base, format: 'xlsx', encoding: 'utf-8' };
    case 'csv':
    case 'txt':
      if (startsWith(buffer, ZIP)) throw uploadFailed('这是 Excel（.xlsx）文件，请把扩展名改为 .xlsx 后上传');
      if (startsWith(buffer, OLE2)) throw uploadFailed('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后上传');
      return { ...base, format: 'csv', encoding: textEncoding(buffer) };
    case 'xls':
      throw uploadFailed('不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后上传');
    default:
      throw uploadFailed('只能上传 CSV 或 Excel（.xlsx）文件');
  }
}

function tooLarge(): DomainError {
  return new DomainError(ErrorCode.PayloadTooLarge, `文件不能超过${IMPORT_MAX_MB}MB，请拆分后分批导入`);
}
export { tooLarge as uploadTooLarge };

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312); binary is refused. */
export function textEncoding(buffer: Buffer): ImportEncoding {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer.includes(0)) throw uploadFailed('文件不是文本格式的 CSV，请在 Excel 中“另存为” CSV 后上传');
  if (isUtf8(buffer)) return 'utf-8'; // checked in place, no 20 MB string built
  if (decodes(buffer, 'gb18030')) return 'gb18030';
  throw uploadFailed('无法识别文件的文字编码，请用 UTF-8 或 GBK 编码保存 CSV');
}

function decodes(buffer: Buffer, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

function startsWith(buffer: Buffer, magic: Buffer): boolean {
  return buffer.length >= magic.length && buffer.subarray(0, magic.length).equals(magic);
}

/**
 * The client's file name, for display only: the base name (no directories of either separator, so no path
 * traversal), no control characters, no leading dots, at most 200 characters with the extension kept.
 */
export function sanitiseFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let name = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').replace(/^[.\s]+/, '').trim();
  const chars = [...name];
  if (chars.length > 200) {
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
    name = chars.slice(0, 200 - ext.length).join('') + ext;
  }
  return name || 'upload';
}
