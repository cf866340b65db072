import ExcelJS from 'exceljs';
import type { SheetRecord } from './sheet-record.js';
import { xlsxRecords } from './xlsx-records.js';

async function* slices(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

describe('xlsxRecords', () => {
  it('streams the first worksheet: text, numbers, dates, rich text, formulas; skips blank rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '身份证号', '期望月薪', '可到岗日期', '村']);
    sheet.addRow(['马小军', '62292519900315123X', 5000, new Date(Date.UTC(2027, 1, 20)), { richText: [{ text: '陈家' }, { text: '集村' }] }]);
    sheet.addRow([]);
    sheet.addRow(['冉秀英', '422801199208082345', { formula: '4000+500', result: 4500 }, null, '木厂村']);
    workbook.addWorksheet('填写说明').addRow(['不应读到']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const out: SheetRecord[] = [];
    for await (const r of xlsxRecords(slices(buffer, 1000))) out.push(r);
    expect(out).toEqual([
      { rowNumber: 1, values: ['姓名', '身份证号', '期望月薪', '可到岗日期', '村'] },
      { rowNumber: 2, values: ['马小军', '62292519900315123X', 5000, new Date(Date.UTC(2027, 1, 20)), '陈家集村'] },
      { rowNumber: 4, values: ['冉秀英', '422801199208082345', 4500, undefined, '木厂村'] },
    ]);
  });

  it('fails with a Chinese message on a broken file', async () => {
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]);
    const read = async () => {
      for await (const _ of xlsxRecords(slices(broken, 50))) void _;
    };
    await expect(read()).rejects.toThrow('无法读取 Excel 文件');
  });
});
