// Follow-up after placement (issue 8; libs/followup: follow-ups/, visits/, cases/, retention/) as the console shows it:
// the shapes of the API's answers and the Chinese labels of its codes. Plain data (test/browser/followup.browser-spec.ts
// checks the labels equal the API's, so this module imports nothing).

export type FollowUpView = 'today' | 'overdue' | 'upcoming' | 'done';
export type FollowUpStatus = 'scheduled' | 'due' | 'done' | 'overdue' | 'cancelled';
export type VisitChannel = 'phone' | 'wechat' | 'in_person' | 'self_check_in';
export type StaffChannel = Exclude<VisitChannel, 'self_check_in'>;
export type VisitProblem = 'wage_arrears' | 'injury' | 'conflict' | 'homesick' | 'family';
export type CaseReason = 'wage_arrears' | 'intent_to_leave' | 'missed_follow_ups' | 'wage_drop' | 'needs_help' | 'injury' | 'left_job';
export type CaseOutcome = 'resolved' | 'changed_job' | 'left_home';

export const FOLLOW_UP_STATUS_ZH: Record<FollowUpStatus, string> = {
  scheduled: '待回访', due: '今日到期', done: '已完成', overdue: '已逾期', cancelled: '已取消',
};
export const CHANNEL_ZH: Record<VisitChannel, string> = { phone: '电话', wechat: '微信', in_person: '上门', self_check_in: '本人报平安' };
export const STAFF_CHANNELS: StaffChannel[] = ['phone', 'wechat', 'in_person'];
/** The problems a visit can record (the API's VISIT_PROBLEMS, in its order). */
export const PROBLEM_ZH: Record<VisitProblem, string> = {
  wage_arrears: '欠薪', injury: '工伤', conflict: '矛盾纠纷', homesick: '想家', family: '家庭原因',
};
export const CASE_REASON_ZH: Record<CaseReason, string> = {
  wage_arrears: '欠薪', intent_to_leave: '有离职意向', missed_follow_ups: '连续两次未回访', wage_drop: '工资下降20%以上',
  needs_help: '本人求助', injury: '工伤', left_job: '已离职待再就业',
};
/** How a closed case ended (the API's outcomeZh). */
export const CASE_OUTCOME_ZH: Record<CaseOutcome, string> = { resolved: '已解决', changed_job: '已换工作', left_home: '已离职返乡' };
/** The choices of 关闭工单, worded as the broker picks them. */
export const CLOSE_CHOICES: Array<{ value: CaseOutcome; label: string; hint: string }> = [
  { value: 'resolved', label: '已解决', hint: '问题已处理，仍在原岗位' },
  { value: 'changed_job', label: '换了工作', hint: '选择新的录用（已接受、已录用或已到岗）' },
  { value: 'left_home', label: '离职返乡', hint: '原岗位登记离职，就业状态和零就业户随之更新' },
];
/** Urgent reasons (the case is due in two days): tagged red. */
export const URGENT_REASONS: CaseReason[] = ['wage_arrears', 'injury', 'needs_help'];

export const VIEWS: Array<{ name: FollowUpView; label: string }> = [
  { name: 'today', label: '今日待办' },
  { name: 'overdue', label: '已逾期' },
  { name: 'upcoming', label: '未来7天' },
  { name: 'done', label: '已完成' },
];

/** GET /api/follow-ups */
export interface FollowUpItem {
  id: string;
  applicationId: string;
  workerId: string;
  workerName: string;
  /** masked */
  mobile?: string;
  employerName: string;
  jobTitle: string;
  workPlace: string;
  dayOffset: number;
  dueOn: string;
  status: FollowUpStatus;
  statusZh: string;
  arrivedOn: string;
  openCase: boolean;
}
export interface FollowUpPage {
  items: FollowUpItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: { today: number; overdue: number };
}

/** POST /api/placements/:applicationId/visits */
export interface VisitInput {
  channel: StaffChannel;
  stillEmployed: boolean;
  wagePaidOnTime?: boolean;
  monthlyWage?: number;
  hoursPerWeek?: number;
  housingOk?: boolean;
  foodOk?: boolean;
  problems?: VisitProblem[];
  intentToLeave?: boolean;
  notes?: string;
}

