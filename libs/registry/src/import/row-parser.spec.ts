import { makeIdNumber } from '../values/id-number.js';
import { EmploymentStatus } from '../workers/employment-status.js';
import { IMPORT_COLUMNS, mapHeaders, HeaderMap } from './import-columns.js';
import { asDate, fingerprint, RowContext, RowParser } from './row-parser.js';
import type { CellValue } from './sheet/sheet-record.js';

const TODAY = new Date('2026-11-25T00:00:00Z');
const ID = makeIdNumber('622925', '1990-03-15', 123);
const COUNTIES: Record<string, string[]> = { 和政县: ['622925'], 临夏县: ['622921'], 恩施市: ['422801'], 朝阳区: ['110105', '220104'] };
const KNOWN = new Set(['622925', '622921', '422801', '110105', '220104']);

const context = (mine: string[] | 'all' = ['622925', '622921']): RowContext => ({
  isCounty: (code) => KNOWN.has(code),
  countiesNamed: (name) => COUNTIES[name] ?? [],
  mayWrite: (code) => mine === 'all' || mine.includes(code),
  today: TODAY,
});

const HEADERS = IMPORT_COLUMNS.filter((c) => c.key !== 'countyName').map((c) => c.header);

function header(headers: CellValue[] = HEADERS): HeaderMap {
  const mapped = mapHeaders(headers);
  if ('error' in mapped) throw new Error(mapped.error);
  return mapped;
}

/** A row by header name; the rest empty. */
function row(cells: Record<string, CellValue>, headers: string[] = HEADERS): CellValue[] {
  return headers.map((h) => cells[h]);
}

const good = { 姓名: '马小军', 身份证号: ID, 县代码: '622925' };

describe('mapHeaders', () => {
  it('maps the template headers, aliases and marked headers, and warns about unknown columns', () => {
    const mapped = header(['\uFEFF姓名*', ' 身份证号码 ', '联系电话', '县代码（必填）', '备注']);
    expect(mapped.index).toEqual({ name: 0, idNumber: 1, mobile: 2, countyCode: 3 });
    expect(mapped.warnings).toEqual(['未识别的列“备注”已忽略']);
  });

  it('names the missing required columns', () => {
    expect(mapHeaders(['姓名', '手机号'])).toEqual({ error: '缺少必填列：身份证号、县代码（或“县”）。请下载导入模板核对表头（第1行）' });
  });

  it('accepts 县 (the county name) instead of 县代码', () => {
    expect('error' in mapHeaders(['姓名', '身份证号', '县'])).toBe(false);
  });

  it('refuses a column given twice', () => {
    expect(mapHeaders(['姓名', '身份证号', '县代码', '身份证'])).toEqual({ error: '列“身份证号”出现了不止一次，请删除重复的列' });
  });
});

