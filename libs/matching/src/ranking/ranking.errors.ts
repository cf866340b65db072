import { ConflictError, DomainError, ErrorCode } from '@daogang/platform';

/** The process is still loading the match index from the database (start-up): a short outage, retried by the client. */
export class MatchIndexNotReadyError extends DomainError {
  constructor() {
    super(ErrorCode.Unavailable, '匹配索引正在建立，请稍后再试');
  }
}

/** Candidates are offered only for orders that are hiring (published) or paused. */
export class JobOrderNotMatchableError extends ConflictError {
  constructor(statusZh: string) {
    super(`该岗位当前为「${statusZh}」状态，只有招聘中或暂停的岗位可以匹配候选人`, { reason: 'JOB_NOT_MATCHABLE' });
  }
}
