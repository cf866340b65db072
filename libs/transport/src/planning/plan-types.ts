import type { LngLat } from '../distance/distance.port.js';

/** A placed worker to carry: the application id is the rider id. */
export interface PlanRider {
  id: string;
  workerId: string;
  /** Riders of one household ride together (hard); then riders of one village (as far as possible). */
  householdId: string | null;
  village: string;
  pickupPointId: string;
  destinationId: string;
  /** YYYY-MM-DD: the trip must arrive on or before this day, and at most `maxEarlyDays` before it. */
  startDate: string;
}

export interface PlanPickup extends LngLat {
  id: string;
  name: string;
}

export interface PlanDestination extends LngLat {
  id: string;
  name: string;
}

export interface PlanOptions {
  /** Vehicle sizes available, e.g. [53, 45, 33] for buses; the planner fills the largest and may use a smaller last one. */
  seats: number[];
  /** Pickup stops per vehicle at most. */
  maxStops: number;
  /** From the first pickup to the workplace, hours at most. */
  maxRideHours: number;
  /** Arrive no more than this many days before the start date (0: on the day). */
  maxEarlyDays: number;
  /** Average road speed and the time lost per pickup stop. */
  speedKmh: number;
  dwellMinutes: number;
  /** Hour (Beijing time, 0–23) by which the trip should arrive on its arrival day. */
  arriveByHour: number;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  seats: [53, 45, 33], maxStops: 4, maxRideHours: 40, maxEarlyDays: 2, speedKmh: 65, dwellMinutes: 20, arriveByHour: 18,
};

export interface PlannedStop {
  pickupPointId: string;
  riderIds: string[];
  /** ISO instant the vehicle is at this stop. */
  eta: string;
}

export interface PlannedTrip {
  destinationId: string;
  startDate: string;
  seats: number;
  /** In visiting order; the destination follows the last. */
  stops: PlannedStop[];
  departureAt: string;
  arrivalAt: string;
  km: number;
}

export interface PlanResult {
  trips: PlannedTrip[];
  unplanned: Array<{ riderId: string; reason: string }>;
  /** Σ ⌈riders / largest seats⌉ over destination-and-date groups. */
  lowerBound: number;
  vehicles: number;
  km: number;
  ms: number;
}

/** Called now and then with 0–100 (the BullMQ job reports it as progress). */
export type PlanProgress = (percent: number) => void;
