import { hash } from 'node:crypto';
import { isMobile, normaliseMobile } from '@daogang/platform';
import type { Education } from '../workers/employment-status.js';
import {
  EDUCATION_LEVELS, EDUCATION_ZH, EMPLOYMENT_STATUS_ZH, EmploymentStatus, JOB_CATEGORIES, SKILLS,
} from '../workers/employment-status.js';
import { ID_NUMBER_MESSAGES, IdNumberFacts, parseIdNumber } from '../values/id-number.js';
import { ColumnKey, HEADER_OF, HeaderMap } from './import-columns.js';
import type { CellValue } from './sheet/sheet-record.js';

/**
 * What a row sets. `undefined` = the cell is empty: the stored value stays as it is (a new worker gets the default).
 * A ledger rarely holds everything the registry knows, so an empty cell never erases.
 */
export interface ImportedFields {
  mobile?: string;
  householdNo?: string;
  township?: string;
  village?: string;
  registeredPoor?: boolean;
  education?: Education;
  skills?: string[];
  skillsNote?: string;
  wishCategories?: string[];
  minMonthlyWage?: number;
  wantsToMove?: boolean;
  wantsTraining?: boolean;
  wantsBusiness?: boolean;
  availableFrom?: string;
  employmentStatus?: EmploymentStatus;
  emergencyContactName?: string;
  emergencyContactMobile?: string;
}

export interface ParsedRow extends ImportedFields {
  rowNumber: number;
  name: string;
  id: IdNumberFacts;
  countyCode: string;
}

export interface RowProblem {
  rowNumber: number;
  /** Chinese header; '' for the row as a whole. */
  column: string;
  message: string;
}

/** What the parser needs to know about the world: regions, and the counties the importer may write. */
export interface RowContext {
  isCounty(code: string): boolean;
  /** County-level codes whose name (or short name) this is. */
  countiesNamed(name: string): string[];
  mayWrite(countyCode: string): boolean;
  today?: Date;
}

// The same rules and messages as the registration DTO (workers/dto/worker-input.dto.ts), applied directly:
// class-validator per row would cost more than the whole rest of the row.
const NAME = /^[\u3400-\u9fff\u00b7·a-zA-Z\s]+$/;
const HOUSEHOLD_NO = /^[0-9A-Za-z-]{4,32}$/;
const COUNTY = /^\d{6}$/;
const MOBILE_MESSAGE = '请输入11位中国大陆手机号，例如 13912345678';
const DATE_MESSAGE = '日期格式应为 YYYY-MM-DD，例如 2026-03-01';
const LIST_SPLIT = /[、，,；;／/\s]+/;

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '愿意']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', '✗', '不愿意']);

const EDUCATION_BY_LABEL = new Map<string, Education>([
  ...EDUCATION_LEVELS.map((e): [string, Education] => [e, e]),
  ...Object.entries(EDUCATION_ZH).map(([k, v]): [string, Education] => [v, k as Education]),
  ['文盲', 'none'], ['半文盲', 'none'], ['无', 'none'], ['学龄前', 'none'],
  ['中专', 'vocational'], ['技校', 'vocational'], ['职高', 'vocational'], ['中职', 'vocational'], ['中专/职高', 'vocational'],
  ['高中及以上', 'senior'], ['专科', 'college'], ['高职', 'college'], ['大学', 'bachelor'], ['大学本科', 'bachelor'],
  ['硕士', 'postgraduate'], ['博士', 'postgraduate'], ['研究生及以上', 'postgraduate'],
]);
const EDUCATION_MESSAGE = `文化程度无效，可选：${Object.values(EDUCATION_ZH).join('、')}`;

const STATUS_BY_LABEL = new Map<string, EmploymentStatus>([
  ...Object.values(EmploymentStatus).map((s): [string, EmploymentStatus] => [s, s]),
  ...Object.entries(EMPLOYMENT_STATUS_ZH).map(([k, v]): [string, EmploymentStatus] => [v, k as EmploymentStatus]),
  ['待业', EmploymentStatus.NotEmployed], ['无业', EmploymentStatus.NotEmployed], ['在家', EmploymentStatus.NotEmployed],
  ['县内务工', EmploymentStatus.EmployedInCounty], ['县内', EmploymentStatus.EmployedInCounty], ['就近就业', EmploymentStatus.EmployedInCounty],
  ['省内务工', EmploymentStatus.EmployedInProvince], ['省内县外', EmploymentStatus.EmployedInProvince], ['省内', EmploymentStatus.EmployedInProvince],
  ['省外务工', EmploymentStatus.EmployedOutOfProvince], ['省外', EmploymentStatus.EmployedOutOfProvince], ['外出务工', EmploymentStatus.EmployedOutOfProvince],
  ['培训', EmploymentStatus.InTraining], ['培训中', EmploymentStatus.InTraining],
  ['公益岗', EmploymentStatus.PublicWelfarePost], ['公益性岗位就业', EmploymentStatus.PublicWelfarePost],
  ['自主创业', EmploymentStatus.SelfEmployed], ['创业', EmploymentStatus.SelfEmployed], ['灵活就业', EmploymentStatus.SelfEmployed],
]);
const STATUS_MESSAGE = `就业状态无效，可选：${Object.values(EMPLOYMENT_STATUS_ZH).join('、')}`;

