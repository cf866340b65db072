// The reports of county officers and admins (issue 9): the shapes of GET /api/reports/… (libs/reporting dto/report.dto.ts)
// and the Chinese labels the pages show. The browser test checks the labels equal the API's. (No imports: the browser
// test imports this file as it is.)

export type RankBy = 'employmentRate' | 'completenessRate' | 'overdue' | 'openCases' | 'zeroHouseholds';
export const RANK_BY_ZH: Record<RankBy, string> = {
  employmentRate: '就业率', completenessRate: '信息完整率', overdue: '逾期回访', openCases: '未结帮扶工单', zeroHouseholds: '零就业户',
};

/** The destination classes of a county or village, in the order officers read them (the API's DESTINATION_KEYS). */
export interface DestinationCounts {
  outOfProvince: number;
  inProvince: number;
  inCounty: number;
  publicWelfare: number;
  selfEmployed: number;
  inTraining: number;
  notEmployed: number;
}
export type DestinationKey = keyof DestinationCounts;

/** Each class: its employment status and that status' name (the column title, as in the API's exports), a short name
 * for charts, a colour and the ink of text on it. */
export const DESTINATION_CLASSES: ReadonlyArray<{ key: DestinationKey; status: string; title: string; short: string; color: string; ink: string }> = [
  { key: 'outOfProvince', status: 'employed_out_of_province', title: '省外就业', short: '省外', color: '#409eff', ink: '#fff' },
  { key: 'inProvince', status: 'employed_in_province', title: '省内县外就业', short: '省内县外', color: '#13c2c2', ink: '#fff' },
  { key: 'inCounty', status: 'employed_in_county', title: '县内就业', short: '县内', color: '#67c23a', ink: '#fff' },
  { key: 'publicWelfare', status: 'public_welfare_post', title: '公益性岗位', short: '公益性岗位', color: '#e6a23c', ink: '#fff' },
  { key: 'selfEmployed', status: 'self_employed', title: '自主创业/灵活就业', short: '自主创业', color: '#9254de', ink: '#fff' },
  { key: 'inTraining', status: 'in_training', title: '参加培训', short: '培训', color: '#f8c9d6', ink: '#303133' },
  { key: 'notEmployed', status: 'not_employed', title: '未就业', short: '未就业', color: '#d4d7de', ink: '#303133' },
];

export interface CountyFigures {
  countyCode: string;
  countyName: string;
  workers: number;
  employed: number;
  /** 0–1 */
  employmentRate: number;
  destinations: DestinationCounts;
  complete: number;
  /** 0–1 */
  completenessRate: number;
  averageScore: number;
  households: number;
  zeroHouseholds: number;
  overdue: number;
  openCases: number;
}
export interface CountyChange {
  /** places gained (positive) or lost since the previous snapshot; null when the county was not in it */
  rank: number | null;
  workers: number;
  employed: number;
  /** difference of the 0–1 rates */
  employmentRate: number;
  completenessRate: number;
  overdue: number;
  openCases: number;
  zeroHouseholds: number;
}
export interface CountyRank extends CountyFigures {
  rank: number;
  /** one of the user's own counties */
  mine: boolean;
  change: CountyChange | null;
}
export interface Dashboard {
  day: string;
  live: boolean;
  previousDay: string | null;
  rankBy: RankBy;
  counties: CountyRank[];
  total: CountyFigures;
  /** the total's change since the previous snapshot (rank null) */
  totalChange: CountyChange | null;
}

export interface VillageRow {
  township: string;
  village: string;
  workers: number;
  employed: number;
  employmentRate: number;
  destinations: DestinationCounts;
  completenessRate: number;
  households: number;
  zeroHouseholds: number;
  changed: number | null;
  registered: number | null;
}
export interface Villages {
  countyCode: string;
  countyName: string;
  since: string | null;
  villages: VillageRow[];
}

export type Destination = 'out_of_province' | 'in_province' | 'in_county';
export type Change = 'unchanged' | 'changed' | 'registered';
export const CHANGE_ZH: Record<Change, string> = { unchanged: '', changed: '有变化', registered: '新登记' };

export interface DestinationRow {
  workerId: string;
  name: string;
  idNumberMasked: string;
  sex: string;
  age: number;
  household: string | null;
  township: string;
  village: string;
  status: string;
  statusZh: string;
  destination: Destination | null;
  employer: string | null;
  workplace: string | null;
  since: string | null;
  statusChangedAt: string;
  statusAtSince: string | null;
  change: Change;
}
export interface DestinationPage {
  items: DestinationRow[];
  total: number;
  page: number;
  pageSize: number;
}

export const DESTINATIONS: readonly Destination[] = ['out_of_province', 'in_province', 'in_county'];
export const DESTINATION_ZH: Record<Destination, string> = { out_of_province: '省外就业', in_province: '省内县外就业', in_county: '县内就业' };

export interface TargetFigure {
  destination: Destination;
  destinationZh: string;
  current: number;
  lastYear: number | null;
  target: number | null;
  targetSource: 'set' | 'last_year' | 'none';
  changeFromLastYear: number | null;
  met: boolean | null;
  gap: number | null;
}
export interface TargetRow {
  code: string;
  name: string;
  level: 'county' | 'province';
  figures: TargetFigure[];
}
export interface Targets {
  year: number;
  rows: TargetRow[];
}
/** PUT /api/reports/targets: a class left out is not changed; null clears a figure. */
export type SetTargets = { year: number; countyCode: string } & Partial<Record<Destination, { lastYear?: number | null; target?: number | null }>>;

export interface AbsorptionRow {
  pairing: string;
  eastCode: string;
  eastName: string;
  westCode: string;
  westName: string;
  absorbed: number;
}

/** 0.8123 → 81.2% */
export const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** A day-over-day change: +3 / −2 / 0; a rate's (a 0–1 difference) in percentage points, +1.2. */
export function signed(n: number | null | undefined, rate = false): string {
  if (n === null || n === undefined) return '';
  const v = rate ? Math.round(n * 1000) / 10 : n;
  if (v === 0) return '0';
  return v > 0 ? `+${v}` : String(v);
}

/** Whether a change is good news: more employed and complete is good, more overdue, open cases, zero households bad. */
export function changeTone(n: number | null | undefined, higherIsBetter: boolean): '' | 'good' | 'bad' {
  if (!n) return '';
  return n > 0 === higherIsBetter ? 'good' : 'bad';
}
