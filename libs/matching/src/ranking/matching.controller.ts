import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import { CandidatePageDto, CandidateQueryDto, JobMatchPageDto, JobMatchQueryDto } from './dto/match.dto.js';
import { MatchingService } from './matching.service.js';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('job-orders')
export class JobOrderCandidatesController {
  constructor(private readonly matching: MatchingService) {}

  @Get(':id/candidates')
  @Roles(Role.Employer, Role.Broker, Role.Coordinator, Role.Officer, Role.Admin)
  @ApiOperation({
    summary: '人岗匹配：为招聘订单推荐候选人（按匹配分排序，附每项得分说明）',
    description: '经纪人、干部只看所辖县的劳动力；企业只能查看本企业的订单，姓名脱敏；订单须为招聘中或暂停。',
  })
  @ApiOkResponse({ type: CandidatePageDto })
  candidates(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: CandidateQueryDto): Promise<CandidatePageDto> {
    return this.matching.candidatesFor(user, id, query);
  }
}

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class JobMatchesController {
  constructor(private readonly matching: MatchingService) {}

  @Get('workers/:id/job-matches')
  @Roles(Role.Worker, Role.Broker, Role.Coordinator, Role.Officer, Role.Admin)
  @ApiOperation({ summary: '为务工人员推荐岗位（招聘中且有空余名额的订单，按匹配分排序）；经纪人、干部限所辖县，务工人员限本人' })
  @ApiOkResponse({ type: JobMatchPageDto })
  forWorker(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: JobMatchQueryDto): Promise<JobMatchPageDto> {
    return this.matching.jobsFor(user, id, query);
  }

  @Get('me/job-matches')
  @Roles(Role.Worker)
  @ApiOperation({ summary: '我的推荐岗位（务工人员本人）' })
  @ApiOkResponse({ type: JobMatchPageDto })
  mine(@CurrentUser() user: AuthUser, @Query() query: JobMatchQueryDto): Promise<JobMatchPageDto> {
    return this.matching.myJobs(user, query);
  }
}