const SKILL_SET = new Set<string>(SKILLS);
const CATEGORY_SET = new Set<string>(JOB_CATEGORIES);

/** Parses and validates the rows of one file; every problem of a row is reported, not only the first. */
export class RowParser {
  private readonly today: Date;

  constructor(
    private readonly columns: HeaderMap,
    private readonly context: RowContext,
  ) {
    this.today = context.today ?? new Date();
  }

  parse(rowNumber: number, values: CellValue[]): { row?: ParsedRow; problems: RowProblem[] } {
    const problems: RowProblem[] = [];
    const fail = (key: ColumnKey | '', message: string) => problems.push({ rowNumber, column: key ? HEADER_OF(key) : '', message });
    const cell = (key: ColumnKey): CellValue => {
      const i = this.columns.index[key];
      return i === undefined ? undefined : values[i];
    };
    const text = (key: ColumnKey, max: number, label: string): string | undefined => {
      const v = asText(cell(key));
      if (v !== undefined && v.length > max && [...v].length > max) fail(key, `${label}不超过${max}字`);
      return v;
    };

    // 姓名
    const name = asText(cell('name'))?.replace(/[•・．]/g, '·');
    if (!name) fail('name', '请填写姓名');
    else if (name.length > 32 && [...name].length > 32) fail('name', '姓名不超过32字');
    else if (!NAME.test(name)) fail('name', '姓名只能包含汉字、字母和间隔号“·”');

    // 身份证号
    const rawId = cell('idNumber');
    let id: IdNumberFacts | undefined;
    if (typeof rawId === 'number' || (typeof rawId === 'string' && /^\d(\.\d+)?E\+\d+$/i.test(rawId.trim()))) {
      fail('idNumber', '身份证号被 Excel 存成了数字，后几位已丢失；请把本列设为“文本”后重新填写');
    } else {
      const idText = asText(rawId);
      if (!idText) fail('idNumber', '请填写身份证号');
      else {
        const parsed = parseIdNumber(idText, this.today);
        if (typeof parsed === 'string') fail('idNumber', ID_NUMBER_MESSAGES[parsed]);
        else id = parsed;
      }
    }

    // 县代码 / 县
    const countyCode = this.county(cell('countyCode'), cell('countyName'), fail);

    const row: ImportedFields = {};
    const mobile = this.mobile(cell('mobile'), 'mobile', fail);
    if (mobile) row.mobile = mobile;

    const householdNo = asText(cell('householdNo'));
    if (householdNo !== undefined) {
      if (!HOUSEHOLD_NO.test(householdNo)) fail('householdNo', '户编号为4至32位数字或字母');
      else row.householdNo = householdNo;
    }
    const township = text('township', 64, '乡镇');
    if (township !== undefined) row.township = township;
    const village = text('village', 64, '村');
    if (village !== undefined) row.village = village;

    for (const key of ['registeredPoor', 'wantsToMove', 'wantsTraining', 'wantsBusiness'] as const) {
      const v = asText(cell(key));
      if (v === undefined) continue;
      const lower = v.toLowerCase();
      if (YES.has(lower)) row[key] = true;
      else if (NO.has(lower)) row[key] = false;
      else fail(key, '请填“是”或“否”');
    }

    const education = asText(cell('education'));
    if (education !== undefined) {
      const level = EDUCATION_BY_LABEL.get(education) ?? EDUCATION_BY_LABEL.get(education.toLowerCase());
      if (level) row.education = level;
      else fail('education', EDUCATION_MESSAGE);
    }

    const skills = list(cell('skills'));
    if (skills) {
      const unknown = skills.filter((s) => !SKILL_SET.has(s));
      if (unknown.length) fail('skills', `技能“${unknown.join('、')}”不在标准列表中，其他技能请写在“技能说明”`);
      else if (skills.length > 20) fail('skills', '技能最多20项');
      else row.skills = skills;
    }
    const skillsNote = text('skillsNote', 500, '技能说明');
    if (skillsNote !== undefined) row.skillsNote = skillsNote;

    const categories = list(cell('wishCategories'));
    if (categories) {
      const unknown = categories.filter((s) => !CATEGORY_SET.has(s));
      if (unknown.length) fail('wishCategories', `意向工种“${unknown.join('、')}”无效，可选：${JOB_CATEGORIES.join('、')}`);
      else if (categories.length > 10) fail('wishCategories', '意向工种最多10项');
      else row.wishCategories = categories;
    }

    const wage = cell('minMonthlyWage');
    const wageText = asText(wage)?.replace(/[,，]/g, '').replace(/\s*元(\/月)?$/, '');
    if (wageText !== undefined) {
      const n = Number(wageText);
      if (!/^-?\d+(\.\d+)?$/.test(wageText) || !Number.isInteger(n)) fail('minMonthlyWage', '期望月薪必须是整数（元）');
      else if (n < 0) fail('minMonthlyWage', '期望月薪不能为负');
      else if (n > 100000) fail('minMonthlyWage', '期望月薪不超过100000元');
      else row.minMonthlyWage = n;
    }

    const availableFrom = cell('availableFrom');
    if (asText(availableFrom) !== undefined) {
      const date = asDate(availableFrom);
      if (date) row.availableFrom = date;
      else fail('availableFrom', DATE_MESSAGE);
    }

    const status = asText(cell('employmentStatus'));
    if (status !== undefined) {
      const s = STATUS_BY_LABEL.get(status) ?? STATUS_BY_LABEL.get(status.toLowerCase());
      if (s) row.employmentStatus = s;
      else fail('employmentStatus', STATUS_MESSAGE);
    }

    const contact = text('emergencyContactName', 32, '紧急联系人姓名');
    if (contact !== undefined) row.emergencyContactName = contact;
    const contactMobile = this.mobile(cell('emergencyContactMobile'), 'emergencyContactMobile', fail);
    if (contactMobile) row.emergencyContactMobile = contactMobile;

    if (problems.length || !name || !id || !countyCode) return { problems };
    return { row: { rowNumber, name, id, countyCode, ...row }, problems };
  }

