import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import { DispatchPlansService } from './dispatch-plans.service.js';
import { CreatePlanDto, DispatchPlanDto, UnassignedGroupDto, UnassignedQueryDto } from './dto/dispatch.dto.js';

@ApiTags('transport')
@ApiBearerAuth()
@Controller('dispatch')
export class DispatchController {
  constructor(private readonly plans: DispatchPlansService) {}

  @Get('unassigned')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '待安排：已录用、尚未上车次的人员，按用工单位和到岗日期分组' })
  @ApiOkResponse({ type: [UnassignedGroupDto] })
  unassigned(@Query() query: UnassignedQueryDto): Promise<UnassignedGroupDto[]> {
    return this.plans.unassigned(query.startFrom, query.startTo);
  }

  @Post('plans')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '生成输转计划（后台任务，返回计划；进度见 GET /api/dispatch/plans/:id）' })
  @ApiCreatedResponse({ type: DispatchPlanDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePlanDto): Promise<DispatchPlanDto> {
    return this.plans.create(user, dto);
  }

  @Get('plans')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '最近的输转计划' })
  @ApiOkResponse({ type: [DispatchPlanDto] })
  list(): Promise<DispatchPlanDto[]> {
    return this.plans.list();
  }

  @Get('plans/:id')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '计划状态、进度和结果（车辆数与下界、公里数、未安排人员及原因）' })
  @ApiOkResponse({ type: DispatchPlanDto })
  get(@UuidParam('id') id: string): Promise<DispatchPlanDto> {
    return this.plans.get(id);
  }

  @Post('plans/:id/replan')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '重新规划：锁定和已确认的车次不动，只安排其余人员（含新增的迟到人员）' })
  @ApiCreatedResponse({ type: DispatchPlanDto })
  replan(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<DispatchPlanDto> {
    return this.plans.replan(user, id);
  }
}
