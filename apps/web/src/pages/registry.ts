// The labour registry as the web sees it: the API's shapes (libs/registry/src/workers/dto) and the Chinese labels of
// its codes (libs/registry/src/workers/employment-status.ts). Plain data, shared by the phone pages and the consoles.
// test/browser/registry.browser-spec.ts checks that these labels equal the API's.

export const EMPLOYMENT_STATUS_ZH: Record<string, string> = {
  not_employed: '未就业',
  employed_in_county: '县内就业',
  employed_in_province: '省内县外就业',
  employed_out_of_province: '省外就业',
  in_training: '参加培训',
  public_welfare_post: '公益性岗位',
  self_employed: '自主创业/灵活就业',
};

/** Statuses that count as employed (the 已就业 list, the household's zero-employment flag). */
export const EMPLOYED_STATUSES = ['employed_in_county', 'employed_in_province', 'employed_out_of_province', 'public_welfare_post', 'self_employed'];

export const EDUCATION_ZH: Record<string, string> = {
  none: '未上学',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中专/技校',
  college: '大专',
  bachelor: '本科',
  postgraduate: '研究生',
};

export const SKILLS = [
  '普工', '电子装配', '缝纫', '电焊', '电工', '叉车', '厨师', '面点', '保洁', '家政', '育婴', '养老护理',
  '砌筑', '钢筋', '木工', '架子工', '挖掘机', '驾驶', '快递分拣', '仓储', '农业种植', '养殖', '拉面', '销售', '保安',
];

export const JOB_CATEGORIES = [
  '普工', '电子厂', '纺织服装', '建筑', '餐饮', '家政', '物流', '保洁', '护林员', '保安', '制造', '农业', '养老护理', '其他',
];

/** 残疾类别 (GB/T 26341). */
export const DISABILITY_ZH: Record<string, string> = {
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  physical: '肢体残疾',
  intellectual: '智力残疾',
  mental: '精神残疾',
  multiple: '多重残疾',
};

export const STATUS_SOURCE_ZH: Record<string, string> = {
  manual: '人工登记',
  import: '批量导入',
  self: '本人填写',
  placement: '岗位安置',
  followup: '就业回访',
};

export interface Certificate {
  name: string;
  number?: string;
  issuer?: string;
  issuedOn?: string;
}

export interface Training {
  course: string;
  provider?: string;
  completedOn?: string;
  certificate?: string;
}

export interface Disability {
  kind: string;
  grade: number;
  suitableWork?: string;
}

/** GET /api/workers/:id, GET /api/me/worker-profile */
export interface Worker {
  id: string;
  version: number;
  name: string;
  idNumber: string;
  unmasked: boolean;
  birthDate: string;
  age: number;
  sex: 'M' | 'F';
  mobile?: string;
  mobileVerified: boolean;
  householdId?: string;
  householdNo?: string;
  homeCountyCode: string;
  township: string;
  village: string;
  registeredPoor: boolean;
  disability?: Disability;
  education?: string;
  skills: string[];
  skillsNote: string;
  certificates: Certificate[];
  trainings: Training[];
  wishCategories: string[];
  wishProvinces: string[];
  wishCities: string[];
  minMonthlyWage?: number;
  wantsToMove: boolean;
  wantsTraining: boolean;
  wantsBusiness: boolean;
  availableFrom?: string;
  employmentStatus: string;
  employmentStatusName: string;
  statusChangedAt: string;
  emergencyContactName: string;
  emergencyContactMobile?: string;
  completeness: number;
  missingFields: string[];
  updatedAt: string;
}

/** GET /api/regions?parent=… */
export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode?: string;
  countyLevel: boolean;
}

/** GET /api/regions/:code */
export interface RegionDetail extends Region {
  ancestors: Array<{ code: string; name: string; level: string }>;
}

/** 居民身份证号 check character (GB 11643): a typo is caught before the form is sent. */
export function idNumberProblem(value: string): string {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return '身份证号应为18位：17位数字加1位数字或X';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * weights[i];
  return '10X98765432'[sum % 11] === v[17] ? '' : '身份证号校验位不正确，请核对是否输错';
}
