import { ValidationFailedError, type FieldError } from '@daogang/platform';
import type { PlanOptions } from './plan-types.js';

/** Plan options the planner cannot work with (no seat sizes, a speed of 0 …): a 400 naming the fields. */
export class InvalidPlanOptionsError extends ValidationFailedError {
  constructor(errors: FieldError[]) {
    super(errors, '调度参数有误');
  }
}

/** Throws InvalidPlanOptionsError listing every option out of range. */
export function assertPlanOptions(o: PlanOptions): void {
  const errors: FieldError[] = [];
  const intIn = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!Array.isArray(o.seats) || !o.seats.length || !o.seats.every((s) => intIn(s, 1, 3000))) {
    errors.push({ field: 'seats', message: '车型座位数应为 1–3000 的整数，至少一种' });
  }
  if (!intIn(o.maxStops, 1, 30)) errors.push({ field: 'maxStops', message: '每车上车点数应为 1–30 的整数' });
  if (!(o.maxRideHours > 0 && o.maxRideHours <= 240)) errors.push({ field: 'maxRideHours', message: '单程最长乘车时间应在 0–240 小时之间' });
  if (!intIn(o.maxEarlyDays, 0, 60)) errors.push({ field: 'maxEarlyDays', message: '最多提前天数应为 0–60 的整数' });
  if (!(o.speedKmh > 0 && o.speedKmh <= 200)) errors.push({ field: 'speedKmh', message: '平均车速应在 0–200 公里/小时之间' });
  if (!intIn(o.dwellMinutes, 0, 240)) errors.push({ field: 'dwellMinutes', message: '每站停靠时间应为 0–240 的整数（分钟）' });
  if (!intIn(o.arriveByHour, 0, 23)) errors.push({ field: 'arriveByHour', message: '到达时刻应为 0–23 的整数（北京时间）' });
  if (errors.length) throw new InvalidPlanOptionsError(errors);
}
