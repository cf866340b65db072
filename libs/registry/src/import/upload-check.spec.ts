import { ErrorCode, ValidationFailedError } from '@daogang/platform';
import ExcelJS from 'exceljs';
import { checkUpload, IMPORT_MAX_BYTES, sanitiseFileName } from './upload-check.js';

const csv = (text: string) => Buffer.from(text, 'utf8');
const file = (originalname: string, buffer: Buffer) => ({ originalname, buffer, size: buffer.length });

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    return { code: (e as ValidationFailedError).code, message: (e as Error).message };
  }
  throw new Error('not refused');
}

describe('checkUpload', () => {
  it('accepts a UTF-8 CSV with or without BOM, and hashes it', () => {
    const checked = checkUpload(file('名单.csv', csv('\uFEFF姓名,身份证号\n')));
    expect(checked).toMatchObject({ fileName: '名单.csv', format: 'csv', encoding: 'utf-8', size: 23 });
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects GBK/GB18030 and UTF-16 CSVs as Excel in China saves them', () => {
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xc9, 0xed, 0xb7, 0xdd, 0xd6, 0xa4, 0xba, 0xc5, 0x0a]); // 姓名,身份证号
    expect(new TextDecoder('gb18030').decode(gbk)).toBe('姓名,身份证号\n');
    expect(checkUpload(file('名单.csv', gbk)).encoding).toBe('gb18030');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t身份证号\n', 'utf16le')]);
    expect(checkUpload(file('名单.txt', utf16)).encoding).toBe('utf-16le');
  });

  it('accepts an XLSX only when it is a ZIP holding a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRow(['姓名']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(checkUpload(file('名单.XLSX', xlsx)).format).toBe('xlsx');
    expect(refusal(() => checkUpload(file('名单.xlsx', csv('姓名,身份证号\n'))))).toEqual({
      code: ErrorCode.ValidationFailed, message: '文件内容不是有效的 Excel（.xlsx）文件，请在 Excel 中重新保存后上传',
    });
    const docx = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('word/document.xml')]);
    expect(refusal(() => checkUpload(file('名单.xlsx', docx))).message).toContain('不是有效的 Excel');
    expect(refusal(() => checkUpload(file('名单.csv', xlsx))).message).toBe('这是 Excel（.xlsx）文件，请把扩展名改为 .xlsx 后上传');
  });

  it('refuses other types, old .xls, binary, empty and too large files with Chinese messages', () => {
    expect(refusal(() => checkUpload(file('photo.png', csv('x')))).message).toBe('只能上传 CSV 或 Excel（.xlsx）文件');
    expect(refusal(() => checkUpload(file('名单.xls', csv('x')))).message).toContain('不支持旧版 Excel（.xls）');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(refusal(() => checkUpload(file('名单.csv', ole))).message).toContain('旧版 Excel（.xls）');
    expect(refusal(() => checkUpload(file('名单.csv', Buffer.from([0x41, 0x00, 0x42])))).message).toContain('不是文本格式');
    expect(refusal(() => checkUpload(file('名单.csv', Buffer.from([0xff, 0x41])))).message).toContain('无法识别文件的文字编码');
    expect(refusal(() => checkUpload(file('名单.csv', Buffer.alloc(0))))).toEqual({ code: ErrorCode.ValidationFailed, message: '文件是空的，请检查后重新上传' });
    expect(refusal(() => checkUpload(undefined)).message).toBe('请选择要上传的文件（表单字段 file）');
    const big = { originalname: 'big.csv', buffer: Buffer.alloc(1), size: IMPORT_MAX_BYTES + 1 };
    expect(refusal(() => checkUpload(big))).toEqual({ code: ErrorCode.PayloadTooLarge, message: '文件不能超过20MB，请拆分后分批导入' });
  });
});

describe('sanitiseFileName', () => {
  it.each([
    ['../../etc/passwd.csv', 'passwd.csv'],
    ['..\\..\\Windows\\名单.xlsx', '名单.xlsx'],
    ['C:\\Users\\马建国\\Desktop\\和政县名单.csv', '和政县名单.csv'],
    ['..', 'upload'],
    ['.hidden.csv', 'hidden.csv'],
    ['名单\u0000\u202e.csv', '名单.csv'],
    [undefined, 'upload'],
  ])('%s → %s', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = sanitiseFileName('名'.repeat(300) + '.xlsx');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});
