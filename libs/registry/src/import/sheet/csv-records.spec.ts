import { CsvRecordCounter, csvRecords, detectDelimiter, MAX_RECORD_CHARS } from './csv-records.js';
import type { SheetRecord } from './sheet-record.js';

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(text: string, size = 7): Promise<SheetRecord[]> {
  const out: SheetRecord[] = [];
  for await (const r of csvRecords(chunks(text, size))) out.push(r);
  return out;
}

describe('csvRecords', () => {
  it('reads plain rows, CRLF and LF, keeping Excel row numbers across blank lines', async () => {
    const text = '姓名,身份证号\r\n马小军,62292519900315123X\r\n\r\n,,\r\n冉秀英,422801199208082345\n';
    for (const size of [1, 3, 7, 1000]) {
      expect(await read(text, size)).toEqual([
        { rowNumber: 1, values: ['姓名', '身份证号'] },
        { rowNumber: 2, values: ['马小军', '62292519900315123X'] },
        { rowNumber: 5, values: ['冉秀英', '422801199208082345'] },
      ]);
    }
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside, across chunk boundaries', async () => {
    const text = '姓名,技能说明,村\n"马,小军","会开""叉车""\n有证",陈家集村\n"冉秀英",,"木厂村"';
    for (const size of [1, 2, 5, 1000]) {
      expect(await read(text, size)).toEqual([
        { rowNumber: 1, values: ['姓名', '技能说明', '村'] },
        { rowNumber: 2, values: ['马,小军', '会开"叉车"\n有证', '陈家集村'] },
        { rowNumber: 3, values: ['冉秀英', '', '木厂村'] },
      ]);
    }
  });

  it('takes the delimiter from the header line (semicolon, tab) and reads classic Mac CR line ends', async () => {
    expect(await read('姓名;县代码\r\n马小军;622925\r\n')).toEqual([
      { rowNumber: 1, values: ['姓名', '县代码'] }, { rowNumber: 2, values: ['马小军', '622925'] },
    ]);
    expect(await read('姓名\t县代码\n马小军\t622925')).toEqual([
      { rowNumber: 1, values: ['姓名', '县代码'] }, { rowNumber: 2, values: ['马小军', '622925'] },
    ]);
    expect(await read('姓名,县代码\r马小军,622925\r', 4)).toEqual([
      { rowNumber: 1, values: ['姓名', '县代码'] }, { rowNumber: 2, values: ['马小军', '622925'] },
    ]);
    expect(detectDelimiter('a,b;c;d')).toBe(';');
  });

  it('stops at an unclosed quote instead of reading the whole file into one field', async () => {
    await expect(read('姓名,村\n"马小军,陈家集村\n冉秀英,木厂村\n', 1000)).rejects.toThrow('未闭合的引号');
    const long = '姓名,村\n"' + 'x'.repeat(MAX_RECORD_CHARS + 10) + '\n';
    await expect(read(long, 4096)).rejects.toThrow('第2行过长或引号不成对');
  });
});

describe('CsvRecordCounter', () => {
  const count = (text: string, size: number) => {
    const counter = new CsvRecordCounter();
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i += size) counter.push(bytes.subarray(i, i + size));
    return counter.end();
  };

  it('counts from the bytes what csvRecords reads, whatever the slicing', async () => {
    const texts = [
      '姓名,身份证号\r\n马小军,62292519900315123X\r\n\r\n,,\r\n冉秀英,422801199208082345\n',
      '姓名,技能说明,村\n"马,小军","会开""叉车""\n有证",陈家集村\n"冉秀英",,"木厂村"',
      '姓名;县代码\r\n马小军;622925\r\n ; \r\n',
      '姓名,县代码\r马小军,622925\r\r冉秀英,422801',
      '姓名,村\n"",""\n" ",\n马小军,"新\r\n庄"\n',
    ];
    for (const text of texts) {
      const expected = (await read(text, 1000)).length;
      for (const size of [1, 2, 3, 5, 1000]) expect({ text, size, n: count(text, size) }).toEqual({ text, size, n: expected });
    }
  });
});