/** A visit (the answer of POST …/visits, and each row of GET …/visits, newest first). */
export interface Visit {
  id: string;
  applicationId: string;
  followUpId?: string;
  followUpDay?: number;
  channel: VisitChannel;
  stillEmployed: boolean;
  wagePaidOnTime?: boolean;
  monthlyWage?: number;
  hoursPerWeek?: number;
  housingOk?: boolean;
  foodOk?: boolean;
  problems: VisitProblem[];
  intentToLeave: boolean;
  needsHelp: boolean;
  notes: string;
  visitedAt: string;
  caseId?: string;
  /** the risks this visit raised, in Chinese (empty in the history: the API keeps them on the case) */
  risks: string[];
}

/** GET /api/cases, /api/cases/:id */
export interface Case {
  id: string;
  applicationId: string;
  workerId: string;
  workerName: string;
  employerName: string;
  jobTitle: string;
  /** the worker's home county, named from the province down */
  homeCounty: string;
  reasons: CaseReason[];
  reasonsZh: string[];
  status: 'open' | 'closed';
  dueOn: string;
  overdue: boolean;
  ownerId?: string;
  outcome?: CaseOutcome;
  outcomeZh?: string;
  outcomeNote: string;
  newApplicationId?: string;
  createdAt: string;
  closedAt?: string;
}
export interface CasePage {
  items: Case[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/cases/:id/recommendations (the shape of /api/workers/:id/job-matches) */
export interface Recommendation {
  rank: number;
  score: number;
  parts: Array<{ key: string; label: string; points: number; maxPoints: number; explanation: string }>;
  job: {
    id: string;
    title: string;
    employerName: string;
    category: string;
    workPlace: string;
    workCountyCode: string;
    wageMin: number;
    wageMax: number;
    startDate: string;
    placesLeft: number;
  };
  application?: { id: string; status: string; statusZh: string };
}
export interface RecommendationPage {
  workerId: string;
  items: Recommendation[];
  total: number;
  considered: number;
  excluded: Record<string, number>;
  unavailable?: { rule: string; reason: string };
}

/** Categories of public-welfare posts (公益性岗位; libs/followup cases.service.ts PUBLIC_WELFARE_CATEGORIES). */
export const PUBLIC_WELFARE_CATEGORIES = ['护林员', '保洁', '养老护理'];

/** 是 / 否 / — for an answer that may not have been asked. */
export function yesNo(value: boolean | undefined, yes = '是', no = '否'): string {
  return value === undefined ? '—' : value ? yes : no;
}

/** 2026-11-25T08:30:00Z → 2026-11-25 16:30 (Beijing time). */
export function bjDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

// 留存率 (libs/followup/src/retention: GET /api/reports/retention, .csv, .xlsx)

export type RetentionBy = 'employer' | 'broker' | 'origin_county' | 'destination_city' | 'category' | 'month';
export const RETENTION_BY_ZH: Record<RetentionBy, string> = {
  employer: '用工企业', broker: '劳务经纪人', origin_county: '输出县', destination_city: '输入城市', category: '工种', month: '安置月份',
};

export interface Retained {
  /** arrived at least N days before the day of the report */
  eligible: number;
  /** of them, still employed on day N */
  retained: number;
  /** retained / eligible (0–1); null when none is eligible */
  rate: number | null;
}
export interface RetentionRow {
  /** the group's key; `total` on the total row */
  key: string;
  label: string;
  placements: number;
  arrived: number;
  retained30: Retained;
  retained90: Retained;
  retained180: Retained;
  followUpsDue: number;
  done: number;
  overdue: number;
  dueLate: number;
  completionRate: number | null;
  overdueRate: number | null;
}
export interface RetentionReport {
  by: RetentionBy;
  from: string;
  to: string;
  asOf: string;
  rows: RetentionRow[];
  total: RetentionRow;
}
