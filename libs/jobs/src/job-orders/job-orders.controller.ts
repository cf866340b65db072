import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Public, PublicCacheable, Role, Roles, UuidParam } from '@daogang/platform';
import { JOBS_INDEX } from '../job-search/jobs.index.js';
import { CreateJobOrderDto, TransitionDto, UpdateJobOrderDto } from './dto/job-order-input.dto.js';
import { JobOrderDto, JobOrderPageDto, JobOrderQueryDto } from './dto/job-order.dto.js';
import { JobOrdersService } from './job-orders.service.js';

@ApiTags('job-orders')
@ApiBearerAuth()
@Controller('job-orders')
export class JobOrdersController {
  constructor(private readonly jobs: JobOrdersService) {}

  @Post()
  @Roles(Role.Employer, Role.Admin)
  @ApiOperation({ summary: '新建招聘订单（草稿）；含性别、民族、地域歧视的要求会被拒绝并说明原因' })
  @ApiCreatedResponse({ type: JobOrderDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateJobOrderDto): Promise<JobOrderDto> {
    return this.jobs.create(user, dto);
  }

  @Get()
  @Roles(Role.Employer, Role.Broker, Role.Coordinator, Role.Officer, Role.Admin)
  @ApiOperation({ summary: '招聘订单列表：企业看自己的全部订单，工作人员看已发布过的订单' })
  @ApiOkResponse({ type: JobOrderPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: JobOrderQueryDto): Promise<JobOrderPageDto> {
    return this.jobs.list(user, query);
  }

  @Get(':id')
  @Public()
  // Anonymous answers are kept until this order changes (the indexer applies its outbox row, lower-case id) or the index
  // is rebuilt.
  @PublicCacheable({ tags: (req) => [`${JOBS_INDEX}:${String(req.params.id).toLowerCase()}`, `${JOBS_INDEX}:*`] })
  @ApiOperation({ summary: '岗位详情（公开；草稿只有本企业可见）' })
  @ApiOkResponse({ type: JobOrderDto })
  get(@CurrentUser() user: AuthUser | undefined, @UuidParam('id') id: string): Promise<JobOrderDto> {
    return this.jobs.get(user, id);
  }

  @Patch(':id')
  @Roles(Role.Employer, Role.Admin)
  @ApiOperation({ summary: '修改招聘订单（须带 version，他人已修改则409）' })
  @ApiOkResponse({ type: JobOrderDto })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateJobOrderDto): Promise<JobOrderDto> {
    return this.jobs.update(user, id, dto);
  }

  @Post(':id/transitions')
  @Roles(Role.Employer, Role.Admin)
  @ApiOperation({ summary: '发布 / 暂停 / 恢复 / 标记招满 / 结束；未认证企业不能发布' })
  @ApiCreatedResponse({ type: JobOrderDto })
  transition(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: TransitionDto): Promise<JobOrderDto> {
    return this.jobs.transition(user, id, dto);
  }
}
