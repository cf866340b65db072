import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles } from '@daogang/platform';
import { FollowUpPageDto, FollowUpQueryDto } from './follow-ups.dto.js';
import { FollowUpsService } from './follow-ups.service.js';

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @Roles(Role.Broker, Role.Officer, Role.Admin)
  @ApiOperation({ summary: '回访清单：今天要做的（到期和逾期）、逾期、未来7天、已完成；经纪人和干部看所辖县的' })
  @ApiOkResponse({ type: FollowUpPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: FollowUpQueryDto): Promise<FollowUpPageDto> {
    return this.followUps.list(user, query);
  }
}
