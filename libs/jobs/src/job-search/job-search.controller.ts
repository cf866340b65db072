import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Public, PublicCacheable } from '@daogang/platform';
import { JobSearchQueryDto, JobSearchResultDto } from './job-search.dto.js';
import { JobSearchService } from './job-search.service.js';
import { JOBS_INDEX } from './jobs.index.js';

@ApiTags('job-search')
@Controller('jobs')
export class JobSearchController {
  constructor(private readonly search: JobSearchService) {}

  @Get('search')
  @Public()
  // Anonymous answers are kept until any job order changes; a degraded (database) answer is not kept.
  @PublicCacheable({ tags: () => [JOBS_INDEX], keep: (body) => !(body as JobSearchResultDto).degraded })
  @ApiOperation({
    summary: '搜索岗位：中文分词（“电子”可找到“电子厂”）、拼音（xiamen）、同义词（普工=操作工），筛选、分面统计、按工资/到岗日期/距离排序',
  })
  @ApiOkResponse({ type: JobSearchResultDto })
  searchJobs(@CurrentUser() user: AuthUser | undefined, @Query() query: JobSearchQueryDto): Promise<JobSearchResultDto> {
    return this.search.search(user, query);
  }
}
