/** One pipeline from a worker's interest to the end of the job (申请 → 筛选 → 发offer → 接受 → 录用 → 到岗 → 离职). */
export type ApplicationStatus =
  | 'applied' | 'screening' | 'offered' | 'accepted' | 'placed' | 'arrived' | 'left'
  | 'declined' | 'withdrawn' | 'rejected';

export const APPLICATION_STATUSES: ApplicationStatus[] = [
  'applied', 'screening', 'offered', 'accepted', 'placed', 'arrived', 'left', 'declined', 'withdrawn', 'rejected',
];

export const APPLICATION_STATUS_ZH: Record<ApplicationStatus, string> = {
  applied: '已报名', screening: '筛选中', offered: '已发录用意向', accepted: '已接受', placed: '已录用', arrived: '已到岗',
  left: '已离职', declined: '已拒绝', withdrawn: '已撤回', rejected: '未通过',
};

/** Still in the pipeline for its job order: one per worker and order. */
export const OPEN_STATUSES: ApplicationStatus[] = ['applied', 'screening', 'offered', 'accepted', 'placed', 'arrived'];
/** Holds a place of the order's headcount, and the worker: a worker holds at most one at a time. */
export const ACTIVE_PLACEMENT_STATUSES: ApplicationStatus[] = ['accepted', 'placed', 'arrived'];

/** How the application came about. */
export type ApplicationChannel = 'worker' | 'broker' | 'employer';
export const APPLICATION_CHANNELS: ApplicationChannel[] = ['worker', 'broker', 'employer'];

/** How a worker's consent was obtained when a broker acts for them (代为报名 / 代为接受). */
export type ConsentMethod = 'in_person' | 'phone' | 'wechat' | 'written';
export const CONSENT_METHODS: ConsentMethod[] = ['in_person', 'phone', 'wechat', 'written'];
export const CONSENT_METHOD_ZH: Record<ConsentMethod, string> = { in_person: '当面确认', phone: '电话确认', wechat: '微信确认', written: '书面签字' };

/** Employment subsidies a placement may claim. `one_off_hiring` and `on_job_training` exclude each other. */
export type SubsidyKind = 'one_off_hiring' | 'on_job_training' | 'transport' | 'social_insurance';
export const SUBSIDY_KINDS: SubsidyKind[] = ['one_off_hiring', 'on_job_training', 'transport', 'social_insurance'];
export const SUBSIDY_KIND_ZH: Record<SubsidyKind, string> = {
  one_off_hiring: '一次性吸纳就业补贴', on_job_training: '以工代训（岗位技能培训）补贴',
  transport: '一次性交通补贴', social_insurance: '社会保险补贴',
};

/**
 * Outbox topic of placements that reached `arrived` (key: the application id), written once in the arrival's
 * transaction. Follow-up schedules hang off it: consumers read the outbox, nobody calls them directly.
 */
export const PLACEMENT_ARRIVED_TOPIC = 'placements.arrived';

/** Outbox topic of placements that ended (left after arrival, or withdrawn after acceptance); key: the application id. */
export const PLACEMENT_ENDED_TOPIC = 'placements.ended';
