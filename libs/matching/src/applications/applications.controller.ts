import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import type { ApplicationStatus } from './application-status.js';
import { ApplicationsService } from './applications.service.js';
import { BatchOffersService } from './batch-offers.service.js';
import { ApplicationQueryDto, ApplicationSummaryQueryDto, ApplicationTransitionDto, BatchOfferDto, ClaimSubsidyDto, CreateApplicationDto } from './dto/application-input.dto.js';
import { ApplicationDto, ApplicationPageDto, BatchOfferResultDto, SubsidyClaimDto } from './dto/application.dto.js';
import { SubsidiesService } from './subsidies.service.js';

const EVERYONE = [Role.Worker, Role.Employer, Role.Broker, Role.Coordinator, Role.Officer, Role.Admin];

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly subsidies: SubsidiesService,
  ) {}

  @Post()
  @Roles(Role.Worker, Role.Broker, Role.Employer, Role.Admin)
  @ApiOperation({ summary: '报名：务工人员本人报名；经纪人代为报名（须记录本人同意）；企业邀请（直接发录用意向）' })
  @ApiCreatedResponse({ type: ApplicationDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateApplicationDto): Promise<ApplicationDto> {
    return this.applications.create(user, dto);
  }

  @Get()
  @Roles(...EVERYONE)
  @ApiOperation({ summary: '报名列表：务工人员看自己的，企业看本企业订单的，经纪人和干部看所辖县的' })
  @ApiOkResponse({ type: ApplicationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ApplicationQueryDto): Promise<ApplicationPageDto> {
    return this.applications.list(user, query);
  }

  @Get('summary')
  @Roles(Role.Employer, Role.Broker, Role.Coordinator, Role.Officer, Role.Admin)
  @ApiOperation({ summary: '一个招聘订单各状态的人数（看板的列）' })
  summary(@CurrentUser() user: AuthUser, @Query() query: ApplicationSummaryQueryDto): Promise<Record<ApplicationStatus, number>> {
    return this.applications.summary(user, query.jobOrderId);
  }

  @Get(':id')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: '报名详情，含每一步的记录（谁、何时、原因）和补贴申领' })
  @ApiOkResponse({ type: ApplicationDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ApplicationDto> {
    return this.applications.get(user, id);
  }

  @Post(':id/transitions')
  @Roles(Role.Worker, Role.Employer, Role.Broker, Role.Coordinator, Role.Admin)
  @ApiOperation({
    summary: '推进报名：screen 筛选 / offer 发录用意向 / accept 接受 / decline 拒绝 / withdraw 撤回 / reject 不予录用 / place 确认录用 / arrive 到岗 / leave 离职',
    description: '名额已满、已接受其他岗位、状态不允许时返回409并说明原因；拒绝、撤回、不予录用、离职须写原因。',
  })
  @ApiCreatedResponse({ type: ApplicationDto, description: '每一步写一条记录' })
  transition(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ApplicationTransitionDto): Promise<ApplicationDto> {
    return this.applications.transition(user, id, dto);
  }

  @Post(':id/subsidies')
  @Roles(Role.Employer, Role.Broker, Role.Officer, Role.Admin)
  @ApiOperation({ summary: '登记补贴申领；一次性吸纳就业补贴与以工代训补贴不能同时申领（409）' })
  @ApiCreatedResponse({ type: SubsidyClaimDto })
  claimSubsidy(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ClaimSubsidyDto): Promise<SubsidyClaimDto> {
    return this.subsidies.claim(user, id, dto);
  }
}

@ApiTags('applications')
@ApiBearerAuth()
@Controller('job-orders')
export class JobOrderOffersController {
  constructor(private readonly offers: BatchOffersService) {}

  @Post(':id/offers')
  @Roles(Role.Broker, Role.Employer, Role.Admin)
  @ApiOperation({
    summary: '批量发录用意向：逐人返回结果和失败原因；带同一幂等键重试返回第一次的结果，不会重复发送',
  })
  @ApiCreatedResponse({ type: BatchOfferResultDto })
  send(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: BatchOfferDto): Promise<BatchOfferResultDto> {
    return this.offers.send(user, id, dto);
  }
}