describe('RowParser', () => {
  const parser = new RowParser(header(), context());

  it('parses a full ledger row with Chinese labels into normalised values', () => {
    const { row: parsed, problems } = parser.parse(2, row({
      ...good, 手机号: '139 0930 0001', 户编号: '6229250101001', 乡镇: '城关镇', 村: '陈家集村', 建档立卡: '是',
      文化程度: '初中', 技能: '电焊、电工，电焊', 技能说明: '会开叉车', 意向工种: '电子厂、建筑', 期望月薪: '5,000元',
      愿意外出: '是', 愿意培训: '否', 愿意创业: 'N', 可到岗日期: '2027/2/20', 就业状态: '省外就业',
      紧急联系人: '马秀兰', 紧急联系人电话: '+86 13909300002',
    }));
    expect(problems).toEqual([]);
    expect(parsed).toEqual({
      rowNumber: 2, name: '马小军', countyCode: '622925',
      id: { value: ID, regionCode: '622925', birthDate: '1990-03-15', sex: 'M' },
      mobile: '13909300001', householdNo: '6229250101001', township: '城关镇', village: '陈家集村', registeredPoor: true,
      education: 'junior', skills: ['电焊', '电工'], skillsNote: '会开叉车', wishCategories: ['电子厂', '建筑'],
      minMonthlyWage: 5000, wantsToMove: true, wantsTraining: false, wantsBusiness: false, availableFrom: '2027-02-20',
      employmentStatus: EmploymentStatus.EmployedOutOfProvince, emergencyContactName: '马秀兰', emergencyContactMobile: '13909300002',
    });
  });

  it('leaves empty cells undefined (an import never erases)', () => {
    const { row: parsed } = parser.parse(2, row(good));
    expect(parsed).toEqual({ rowNumber: 2, name: '马小军', countyCode: '622925', id: expect.objectContaining({ value: ID }) });
  });

  it('reports every problem of a row with its column and the registry messages', () => {
    const { row: parsed, problems } = parser.parse(7, row({
      姓名: '马小军1', 身份证号: ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1'), 县代码: '622925', 手机号: '1234',
      建档立卡: '也许', 文化程度: '幼儿园', 技能: '电焊、开挖掘机', 意向工种: '码农', 期望月薪: '5000.5',
      可到岗日期: '2027-02-30', 就业状态: '上班', 户编号: '户1',
    }));
    expect(parsed).toBeUndefined();
    expect(problems).toEqual([
      { rowNumber: 7, column: '姓名', message: '姓名只能包含汉字、字母和间隔号“·”' },
      { rowNumber: 7, column: '身份证号', message: '身份证号校验位不正确，请核对是否输错' },
      { rowNumber: 7, column: '手机号', message: '请输入11位中国大陆手机号，例如 13912345678' },
      { rowNumber: 7, column: '户编号', message: '户编号为4至32位数字或字母' },
      { rowNumber: 7, column: '建档立卡', message: '请填“是”或“否”' },
      { rowNumber: 7, column: '文化程度', message: expect.stringContaining('文化程度无效，可选：未上学、小学、初中') },
      { rowNumber: 7, column: '技能', message: '技能“开挖掘机”不在标准列表中，其他技能请写在“技能说明”' },
      { rowNumber: 7, column: '意向工种', message: expect.stringContaining('意向工种“码农”无效') },
      { rowNumber: 7, column: '期望月薪', message: '期望月薪必须是整数（元）' },
      { rowNumber: 7, column: '可到岗日期', message: '日期格式应为 YYYY-MM-DD，例如 2026-03-01' },
      { rowNumber: 7, column: '就业状态', message: expect.stringContaining('就业状态无效，可选：未就业、县内就业') },
    ]);
  });

  it('refuses counties that do not exist or that the importer does not keep', () => {
    expect(parser.parse(3, row({ ...good, 县代码: '999999' })).problems).toEqual([{ rowNumber: 3, column: '县代码', message: '没有代码为 999999 的县（区）' }]);
    expect(parser.parse(3, row({ ...good, 县代码: '4228' })).problems[0].message).toBe('县代码必须是6位数字（GB/T 2260）');
    expect(parser.parse(3, row({ ...good, 县代码: '422801' })).problems).toEqual([{ rowNumber: 3, column: '县代码', message: '不是您负责的县' }]);
    expect(new RowParser(header(), context('all')).parse(3, row({ ...good, 县代码: '422801' })).problems).toEqual([]);
  });

  it('resolves a county by name, and asks for the code when the name is ambiguous', () => {
    const byName = new RowParser(header(['姓名', '身份证号', '县']), context(['622925', '110105']));
    expect(byName.parse(2, ['马小军', ID, '和政县']).row?.countyCode).toBe('622925');
    expect(byName.parse(2, ['马小军', ID, '朝阳区']).row?.countyCode).toBe('110105'); // the one the broker keeps
    expect(byName.parse(2, ['马小军', ID, '恩施市']).problems[0]).toEqual({ rowNumber: 2, column: '县', message: '不是您负责的县' });
    expect(byName.parse(2, ['马小军', ID, '桃源县']).problems[0].message).toBe('没有名为“桃源县”的县（区）');
    const elsewhere = new RowParser(header(['姓名', '身份证号', '县']), context(['622925']));
    expect(elsewhere.parse(2, ['马小军', ID, '朝阳区']).problems[0].message).toBe('名为“朝阳区”的县（区）不止一个，请填写县代码');
  });

  it('explains an ID number that Excel turned into a number', () => {
    expect(parser.parse(2, row({ ...good, 身份证号: 622925199003151200 })).problems).toEqual([
      { rowNumber: 2, column: '身份证号', message: '身份证号被 Excel 存成了数字，后几位已丢失；请把本列设为“文本”后重新填写' },
    ]);
    expect(parser.parse(2, row({ ...good, 身份证号: '6.22925E+17' })).problems[0].column).toBe('身份证号');
  });

  it('accepts a lower-case x, full-width digits and spaces in the ID number', () => {
    const withX = makeIdNumber('622925', '1985-07-01', 9);
    expect(withX.endsWith('X')).toBe(true);
    const raw = withX.slice(0, 17) + 'x';
    const fullWidth = raw.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(parser.parse(2, row({ ...good, 身份证号: ` ${fullWidth} ` })).row?.id.value).toBe(withX);
  });

  it('refuses an under-age worker and a missing name', () => {
    const child = makeIdNumber('622925', '2015-01-01', 11);
    expect(parser.parse(2, row({ ...good, 姓名: ' ', 身份证号: child })).problems).toEqual([
      { rowNumber: 2, column: '姓名', message: '请填写姓名' },
      { rowNumber: 2, column: '身份证号', message: '未满16周岁，不能登记务工' },
    ]);
  });

  it('takes XLSX cell types: Date cells, numbers, booleans', () => {
    const { row: parsed } = parser.parse(2, row({
      ...good, 手机号: 13909300001, 期望月薪: 4500, 可到岗日期: new Date(Date.UTC(2027, 1, 20)), 建档立卡: true, 县代码: 622925,
    }));
    expect(parsed).toMatchObject({ mobile: '13909300001', minMonthlyWage: 4500, availableFrom: '2027-02-20', registeredPoor: true, countyCode: '622925' });
  });
});

describe('asDate', () => {
  it.each([
    ['2027-02-20', '2027-02-20'], ['2027/2/20', '2027-02-20'], ['2027.2.20', '2027-02-20'], ['2027年2月20日', '2027-02-20'],
    [46438, '2027-02-20'], ['2027-02-29', undefined], ['明年春节后', undefined], [12, undefined],
  ])('%s → %s', (input, expected) => {
    expect(asDate(input)).toBe(expected);
  });
});

describe('fingerprint', () => {
  const parser = new RowParser(header(), context());
  const fp = (cells: Record<string, CellValue>) => fingerprint(parser.parse(2, row(cells)).row!);

  it('is the same for the same normalised row, whatever the spelling', () => {
    expect(fp({ ...good, 手机号: '139 0930 0001', 建档立卡: '是' })).toBe(fp({ ...good, 手机号: '13909300001', 建档立卡: 'Y' }));
    expect(fp(good)).toHaveLength(32);
  });

  it('changes when a value changes, and tells an empty cell from a value', () => {
    expect(fp(good)).not.toBe(fp({ ...good, 村: '陈家集村' }));
    expect(fp({ ...good, 建档立卡: '否' })).not.toBe(fp(good));
  });
});
