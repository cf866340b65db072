import { ConflictError } from '@daogang/platform';
import type { Transition } from './dto/job-order-input.dto.js';
import type { JobOrderStatus } from './entities/job-order.entity.js';
import { JOB_ORDER_STATUS_ZH } from './entities/job-order.entity.js';

/** draft → published ⇄ paused; published → filled → published (more places); any but closed → closed. */
const MOVES: Record<Transition, Partial<Record<JobOrderStatus, JobOrderStatus>>> = {
  publish: { draft: 'published', filled: 'published' },
  pause: { published: 'paused' },
  resume: { paused: 'published' },
  mark_filled: { published: 'filled', paused: 'filled' },
  close: { draft: 'closed', published: 'closed', paused: 'closed', filled: 'closed' },
};

const ACTION_ZH: Record<Transition, string> = { publish: '发布', pause: '暂停', resume: '恢复', mark_filled: '标记招满', close: '结束' };

export function nextStatus(from: JobOrderStatus, action: Transition): JobOrderStatus {
  const to = MOVES[action][from];
  if (!to) throw new ConflictError(`「${JOB_ORDER_STATUS_ZH[from]}」状态的招聘订单不能${ACTION_ZH[action]}`, { status: from });
  return to;
}
