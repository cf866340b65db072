import { ConflictError } from '@daogang/platform';

/** The order has no place left: every place is held by an accepted, placed or arrived worker. */
export class HeadcountExceededError extends ConflictError {
  constructor(headcount: number) {
    super(`该岗位${headcount}个名额已满，无法接受`, { reason: 'HEADCOUNT_EXCEEDED', headcount });
  }
}

/** A worker holds at most one active placement (accepted, placed or arrived). */
export class AlreadyPlacedError extends ConflictError {
  constructor() {
    super('该务工人员已接受其他岗位（或已在岗），不能同时接受两个岗位', { reason: 'ALREADY_PLACED' });
  }
}

export class JobNotOpenError extends ConflictError {
  constructor(statusZh: string) {
    super(`该岗位当前${statusZh}，不接受报名或录用`, { reason: 'JOB_NOT_OPEN' });
  }
}

/** 一次性吸纳就业补贴 and 以工代训补贴 are never both claimed for one placement. */
export class ExclusiveSubsidyError extends ConflictError {
  constructor(claimed: string, asked: string) {
    super(`该录用已申领${claimed}，不能再申领${asked}（两者不可同时享受）`, { reason: 'SUBSIDY_EXCLUSIVE' });
  }
}
