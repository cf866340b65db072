/** Riders of one pickup point and one start date that no full vehicle took: what the shared vehicles carry. */
export interface PoolItem {
  /** Local point index in the destination's RouteTable. */
  point: number;
  /** Start date as days since 1970-01-01. */
  day: number;
  riders: number;
}

export interface PoolRules {
  capacity: number;
  maxStops: number;
  maxMinutes: number;
  maxEarlyDays: number;
  /** Search cost of carrying one (point, date) one day early, in km: dates are combined only when that pays. */
  earlyKm: number;
}

export interface PoolVehicle {
  items: number[];
  /** Riders of items[k] on this vehicle. */
  amt: number[];
  load: number;
  /** Distinct local points. */
  pts: number[];
  minDay: number;
  maxDay: number;
  km: number;
  /** km + earlyKm × Σ (item day − earliest day): what the search minimises after the vehicle count. */
  objective: number;
}
