import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles } from '@daogang/platform';
import { CompletenessGroupDto, CompletenessQueryDto, CompletenessRankDto, RankingQueryDto } from './dto/completeness.dto.js';
import { CompletenessService } from './completeness.service.js';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry/completeness')
export class CompletenessController {
  constructor(private readonly completeness: CompletenessService) {}

  @Get()
  @Roles(Role.Broker, Role.Officer, Role.Admin)
  @ApiOperation({ summary: '信息完整率：按县或按村汇总（经纪人、干部只看负责的县）' })
  @ApiOkResponse({ type: [CompletenessGroupDto] })
  byGroup(@CurrentUser() user: AuthUser, @Query() query: CompletenessQueryDto): Promise<CompletenessGroupDto[]> {
    return this.completeness.byGroup(user, query.groupBy, query.county);
  }

  @Get('ranking')
  @Roles(Role.Broker, Role.Officer, Role.Admin)
  @ApiOperation({ summary: '各县信息完整率日排名，含较昨日变化（日调度、日排名）' })
  @ApiOkResponse({ type: [CompletenessRankDto] })
  ranking(@Query() query: RankingQueryDto): Promise<CompletenessRankDto[]> {
    return this.completeness.ranking(query.date);
  }
}
