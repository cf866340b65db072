import type { Worker } from './entities/worker.entity.js';

/**
 * 信息完整率: what a complete record needs, each with a weight (sum 100) and a Chinese label.
 * A field is "missing" when empty and "unverified" when present but not yet checked (the mobile number).
 */
export interface CompletenessRule {
  field: string;
  label: string;
  weight: number;
  present: (w: Worker) => boolean;
  verified?: (w: Worker) => boolean;
}

const filled = (s: string | null | undefined) => !!s && s.trim().length > 0;

export const COMPLETENESS_RULES: CompletenessRule[] = [
  { field: 'name', label: '姓名', weight: 8, present: (w) => filled(w.name) },
  { field: 'idNumber', label: '身份证号', weight: 12, present: (w) => filled(w.idNumberHash) },
  { field: 'mobile', label: '手机号', weight: 10, present: (w) => filled(w.mobileHash), verified: (w) => !!w.mobileVerifiedAt },
  { field: 'household', label: '所属家庭户', weight: 8, present: (w) => !!w.householdId },
  { field: 'township', label: '乡镇', weight: 6, present: (w) => filled(w.township) },
  { field: 'village', label: '村', weight: 6, present: (w) => filled(w.village) },
  { field: 'education', label: '文化程度', weight: 8, present: (w) => !!w.education },
  { field: 'skills', label: '技能', weight: 8, present: (w) => w.skills.length > 0 || filled(w.skillsNote) },
  { field: 'wishCategories', label: '求职意向（工种）', weight: 10, present: (w) => w.wishCategories.length > 0 },
  { field: 'minMonthlyWage', label: '期望月薪', weight: 6, present: (w) => w.minMonthlyWage !== null },
  { field: 'availableFrom', label: '可到岗日期', weight: 6, present: (w) => !!w.availableFrom },
  { field: 'emergencyContact', label: '紧急联系人', weight: 12, present: (w) => filled(w.emergencyContactName) && !!w.emergencyContactMobileEncrypted },
];

export interface Completeness {
  /** 0–100: the weights of the fields present and verified (an unverified field counts half). */
  score: number;
  /** e.g. ['mobile:unverified', 'education:missing'] — stored; labels come from the rules. */
  missing: string[];
}

export function assessCompleteness(worker: Worker): Completeness {
  let score = 0;
  const missing: string[] = [];
  for (const rule of COMPLETENESS_RULES) {
    if (!rule.present(worker)) {
      missing.push(`${rule.field}:missing`);
    } else if (rule.verified && !rule.verified(worker)) {
      missing.push(`${rule.field}:unverified`);
      score += rule.weight / 2;
    } else {
      score += rule.weight;
    }
  }
  return { score: Math.round(score), missing };
}

const LABELS = new Map(COMPLETENESS_RULES.map((r) => [r.field, r.label]));

/** 'mobile:unverified' → '手机号（未核实）' */
export function describeMissing(entry: string): string {
  const [field, kind] = entry.split(':');
  return `${LABELS.get(field) ?? field}（${kind === 'unverified' ? '未核实' : '未填写'}）`;
}
