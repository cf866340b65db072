/** The Chinese names of trip and rider states, shared by the trips, the manifests and the check-in. */
import type { RiderStatus } from './entities/trip-rider.entity.js';
import type { TripStatus } from './entities/trip.entity.js';

export const TRIP_STATUS_ZH: Record<TripStatus, string> = {
  planned: '待确认',
  confirmed: '已确认',
  boarding: '上车中',
  departed: '已发车',
  arrived: '已到达',
  closed: '已结束',
  cancelled: '已取消',
};

export const RIDER_STATUSES: RiderStatus[] = ['assigned', 'boarded', 'no_show', 'arrived'];

export const RIDER_STATUS_ZH: Record<RiderStatus, string> = {
  assigned: '已分配座位',
  boarded: '已上车',
  no_show: '未到',
  arrived: '已到达',
};
