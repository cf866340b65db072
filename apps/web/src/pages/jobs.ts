// Employers, job orders and job search as the web sees them: the API's shapes (libs/jobs/src/*/dto) and the Chinese
// labels of their codes (libs/jobs/src/*/entities). Plain data, shared by the phone pages and the consoles;
// test/browser/jobs.browser-spec.ts checks that these labels equal the API's.

export const BENEFIT_ZH: Record<string, string> = { dorm: '包住', meals: '包吃', insurance: '五险', travel: '报销路费' };
export const SHIFT_ZH: Record<string, string> = { day: '长白班', two_shift: '两班倒', three_shift: '三班倒', flexible: '弹性排班' };
export const JOB_ORDER_STATUS_ZH: Record<string, string> = {
  draft: '草稿', published: '招聘中', paused: '暂停', filled: '已招满', closed: '已结束',
};
export const VERIFICATION_ZH: Record<string, string> = { pending: '待审核', verified: '已认证', rejected: '未通过' };
export const EMPLOYER_KIND_ZH: Record<string, string> = {
  enterprise: '用工企业', workshop: '扶贫车间', public_welfare: '公益性岗位开发单位',
};

export type JobOrderStatus = 'draft' | 'published' | 'paused' | 'filled' | 'closed';
export type Transition = 'publish' | 'pause' | 'resume' | 'close' | 'mark_filled';

/** The lifecycle buttons, in the order shown, and the states each one applies to (libs/jobs job-order-lifecycle.ts). */
export const TRANSITIONS: Array<{ action: Transition; label: string; from: JobOrderStatus[] }> = [
  { action: 'publish', label: '发布', from: ['draft', 'filled'] },
  { action: 'pause', label: '暂停', from: ['published'] },
  { action: 'resume', label: '恢复', from: ['paused'] },
  { action: 'mark_filled', label: '标记招满', from: ['published', 'paused'] },
  { action: 'close', label: '结束', from: ['draft', 'published', 'paused', 'filled'] },
];

export interface EmployerContact {
  name: string;
  title: string;
  mobile: string;
}

/** GET /api/employers/:id */
export interface Employer {
  id: string;
  version: number;
  name: string;
  creditCode?: string;
  kind: string;
  kindName: string;
  countyCode?: string;
  address?: string;
  lng?: number;
  lat?: number;
  contacts: EmployerContact[];
  description: string;
  verification: 'pending' | 'verified' | 'rejected';
  verificationName: string;
  verificationReason: string;
}

/** GET /api/job-orders/:id */
export interface JobOrder {
  id: string;
  version: number;
  employerId: string;
  employerName: string;
  employerVerified: boolean;
  title: string;
  description: string;
  category: string;
  headcount: number;
  placesFilled: number;
  placesLeft: number;
  wageMin: number;
  wageMax: number;
  pieceRate: boolean;
  pieceRateNote: string;
  benefits: string[];
  benefitNames: string[];
  workCountyCode: string;
  workPlace: string;
  workAddress: string;
  lng?: number;
  lat?: number;
  shift: string;
  shiftName: string;
  startDate: string;
  expiresOn: string;
  ageMin: number;
  ageMax: number;
  requiredSkills: string[];
  requiredCertificates: string[];
  trainingOffered: boolean;
  trainingNote: string;
  accessible: boolean;
  status: JobOrderStatus;
  statusName: string;
  publishedAt?: string;
  closedAt?: string;
  closeReason: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One hit of GET /api/jobs/search. `titleHighlighted` is HTML-escaped by the API, with <em> marks. */
export interface JobHit {
  id: string;
  title: string;
  titleHighlighted: string;
  category: string;
  employerName: string;
  place: string;
  countyCode: string;
  wageMin: number;
  wageMax: number;
  benefits: string[];
  shiftName: string;
  startDate: string;
  placesLeft: number;
  accessible: boolean;
  trainingOffered: boolean;
  distanceKm?: number;
}

export interface FacetValue {
  value: string;
  name: string;
  count: number;
}

export interface JobSearchResult {
  items: JobHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: { category?: FacetValue[]; city?: FacetValue[]; benefits?: FacetValue[]; shift?: FacetValue[] };
  engine: string;
  degraded: boolean;
}

/** 5500–7000 元/月 (one number when both ends are equal). */
export function wageText(min: number, max: number): string {
  return min === max ? `${min}元/月` : `${min}-${max}元/月`;
}

// 统一社会信用代码 (GB 32100): 18 characters, the last a check character (mod 31), like libs/jobs values/credit-code.ts.
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** '' when the code is well formed, else the API's own message for it. */
export function creditCodeProblem(input: string): string {
  const code = input.replace(/\s/g, '').toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return '统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(code[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CHARS[(31 - (sum % 31)) % 31] === code[17] ? '' : '统一社会信用代码校验位不正确，请核对营业执照';
}
