import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import { RecordVisitDto, SelfCheckInDto, VisitDto } from './dto/visit.dto.js';
import { VisitsService } from './visits.service.js';

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller('placements/:applicationId/visits')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post()
  @Roles(Role.Broker, Role.Admin)
  @ApiOperation({
    summary: '记录回访：完成到期的回访；欠薪、离职意向、工伤、工资下降20%以上会开帮扶工单；不在岗则登记离职（就业状态、零就业户随之更新）',
  })
  @ApiCreatedResponse({ type: VisitDto })
  record(@CurrentUser() user: AuthUser, @UuidParam('applicationId') applicationId: string, @Body() dto: RecordVisitDto): Promise<VisitDto> {
    return this.visits.record(user, applicationId, dto);
  }

  @Get()
  @Roles(Role.Broker, Role.Officer, Role.Admin, Role.Coordinator)
  @ApiOperation({ summary: '一个录用的回访记录（新的在前）' })
  @ApiOkResponse({ type: [VisitDto] })
  list(@CurrentUser() user: AuthUser, @UuidParam('applicationId') applicationId: string): Promise<VisitDto[]> {
    return this.visits.list(user, applicationId);
  }
}

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller('me/check-in')
export class SelfCheckInController {
  constructor(private readonly visits: VisitsService) {}

  @Post()
  @Roles(Role.Worker)
  @ApiOperation({ summary: '务工人员报平安：“一切都好”算一次回访；“需要帮助”开帮扶工单' })
  @ApiCreatedResponse({ type: VisitDto })
  checkIn(@CurrentUser() user: AuthUser, @Body() dto: SelfCheckInDto): Promise<VisitDto> {
    return this.visits.selfCheckIn(user, dto);
  }
}
