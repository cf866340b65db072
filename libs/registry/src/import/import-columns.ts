import { EDUCATION_ZH, EMPLOYMENT_STATUS_ZH, JOB_CATEGORIES, SKILLS } from '../workers/employment-status.js';
import { makeIdNumber } from '../values/id-number.js';
import type { CellValue } from './sheet/sheet-record.js';

/** The fields an import can set; each is one column of the village ledger. */
export type ColumnKey =
  | 'name' | 'idNumber' | 'mobile' | 'householdNo' | 'countyCode' | 'countyName' | 'township' | 'village'
  | 'registeredPoor' | 'education' | 'skills' | 'skillsNote' | 'wishCategories' | 'minMonthlyWage'
  | 'wantsToMove' | 'wantsTraining' | 'wantsBusiness' | 'availableFrom' | 'employmentStatus'
  | 'emergencyContactName' | 'emergencyContactMobile';

export interface ImportColumn {
  key: ColumnKey;
  /** The header of the template, and the name the error report uses. */
  header: string;
  /** Other headers ledgers use for the same thing. */
  aliases: string[];
  required?: boolean;
  /** The template's example row. */
  example: string;
  /** What to fill in (the template's notes sheet). */
  note: string;
}

const YES_NO = '填“是”或“否”，空着表示不变（新登记为“否”）';

/** Columns in template order. Required: 姓名, 身份证号, and 县代码 (or the county's name under 县). */
export const IMPORT_COLUMNS: ImportColumn[] = [
  { key: 'name', header: '姓名', aliases: ['劳动力姓名', '务工人员姓名'], required: true, example: '马小军', note: '必填；汉字、字母或间隔号“·”，不超过32字' },
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号码', '公民身份号码', '证件号码', '身份证'], required: true, example: makeIdNumber('622925', '1990-03-15', 123), note: '必填；18位，末位可为X。Excel 中请把本列设为“文本”，否则后几位会丢失' },
  { key: 'mobile', header: '手机号', aliases: ['手机号码', '联系电话', '电话', '手机'], example: '13909300001', note: '11位中国大陆手机号' },
  { key: 'householdNo', header: '户编号', aliases: ['户号', '家庭户编号', '户编码'], example: '6229250101001', note: '4至32位数字或字母；同一户的成员填同一户编号' },
  { key: 'countyCode', header: '县代码', aliases: ['县区代码', '户籍县代码', '行政区划代码'], required: true, example: '622925', note: '必填（或填“县”列）；6位行政区划代码，须是您负责的县' },
  { key: 'countyName', header: '县', aliases: ['县区', '县（区）', '户籍县', '所属县'], example: '和政县', note: '可代替县代码：填县（区）名称，如“和政县”' },
  { key: 'township', header: '乡镇', aliases: ['乡（镇）', '乡镇（街道）', '乡'], example: '城关镇', note: '不超过64字' },
  { key: 'village', header: '村', aliases: ['村（社区）', '行政村', '村名'], example: '陈家集村', note: '不超过64字' },
  { key: 'registeredPoor', header: '建档立卡', aliases: ['是否建档立卡', '建档立卡户', '是否建档立卡贫困户'], example: '是', note: YES_NO },
  { key: 'education', header: '文化程度', aliases: ['学历'], example: '初中', note: `可选：${Object.values(EDUCATION_ZH).join('、')}` },
  { key: 'skills', header: '技能', aliases: ['技能特长', '专业技能'], example: '电焊、电工', note: `多项用“、”分隔；可选：${SKILLS.join('、')}；其他技能写在“技能说明”` },
  { key: 'skillsNote', header: '技能说明', aliases: ['其他技能', '技能备注'], example: '会开叉车，有电工证', note: '不超过500字' },
  { key: 'wishCategories', header: '意向工种', aliases: ['求职意向', '意向岗位', '务工意向'], example: '电子厂、建筑', note: `多项用“、”分隔；可选：${JOB_CATEGORIES.join('、')}` },
  { key: 'minMonthlyWage', header: '期望月薪', aliases: ['期望工资', '期望月收入', '期望薪资'], example: '5000', note: '整数（元），0至100000' },
  { key: 'wantsToMove', header: '愿意外出', aliases: ['是否愿意外出', '外出务工意愿'], example: '是', note: YES_NO },
  { key: 'wantsTraining', header: '愿意培训', aliases: ['是否愿意培训', '培训意愿'], example: '是', note: YES_NO },
  { key: 'wantsBusiness', header: '愿意创业', aliases: ['是否愿意创业', '创业意愿'], example: '否', note: YES_NO },
  { key: 'availableFrom', header: '可到岗日期', aliases: ['到岗日期', '可外出日期'], example: '2027-02-20', note: '日期，如 2027-02-20 或 2027/2/20' },
  { key: 'employmentStatus', header: '就业状态', aliases: ['就业情况', '务工状态'], example: '未就业', note: `可选：${Object.values(EMPLOYMENT_STATUS_ZH).join('、')}；空着表示不变（新登记为“未就业”）` },
  { key: 'emergencyContactName', header: '紧急联系人', aliases: ['紧急联系人姓名'], example: '马秀兰', note: '不超过32字' },
  { key: 'emergencyContactMobile', header: '紧急联系人电话', aliases: ['紧急联系人手机号', '紧急联系电话'], example: '13909300002', note: '11位中国大陆手机号' },
];

export const COLUMN_BY_KEY = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));
export const HEADER_OF = (key: ColumnKey): string => COLUMN_BY_KEY.get(key)!.header;

/** Strips what ledgers add around a header: spaces, a required mark (*, ※), a note in brackets such as （必填）. */
export function normaliseHeader(raw: CellValue): string {
  return String(raw ?? '')
    .replace(/^\uFEFF/, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*＊※]+|[*＊※]+$/g, '')
    .replace(/[（(](必填|选填|可选|必须)[）)]$/, '')
    .replace(/[*＊※]+$/, '');
}

const LOOKUP = new Map<string, ColumnKey>();
for (const column of IMPORT_COLUMNS) for (const name of [column.header, ...column.aliases]) LOOKUP.set(normaliseHeader(name), column.key);

export interface HeaderMap {
  /** Position of each recognised column in the row. */
  index: Partial<Record<ColumnKey, number>>;
  /** Unknown columns, ignored (reported as warnings on the import). */
  warnings: string[];
}

/** Maps the header row to columns; a missing required column or a column given twice is an error for the whole file. */
export function mapHeaders(headers: CellValue[]): HeaderMap | { error: string } {
  const index: Partial<Record<ColumnKey, number>> = {};
  const warnings: string[] = [];
  const twice: string[] = [];
  headers.forEach((raw, i) => {
    const header = normaliseHeader(raw);
    if (!header) return;
    const key = LOOKUP.get(header);
    if (!key) {
      warnings.push(`未识别的列“${header}”已忽略`);
      return;
    }
    if (index[key] !== undefined) twice.push(HEADER_OF(key));
    else index[key] = i;
  });
  if (twice.length) return { error: `列“${twice.join('”“')}”出现了不止一次，请删除重复的列` };
  const missing: string[] = [];
  if (index.name === undefined) missing.push('姓名');
  if (index.idNumber === undefined) missing.push('身份证号');
  if (index.countyCode === undefined && index.countyName === undefined) missing.push('县代码（或“县”）');
  if (missing.length) return { error: `缺少必填列：${missing.join('、')}。请下载导入模板核对表头（第1行）` };
  return { index, warnings };
}