  private county(codeCell: CellValue, nameCell: CellValue, fail: (key: ColumnKey, message: string) => void): string | undefined {
    const code = asText(codeCell);
    const name = asText(nameCell);
    let resolved: string | undefined;
    let key: ColumnKey = 'countyCode';
    if (code !== undefined) {
      if (!COUNTY.test(code)) return void fail('countyCode', '县代码必须是6位数字（GB/T 2260）');
      if (!this.context.isCounty(code)) return void fail('countyCode', `没有代码为 ${code} 的县（区）`);
      resolved = code;
    } else if (name !== undefined) {
      key = 'countyName';
      const found = this.context.countiesNamed(name);
      const mine = found.filter((c) => this.context.mayWrite(c));
      if (!found.length) return void fail('countyName', `没有名为“${name}”的县（区）`);
      if (found.length > 1 && mine.length !== 1) return void fail('countyName', `名为“${name}”的县（区）不止一个，请填写县代码`);
      resolved = found.length === 1 ? found[0] : mine[0];
    } else {
      return void fail('countyCode', '请填写县代码');
    }
    if (!this.context.mayWrite(resolved)) return void fail(key, '不是您负责的县');
    return resolved;
  }

  private mobile(value: CellValue, key: ColumnKey, fail: (key: ColumnKey, message: string) => void): string | undefined {
    const v = asText(value);
    if (v === undefined) return undefined;
    const mobile = normaliseMobile(v);
    if (!isMobile(mobile)) return void fail(key, MOBILE_MESSAGE);
    return mobile;
  }
}

/** A cell as trimmed text; undefined when empty. Numbers as Excel shows them; dates as YYYY-MM-DD. */
export function asText(value: CellValue): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? undefined : t;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return isoDate(value);
}

function list(value: CellValue): string[] | undefined {
  const t = asText(value);
  if (t === undefined) return undefined;
  return [...new Set(t.split(LIST_SPLIT).filter(Boolean))];
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** YYYY-MM-DD from a date cell, an Excel serial number, or text such as 2027-2-20, 2027/2/20, 2027.2.20, 2027年2月20日. */
export function asDate(value: CellValue): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDate(value);
  if (typeof value === 'number') {
    // Excel serial day (1900 date system): 1 = 1900-01-01, with Excel's phantom 1900-02-29.
    if (!Number.isInteger(value) || value < 20000 || value > 80000) return undefined;
    return isoDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
  }
  const m = typeof value === 'string' ? DATE.exec(value.trim()) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900 || y > 2100) return undefined;
  return isoDate(date);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Fingerprint of a parsed row (32 characters, stored as workers.import_hash): the same row imported again has the
 * same fingerprint and is skipped without touching the worker. Versioned, so a change of normalisation shows.
 */
export function fingerprint(row: ParsedRow): string {
  const parts = [
    'v1', row.name, row.id.value, row.countyCode, row.mobile, row.householdNo, row.township, row.village,
    flag(row.registeredPoor), row.education, row.skills?.join('、'), row.skillsNote, row.wishCategories?.join('、'),
    row.minMonthlyWage, flag(row.wantsToMove), flag(row.wantsTraining), flag(row.wantsBusiness), row.availableFrom,
    row.employmentStatus, row.emergencyContactName, row.emergencyContactMobile,
  ];
  return hash('sha256', parts.map((p) => (p === undefined ? '\u0000' : String(p))).join('\u001f'), 'base64url').slice(0, 32);
}

function flag(b: boolean | undefined): string | undefined {
  return b === undefined ? undefined : b ? '1' : '0';
}
