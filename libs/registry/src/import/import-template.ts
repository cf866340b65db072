import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from './import-columns.js';

export const TEMPLATE_FILE_NAME = '劳动力导入模板';

/** CSV that Excel opens correctly in Chinese: UTF-8 BOM, CRLF, quoted where needed. */
export function csvLine(values: Array<string | number>): string {
  return values
    .map((v) => {
      let s = String(v);
      if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`; // no formula injection in a file Excel opens
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',') + '\r\n';
}

/** The CSV template: the headers and one example row. */
export function csvTemplate(): Buffer {
  return Buffer.from(
    '\uFEFF' + csvLine(IMPORT_COLUMNS.map((c) => c.header)) + csvLine(IMPORT_COLUMNS.map((c) => c.example)),
    'utf8',
  );
}

const TEXT_COLUMNS = new Set(['idNumber', 'mobile', 'householdNo', 'countyCode', 'emergencyContactMobile']);
const YES_NO_COLUMNS = new Set(['registeredPoor', 'wantsToMove', 'wantsTraining', 'wantsBusiness']);
const TEMPLATE_ROWS = 2000;

let xlsxCache: Promise<Buffer> | undefined;

/** The XLSX template, built once per process (it never changes while the process runs). */
export function xlsxTemplate(): Promise<Buffer> {
  xlsxCache ??= buildXlsxTemplate().catch((e: unknown) => {
    xlsxCache = undefined;
    throw e;
  });
  return xlsxCache;
}

/**
 * The XLSX template: the headers (required ones marked red), one example row, number columns stored as text so
 * Excel keeps all 18 digits of an ID number, 是/否 drop-downs, and a second sheet explaining each column.
 */
async function buildXlsxTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '到岗 Daogang';
  const sheet = workbook.addWorksheet('劳动力名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, Math.min(24, c.example.length * 2 + 4)),
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {},
  }));
  sheet.addRow(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.example])));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = c.note;
    if (YES_NO_COLUMNS.has(c.key)) {
      for (let r = 2; r <= TEMPLATE_ROWS; r++) {
        sheet.getCell(r, i + 1).dataValidation = {
          type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, error: '请填“是”或“否”',
        };
      }
    }
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ header: '列名', width: 16 }, { header: '是否必填', width: 10 }, { header: '说明', width: 100 }];
  notes.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) notes.addRow([c.header, c.required ? '必填' : '', c.note]);
  notes.addRow([]);
  notes.addRow(['', '', '第1行为表头，从第2行起每行一人；同一身份证号再次导入会更新该人档案，空着的格子不会清除已有信息。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
