import type { TableColumn } from '@daogang/platform';
import { EMPLOYMENT_STATUS_ZH, type EmploymentStatus } from '@daogang/registry';
import type {
  AbsorptionRowDto, CountyRankDto, DestinationCountsDto, DestinationRowDto, TargetRowDto, VillageRowDto,
} from './dto/report.dto.js';
import { DESTINATION_KEYS } from './dashboard/county-figures.js';
import { DESTINATIONS, DESTINATION_ZH } from './summary/report-metrics.js';

/** The destination-class columns every table shares, in the order officers read them. */
function destinationColumns<T extends { destinations: DestinationCountsDto }>(): TableColumn<T>[] {
  return (Object.entries(DESTINATION_KEYS) as Array<[keyof DestinationCountsDto, EmploymentStatus]>).map(([key, status]) => ({
    header: EMPLOYMENT_STATUS_ZH[status], cell: (r: T) => r.destinations[key],
  }));
}

const signed = (n: number | null | undefined) => (n === null || n === undefined ? '' : n > 0 ? `+${n}` : String(n));

export const DASHBOARD_COLUMNS: TableColumn<CountyRankDto>[] = [
  { header: '排名', cell: (r) => r.rank },
  { header: '名次变化', cell: (r) => signed(r.change?.rank) },
  { header: '县代码', cell: (r) => r.countyCode },
  { header: '县', cell: (r) => r.countyName, width: 18 },
  { header: '劳动力', cell: (r) => r.workers },
  { header: '就业人数', cell: (r) => r.employed },
  { header: '就业率', cell: (r) => r.employmentRate, rate: true },
  ...destinationColumns<CountyRankDto>(),
  { header: '信息完整率', cell: (r) => r.completenessRate, rate: true },
  { header: '户数', cell: (r) => r.households },
  { header: '零就业户', cell: (r) => r.zeroHouseholds },
  { header: '逾期回访', cell: (r) => r.overdue },
  { header: '未结工单', cell: (r) => r.openCases },
  { header: '就业人数较上日', cell: (r) => signed(r.change?.employed) },
  { header: '逾期回访较上日', cell: (r) => signed(r.change?.overdue) },
];

export const VILLAGE_COLUMNS: TableColumn<VillageRowDto>[] = [
  { header: '乡镇', cell: (r) => r.township || '（未填）' },
  { header: '村', cell: (r) => r.village || '（未填）' },
  { header: '劳动力', cell: (r) => r.workers },
  { header: '就业人数', cell: (r) => r.employed },
  { header: '就业率', cell: (r) => r.employmentRate, rate: true },
  ...destinationColumns<VillageRowDto>(),
  { header: '信息完整率', cell: (r) => r.completenessRate, rate: true },
  { header: '户数', cell: (r) => r.households },
  { header: '零就业户', cell: (r) => r.zeroHouseholds },
  { header: '比较日以来状态变化', cell: (r) => r.changed },
  { header: '比较日以来新登记', cell: (r) => r.registered },
];

const CHANGE_ZH = { unchanged: '', changed: '有变化', registered: '新登记' } as const;

export const DESTINATION_COLUMNS: TableColumn<DestinationRowDto>[] = [
  { header: '乡镇', cell: (r) => r.township },
  { header: '村', cell: (r) => r.village },
  { header: '户编号', cell: (r) => r.household },
  { header: '姓名', cell: (r) => r.name },
  { header: '身份证号', cell: (r) => r.idNumberMasked, width: 22 },
  { header: '性别', cell: (r) => (r.sex === 'F' ? '女' : '男') },
  { header: '年龄', cell: (r) => r.age },
  { header: '就业状态', cell: (r) => r.statusZh },
  { header: '去向类别', cell: (r) => (r.destination ? DESTINATION_ZH[r.destination] : '') },
  { header: '用工单位', cell: (r) => r.employer, width: 28 },
  { header: '就业地', cell: (r) => r.workplace, width: 24 },
  { header: '到岗日', cell: (r) => r.since },
  { header: '比较日状态', cell: (r) => (r.statusAtSince ? EMPLOYMENT_STATUS_ZH[r.statusAtSince as EmploymentStatus] ?? r.statusAtSince : '') },
  { header: '变化', cell: (r) => CHANGE_ZH[r.change] },
];

export const TARGET_COLUMNS: TableColumn<TargetRowDto>[] = [
  { header: '代码', cell: (r) => r.code },
  { header: '地区', cell: (r) => (r.level === 'province' ? `${r.name}（合计）` : r.name), width: 18 },
  ...DESTINATIONS.flatMap((d, i): TableColumn<TargetRowDto>[] => [
    { header: `${DESTINATION_ZH[d]}·现有`, cell: (r) => r.figures[i].current },
    { header: `${DESTINATION_ZH[d]}·上年`, cell: (r) => r.figures[i].lastYear },
    { header: `${DESTINATION_ZH[d]}·目标`, cell: (r) => r.figures[i].target },
    { header: `${DESTINATION_ZH[d]}·差额`, cell: (r) => r.figures[i].gap },
  ]),
];

export const ABSORPTION_COLUMNS: TableColumn<AbsorptionRowDto>[] = [
  { header: '东部（帮扶方）', cell: (r) => r.eastName, width: 24 },
  { header: '西部（受援方）', cell: (r) => r.westName, width: 24 },
  { header: '在东部就业人数', cell: (r) => r.absorbed },
];
