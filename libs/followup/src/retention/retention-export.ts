import { type TableColumn, type TableFile, type TableFormat, tableFile } from '@daogang/platform';
import { RETENTION_BY_ZH, type RetentionReportDto, type RetentionRowDto } from './dto/retention.dto.js';

export type RetentionFormat = TableFormat;
type Column = TableColumn<RetentionRowDto>;

function columns(report: RetentionReportDto): Column[] {
  const retained = (n: 30 | 90 | 180): Column[] => [
    { header: `到岗满${n}天`, cell: (r) => r[`retained${n}`].eligible },
    { header: `${n}天仍在岗`, cell: (r) => r[`retained${n}`].retained },
    { header: `${n}天留存率`, cell: (r) => r[`retained${n}`].rate, rate: true },
  ];
  return [
    { header: RETENTION_BY_ZH[report.by], cell: (r) => r.label, width: 28 },
    { header: '安置人数', cell: (r) => r.placements },
    { header: '已到岗', cell: (r) => r.arrived },
    ...retained(30), ...retained(90), ...retained(180),
    { header: '应回访', cell: (r) => r.followUpsDue },
    { header: '已回访', cell: (r) => r.done },
    { header: '已逾期', cell: (r) => r.overdue },
    { header: '到期未访', cell: (r) => r.dueLate },
    { header: '回访完成率', cell: (r) => r.completionRate, rate: true },
    { header: '逾期率', cell: (r) => r.overdueRate, rate: true },
  ];
}

/** The report as a file (CSV with a BOM, or XLSX): its rows, then the total; the period in the name. */
export function retentionFile(report: RetentionReportDto, format: RetentionFormat): TableFile {
  return tableFile({
    columns: columns(report),
    rows: [...report.rows, report.total],
    format,
    fileName: `就业留存-按${RETENTION_BY_ZH[report.by]}-${report.from}至${report.to}（统计日${report.asOf}）`,
    sheetName: '就业留存',
  });
}
