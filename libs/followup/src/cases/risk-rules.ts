import type { CaseReason } from '../entities/case.entity.js';
import type { VisitProblem } from '../entities/visit.entity.js';

export const CASE_REASON_ZH: Record<CaseReason, string> = {
  wage_arrears: '欠薪', intent_to_leave: '有离职意向', missed_follow_ups: '连续两次未回访', wage_drop: '工资下降20%以上',
  needs_help: '本人求助', injury: '工伤', left_job: '已离职待再就业',
};

export interface VisitFacts {
  stillEmployed: boolean;
  wagePaidOnTime: boolean | null;
  monthlyWage: number | null;
  problems: VisitProblem[];
  intentToLeave: boolean;
  needsHelp: boolean;
}

/** A drop of this share or more against the last wage recorded flags the placement. */
export const WAGE_DROP = 0.2;

/**
 * The rules that put a placement at risk, from one visit and the wage recorded at the visit before it. (Two missed
 * follow-ups are flagged by the schedule scan, which sees them.)
 */
export function riskReasons(visit: VisitFacts, previousWage: number | null): CaseReason[] {
  const reasons: CaseReason[] = [];
  if (!visit.stillEmployed) reasons.push('left_job');
  if (visit.problems.includes('wage_arrears') || visit.wagePaidOnTime === false) reasons.push('wage_arrears');
  if (visit.problems.includes('injury')) reasons.push('injury');
  if (visit.intentToLeave) reasons.push('intent_to_leave');
  if (visit.needsHelp) reasons.push('needs_help');
  if (visit.monthlyWage !== null && previousWage && visit.monthlyWage <= previousWage * (1 - WAGE_DROP)) reasons.push('wage_drop');
  return reasons;
}

/** Days to act: arrears, injury and a worker asking for help are urgent. */
export function caseDueInDays(reasons: CaseReason[]): number {
  return reasons.some((r) => r === 'wage_arrears' || r === 'injury' || r === 'needs_help') ? 2 : 7;
}
