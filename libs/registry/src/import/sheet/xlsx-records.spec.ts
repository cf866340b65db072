import ExcelJS from 'exceljs';
import type { SheetRecord } from './sheet-record.js';
import { xlsxRecords } from './xlsx-records.js';
import { ZipEntries } from './zip-entries.js';
import { crc32 } from 'node:zlib';

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

describe('xlsxRecords reads the ZIP by its directory', () => {
  it('reads the first tab as Excel shows it, whatever order the entries and the sheets were written in', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRows([['姓名', '身份证号'], ['马小军', '62292519900315123X']]);
    workbook.addWorksheet('说明').addRows([['填写说明'], ['不应读到']]);
    const original = new ZipEntries(Buffer.from(await workbook.xlsx.writeBuffer()));
    const entries = await Promise.all(original.names().map(async (name) => [name, await bytes(original.open(name)!)] as const));
    // The workbook, its relationships and the shared strings after the sheets; the tabs swapped (说明 first).
    const late = (name: string) => (/^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml)$/.test(name) ? 1 : 0);
    const reordered = entries.slice().sort((a, b) => late(a[0]) - late(b[0])).map(([name, data]): [string, Buffer] => {
      if (name !== 'xl/workbook.xml') return [name, data];
      const xml = data.toString('utf8');
      const tabs = xml.match(/<sheet [^>]*\/>/g)!;
      expect(tabs).toHaveLength(2);
      return [name, Buffer.from(xml.replace(tabs[0], '\u0000').replace(tabs[1], tabs[0]).replace('\u0000', tabs[1]))];
    });
    expect(reordered.at(-1)![0]).not.toMatch(/worksheets/);

    const out: SheetRecord[] = [];
    for await (const r of xlsxRecords(slices(storedZip(reordered), 300))) out.push(r);
    expect(out.map((r) => r.values)).toEqual([['填写说明'], ['不应读到']]);
  });

  it('explains a password-protected or non-ZIP file', async () => {
    const read = async (buffer: Buffer) => {
      for await (const _ of xlsxRecords(slices(buffer, 100))) void _;
    };
    await expect(read(Buffer.from('\xd0\xcf\x11\xe0 an OLE compound file', 'latin1'))).rejects.toThrow('不是有效的 .xlsx 文件');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRow(['姓名']);
    const zip = Buffer.from(await workbook.xlsx.writeBuffer());
    const cd = zip.readUInt32LE(zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    zip.writeUInt16LE(zip.readUInt16LE(cd + 8) | 1, cd + 8); // the first entry marked encrypted
    await expect(read(zip)).rejects.toThrow('Excel 文件设置了密码');
  });
});

async function bytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** A ZIP of stored (uncompressed) entries, in the order given. */
function storedZip(entries: Array<[string, Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, fileName, data);
    directory.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}
