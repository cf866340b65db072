/** 就业状态: where a labourer stands. The classes of employment follow DOMAIN.md (省外 / 省内县外 / 县内). */
export enum EmploymentStatus {
  NotEmployed = 'not_employed',
  EmployedInCounty = 'employed_in_county',
  EmployedInProvince = 'employed_in_province',
  EmployedOutOfProvince = 'employed_out_of_province',
  InTraining = 'in_training',
  PublicWelfarePost = 'public_welfare_post',
  SelfEmployed = 'self_employed',
}

export const EMPLOYMENT_STATUS_ZH: Record<EmploymentStatus, string> = {
  [EmploymentStatus.NotEmployed]: '未就业',
  [EmploymentStatus.EmployedInCounty]: '县内就业',
  [EmploymentStatus.EmployedInProvince]: '省内县外就业',
  [EmploymentStatus.EmployedOutOfProvince]: '省外就业',
  [EmploymentStatus.InTraining]: '参加培训',
  [EmploymentStatus.PublicWelfarePost]: '公益性岗位',
  [EmploymentStatus.SelfEmployed]: '自主创业/灵活就业',
};

/** Statuses that count as employed for the household's zero-employment flag and the employed list. */
export const EMPLOYED_STATUSES: EmploymentStatus[] = [
  EmploymentStatus.EmployedInCounty,
  EmploymentStatus.EmployedInProvince,
  EmploymentStatus.EmployedOutOfProvince,
  EmploymentStatus.PublicWelfarePost,
  EmploymentStatus.SelfEmployed,
];

export type StatusSource = 'manual' | 'import' | 'self' | 'placement' | 'followup';

export const EDUCATION_LEVELS = ['none', 'primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'postgraduate'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_ZH: Record<Education, string> = {
  none: '未上学', primary: '小学', junior: '初中', senior: '高中', vocational: '中专/技校',
  college: '大专', bachelor: '本科', postgraduate: '研究生',
};

/** Controlled vocabulary of skills (技能); free text goes to skillsNote. */
export const SKILLS = [
  '普工', '电子装配', '缝纫', '电焊', '电工', '叉车', '厨师', '面点', '保洁', '家政', '育婴', '养老护理',
  '砌筑', '钢筋', '木工', '架子工', '挖掘机', '驾驶', '快递分拣', '仓储', '农业种植', '养殖', '拉面', '销售', '保安',
] as const;

/** Job categories of wishes and job orders (jobs issue shares this list). */
export const JOB_CATEGORIES = [
  '普工', '电子厂', '纺织服装', '建筑', '餐饮', '家政', '物流', '保洁', '护林员', '保安', '制造', '农业', '养老护理', '其他',
] as const;

export const DISABILITY_KINDS = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;
