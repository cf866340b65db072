import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles } from '@daogang/platform';
import { WorkerSearchQueryDto, WorkerSearchResultDto } from './worker-search.dto.js';
import { WorkerSearchService } from './worker-search.service.js';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('workers-search')
export class WorkerSearchController {
  constructor(private readonly search: WorkerSearchService) {}

  @Get()
  @Roles(Role.Broker, Role.Officer, Role.Employer, Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '搜索劳动力：经纪人、干部只搜到负责县的人；企业只看到求职中人员的匿名档案' })
  @ApiOkResponse({ type: WorkerSearchResultDto })
  searchWorkers(@CurrentUser() user: AuthUser, @Query() query: WorkerSearchQueryDto): Promise<WorkerSearchResultDto> {
    return this.search.search(user, query);
  }
}
