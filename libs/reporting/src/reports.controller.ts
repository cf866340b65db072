import { Body, Controller, Get, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser, TableColumn, TableFormat } from '@daogang/platform';
import { beijingDay, CurrentUser, downloadOf, Role, Roles, tableFile } from '@daogang/platform';
import type { Response } from 'express';
import {
  AbsorptionDto, DashboardDto, DashboardQueryDto, DestinationPageDto, DestinationTableQueryDto, RANK_BY_ZH, SetTargetsDto, TargetsDto,
  TargetsQueryDto, VillagesDto, VillagesQueryDto,
} from './dto/report.dto.js';
import { DashboardService } from './dashboard/dashboard.service.js';
import { DestinationsService } from './destinations/destinations.service.js';
import {
  ABSORPTION_COLUMNS, DASHBOARD_COLUMNS, DESTINATION_COLUMNS, TARGET_COLUMNS, VILLAGE_COLUMNS,
} from './reports-export.js';
import { TargetsService } from './targets/targets.service.js';

/** County officers (their counties; the ranking among the counties of their province) and admins (everything). */
const READERS = [Role.Officer, Role.Admin];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly destinations: DestinationsService,
    private readonly targetsService: TargetsService,
  ) {}

  @Get('dashboard')
  @Roles(...READERS)
  @ApiOperation({ summary: '日调度：各县劳动力、就业率、去向、信息完整率、零就业户、逾期回访、未结工单，日排名及较上日变化' })
  @ApiOkResponse({ type: DashboardDto })
  dashboard(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardDto> {
    return this.dashboards.dashboard(user, query);
  }

  @Get('dashboard.csv')
  @Roles(...READERS)
  @ApiOperation({ summary: '日调度导出 CSV' })
  @ApiProduces('text/csv')
  async dashboardCsv(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.dashboardFile(user, query, 'csv', res);
  }

  @Get('dashboard.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: '日调度导出 XLSX' })
  @ApiProduces(XLSX)
  async dashboardXlsx(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.dashboardFile(user, query, 'xlsx', res);
  }

  @Get('destinations/villages')
  @Roles(...READERS)
  @ApiOperation({ summary: '劳动就业去向（按村）：各村劳动力、去向分类人数、零就业户，比较日以来的变化' })
  @ApiOkResponse({ type: VillagesDto })
  villages(@CurrentUser() user: AuthUser, @Query() query: VillagesQueryDto): Promise<VillagesDto> {
    return this.destinations.villages(user, query);
  }

  @Get('destinations/villages.csv')
  @Roles(...READERS)
  @ApiOperation({ summary: '劳动就业去向（按村）导出 CSV' })
  @ApiProduces('text/csv')
  async villagesCsv(@CurrentUser() user: AuthUser, @Query() query: VillagesQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.villagesFile(user, query, 'csv', res);
  }

  @Get('destinations/villages.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: '劳动就业去向（按村）导出 XLSX' })
  @ApiProduces(XLSX)
  async villagesXlsx(@CurrentUser() user: AuthUser, @Query() query: VillagesQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.villagesFile(user, query, 'xlsx', res);
  }

  @Get('destinations')
  @Roles(...READERS)
  @ApiOperation({ summary: '劳动就业去向表：每名劳动力在哪里就业、去向类别、比较日以来的变化（分页）' })
  @ApiOkResponse({ type: DestinationPageDto })
  table(@CurrentUser() user: AuthUser, @Query() query: DestinationTableQueryDto): Promise<DestinationPageDto> {
    return this.destinations.table(user, query);
  }

  @Get('destinations.csv')
  @Roles(...READERS)
  @ApiOperation({ summary: '劳动就业去向表导出 CSV（全部行）' })
  @ApiProduces('text/csv')
  tableCsv(@CurrentUser() user: AuthUser, @Query() query: DestinationTableQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.tableFile(user, query, 'csv', res);
  }

  @Get('destinations.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: '劳动就业去向表导出 XLSX（全部行）' })
  @ApiProduces(XLSX)
  tableXlsx(@CurrentUser() user: AuthUser, @Query() query: DestinationTableQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.tableFile(user, query, 'xlsx', res);
  }

  @Get('targets')
  @Roles(...READERS)
  @ApiOperation({ summary: '目标任务：各县、各省按去向的就业人数，对比上年与目标（未设目标即“不少于上年”）' })
  @ApiOkResponse({ type: TargetsDto })
  targets(@CurrentUser() user: AuthUser, @Query() query: TargetsQueryDto): Promise<TargetsDto> {
    return this.targetsService.targets(user, query.year);
  }

  @Put('targets')
  @Roles(...READERS)
  @ApiOperation({ summary: '设定一个县某年度的上年人数与目标（管理员或该县的干部）' })
  @ApiOkResponse({ type: TargetsDto })
  setTargets(@CurrentUser() user: AuthUser, @Body() dto: SetTargetsDto): Promise<TargetsDto> {
    return this.targetsService.setTargets(user, dto);
  }

  @Get('targets.csv')
  @Roles(...READERS)
  @ApiOperation({ summary: '目标任务导出 CSV' })
  @ApiProduces('text/csv')
  async targetsCsv(@CurrentUser() user: AuthUser, @Query() query: TargetsQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.targetsFile(user, query, 'csv', res);
  }

  @Get('targets.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: '目标任务导出 XLSX' })
  @ApiProduces(XLSX)
  async targetsXlsx(@CurrentUser() user: AuthUser, @Query() query: TargetsQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.targetsFile(user, query, 'xlsx', res);
  }

  @Get('absorption')
  @Roles(...READERS)
  @ApiOperation({ summary: '东部吸纳：各结对关系中，西部劳动力目前在东部一方就业的人数' })
  @ApiOkResponse({ type: AbsorptionDto })
  absorption(@CurrentUser() user: AuthUser): Promise<AbsorptionDto> {
    return this.targetsService.absorption(user);
  }

  @Get('absorption.csv')
  @Roles(...READERS)
  @ApiOperation({ summary: '东部吸纳导出 CSV' })
  @ApiProduces('text/csv')
  async absorptionCsv(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return send(res, 'csv', '东部吸纳', `东部吸纳（${beijingDay()}）`, ABSORPTION_COLUMNS, (await this.targetsService.absorption(user)).rows);
  }

  @Get('absorption.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: '东部吸纳导出 XLSX' })
  @ApiProduces(XLSX)
  async absorptionXlsx(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return send(res, 'xlsx', '东部吸纳', `东部吸纳（${beijingDay()}）`, ABSORPTION_COLUMNS, (await this.targetsService.absorption(user)).rows);
  }

  private async dashboardFile(user: AuthUser, query: DashboardQueryDto, format: TableFormat, res: Response) {
    const report = await this.dashboards.dashboard(user, query);
    return send(res, format, '日调度', `日调度-按${RANK_BY_ZH[report.rankBy]}排名（${report.day}）`, DASHBOARD_COLUMNS, report.counties);
  }

  private async villagesFile(user: AuthUser, query: VillagesQueryDto, format: TableFormat, res: Response) {
    const report = await this.destinations.villages(user, query);
    const since = report.since ? `，比较日${report.since}` : '';
    return send(res, format, '各村就业去向', `${report.countyName}各村就业去向（${beijingDay()}${since}）`, VILLAGE_COLUMNS, report.villages);
  }

  private tableFile(user: AuthUser, query: DestinationTableQueryDto, format: TableFormat, res: Response) {
    const rows = this.destinations.all(user, query);
    const place = [query.township, query.village].filter(Boolean).join('');
    return rows.next().then((first) => {
      async function* again() {
        if (!first.done) yield first.value;
        yield* rows;
      }
      const name = `${this.dashboards.countyName(query.countyCode)}${place}劳动就业去向表（${beijingDay()}）`;
      return send(res, format, '劳动就业去向表', name, DESTINATION_COLUMNS, again());
    });
  }

  private async targetsFile(user: AuthUser, query: TargetsQueryDto, format: TableFormat, res: Response) {
    const report = await this.targetsService.targets(user, query.year);
    return send(res, format, '目标任务', `${report.year}年目标任务（${beijingDay()}）`, TARGET_COLUMNS, report.rows);
  }
}

function send<T>(res: Response, format: TableFormat, sheetName: string, fileName: string, columns: TableColumn<T>[],
  rows: Iterable<T> | AsyncIterable<T>): StreamableFile {
  return downloadOf(res, tableFile({ columns, rows, format, fileName, sheetName }));
}
