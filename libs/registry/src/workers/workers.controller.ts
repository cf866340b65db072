import { Body, Controller, Get, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import type { Response } from 'express';
import { ChangeStatusDto, CreateWorkerDto, UpdateWorkerDto } from './dto/worker-input.dto.js';
import { WorkerExportQueryDto, WorkerListQueryDto } from './dto/worker-list.dto.js';
import { StatusChangeDto, WorkerDto, WorkerPageDto } from './dto/worker.dto.js';
import { WorkerListsService } from './worker-lists.service.js';
import { WorkerStatusService } from './worker-status.service.js';
import { WorkersService } from './workers.service.js';

const KEEPERS = [Role.Broker, Role.Officer, Role.Admin];
const READERS = [...KEEPERS, Role.Coordinator];

@ApiTags('registry')
@ApiBearerAuth()
@Controller('workers')
export class WorkersController {
  constructor(
    private readonly workers: WorkersService,
    private readonly lists: WorkerListsService,
    private readonly status: WorkerStatusService,
  ) {}

  @Post()
  @Roles(...KEEPERS)
  @ApiOperation({ summary: '经纪人代为登记劳动力（只能登记负责的县）；同一身份证号重复登记返回409并指向已有档案' })
  @ApiCreatedResponse({ type: WorkerDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateWorkerDto): Promise<WorkerDto> {
    return this.workers.create(user, dto);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: '五名单：已就业 / 未就业 / 有培训意愿 / 有外出意愿 / 有创业意愿（list 参数），可筛选、分页、排序；证件号脱敏' })
  @ApiOkResponse({ type: WorkerPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: WorkerListQueryDto): Promise<WorkerPageDto> {
    return this.lists.list(user, query);
  }

  @Get('export')
  @Roles(...READERS)
  @ApiOperation({ summary: '导出名单（CSV 或 XLSX，流式输出，证件号脱敏）' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: WorkerExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.lists.export(user, query);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return new StreamableFile(file.stream, { type: file.contentType });
  }

  @Get(':id')
  @Roles(...READERS, Role.Worker)
  @ApiOperation({ summary: '劳动力档案；本人、本县经纪人和干部看到完整证件号（记入访问审计），其他角色看到脱敏值' })
  @ApiOkResponse({ type: WorkerDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<WorkerDto> {
    return this.workers.get(user, id);
  }

  @Patch(':id')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: '修改档案；须带读取时的 version，他人已修改则409' })
  @ApiOkResponse({ type: WorkerDto })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateWorkerDto): Promise<WorkerDto> {
    return this.workers.update(user, id, dto);
  }

  @Post(':id/status')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: '变更就业状态：写入变更记录，同时更新家庭户的零就业标志' })
  @ApiCreatedResponse({ type: StatusChangeDto })
  changeStatus(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ChangeStatusDto): Promise<StatusChangeDto> {
    return this.status.changeByUser(user, id, dto.status, dto.note);
  }

  @Get(':id/status-history')
  @Roles(...READERS)
  @ApiOkResponse({ type: [StatusChangeDto] })
  history(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<StatusChangeDto[]> {
    return this.status.history(user, id);
  }
}
