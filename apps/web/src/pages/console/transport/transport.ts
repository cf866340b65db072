// The transport domain as the console shows it (issue 7; libs/transport: dispatch/, trips/, manifest/, fleet/): the
// shapes of the API's answers, the Chinese labels of its codes (test/browser/transport.browser-spec.ts checks they
// equal the API's, so this module imports nothing), Beijing-time formatting. The calls the pages share are in calls.ts.

export type TripStatus = 'planned' | 'confirmed' | 'boarding' | 'departed' | 'arrived' | 'closed' | 'cancelled';
export type RiderStatus = 'assigned' | 'boarded' | 'no_show' | 'arrived';
export type PlanStatus = 'queued' | 'planning' | 'draft' | 'confirmed' | 'failed';
export type VehicleKind = 'bus' | 'train_car' | 'special_train';

export const TRIP_STATUS_ZH: Record<TripStatus, string> = {
  planned: '待确认',
  confirmed: '已确认',
  boarding: '上车中',
  departed: '已发车',
  arrived: '已到达',
  closed: '已结束',
  cancelled: '已取消',
};

export const RIDER_STATUS_ZH: Record<RiderStatus, string> = {
  assigned: '已分配座位',
  boarded: '已上车',
  no_show: '未到',
  arrived: '已到达',
};

export const PLAN_STATUS_ZH: Record<PlanStatus, string> = {
  queued: '排队中',
  planning: '规划中',
  draft: '草案',
  confirmed: '已确认',
  failed: '失败',
};

/** Trips the coordinator may still change (move riders, vehicle, departure, cancel). */
export const EDITABLE: readonly TripStatus[] = ['planned', 'confirmed'];
/** Trips whose riders are checked in at the door. */
export const BOARDING: readonly TripStatus[] = ['confirmed', 'boarding'];

export interface UnassignedGroup {
  employerId: string;
  employerName: string;
  workPlace: string;
  startDate: string;
  riders: number;
  people: Array<{ applicationId: string; name: string; homeCounty: string; township: string }>;
}

export interface PlanOptions {
  seats: number[];
  maxStops: number;
  maxRideHours: number;
  maxEarlyDays: number;
}

/** The planner's defaults (libs/transport planning/plan-types.ts DEFAULT_PLAN_OPTIONS). */
export const DEFAULT_OPTIONS: PlanOptions = { seats: [53, 45, 33], maxStops: 4, maxRideHours: 40, maxEarlyDays: 2 };

export interface PlanSummary {
  vehicles: number;
  lowerBound: number;
  km: number;
  riders: number;
  planned: number;
  unplanned: Array<{ riderId: string; reason: string }>;
  plannerMs?: number;
  totalMs?: number;
}

export interface DispatchPlan {
  id: string;
  status: PlanStatus;
  startFrom: string;
  startTo: string;
  options: Partial<PlanOptions> & Record<string, unknown>;
  /** 0–100 */
  progress: number;
  summary?: PlanSummary;
  error: string;
  createdAt: string;
  updatedAt: string;
}

export interface TripStop {
  id: string;
  seq: number;
  kind: 'pickup' | 'destination';
  name: string;
  eta: string;
  riders: number;
}

export interface TripRider {
  id: string;
  applicationId: string;
  workerId: string;
  name: string;
  homeCounty: string;
  seat: number;
  stopId: string;
  stopName: string;
  status: RiderStatus;
}

export interface Trip {
  id: string;
  planId?: string;
  code: string;
  status: TripStatus;
  statusZh: string;
  locked: boolean;
  vehicleKind: VehicleKind;
  seats: number;
  /** plate or train number */
  vehicle?: string;
  employerId: string;
  destinationName: string;
  startDate: string;
  departureAt: string;
  arrivalAt: string;
  km: number;
  riderCount: number;
  stops: TripStop[];
  /** GET /api/trips/:id only */
  riders?: TripRider[];
  version: number;
}

export interface Vehicle {
  id: string;
  kind: VehicleKind;
  kindName: string;
  seats: number;
  operator: string;
  plateOrTrainNo: string;
  driverName: string;
  driverMobile?: string;
  unmasked: boolean;
  active: boolean;
}

export interface ManifestRider {
  seat: number;
  workerId: string;
  name: string;
  /** always masked by the API, e.g. 622925********1234 */
  idNumber: string;
  mobile?: string;
  pickupStopName: string;
  pickupEta: string;
  emergencyContactName: string;
  emergencyContactMobile?: string;
  status: RiderStatus;
  statusName: string;
}

export interface Manifest {
  tripId: string;
  code: string;
  status: TripStatus;
  statusName: string;
  vehicleKind: VehicleKind;
  vehicleKindName: string;
  seats: number;
  vehicle?: Vehicle;
  employerName: string;
  destinationName: string;
  startDate: string;
  departureAt: string;
  arrivalAt: string;
  km: number;
  stops: Array<{ seq: number; kind: 'pickup' | 'destination'; name: string; eta: string; riders: number }>;
  riders: ManifestRider[];
  /** mobiles in full (coordinators and admins; the read is audited) */
  unmasked: boolean;
}

export function tripTagType(status: TripStatus): 'success' | 'info' | 'warning' | 'danger' | 'primary' {
  switch (status) {
    case 'confirmed':
      return 'primary';
    case 'boarding':
    case 'departed':
      return 'warning';
    case 'arrived':
      return 'success';
    case 'cancelled':
      return 'danger';
    default:
      return 'info';
  }
}

const BEIJING_MS = 8 * 3_600_000;

/** `2027-02-26T00:30:00.000Z` → `2027-02-26 08:30`: times are Beijing time wherever the browser is (as printed at the station). */
export function bjTime(iso: string | undefined): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  return new Date(t + BEIJING_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `02-26 08:30`: the day without the year, for lists. */
export function bjShort(iso: string | undefined): string {
  return bjTime(iso).slice(5);
}

/** `2027-02-26 08:30` (Beijing) → `2027-02-26T08:30:00+08:00`, what PATCH /api/trips/:id takes; '' when not a time. */
export function bjToIso(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(local.trim());
  if (!m) return '';
  return `${m[1]}T${m[2].padStart(2, '0')}:${m[3]}:00+08:00`;
}

export function beijingToday(): string {
  return new Date(Date.now() + BEIJING_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Riders by pickup stop, stops in visiting order (the destination has none). */
export function ridersByStop(trip: Trip): Array<{ stop: TripStop; riders: TripRider[] }> {
  const riders = trip.riders ?? [];
  return trip.stops
    .filter((s) => s.kind === 'pickup')
    .map((stop) => ({ stop, riders: riders.filter((r) => r.stopId === stop.id).sort((a, b) => a.seat - b.seat) }));
}
