import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import { JobMatchPageDto } from '@daogang/matching';
import { CasesService } from './cases.service.js';
import { CaseDto, CasePageDto, CaseQueryDto, CloseCaseDto } from './dto/case.dto.js';

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Roles(Role.Broker, Role.Officer, Role.Admin)
  @ApiOperation({ summary: '帮扶工单（经纪人、干部看所辖县的）：未关闭的按到期日排前' })
  @ApiOkResponse({ type: CasePageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: CaseQueryDto): Promise<CasePageDto> {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @Roles(Role.Broker, Role.Officer, Role.Admin)
  @ApiOkResponse({ type: CaseDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CaseDto> {
    return this.cases.get(user, id);
  }

  @Get(':id/recommendations')
  @Roles(Role.Broker, Role.Officer, Role.Admin)
  @ApiOperation({ summary: '再就业推荐：返乡人员优先本县岗位（扶贫车间等）和省内公益性岗位' })
  @ApiOkResponse({ type: JobMatchPageDto })
  recommendations(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<JobMatchPageDto> {
    return this.cases.recommendations(user, id);
  }

  @Post(':id/close')
  @Roles(Role.Broker, Role.Admin)
  @ApiOperation({ summary: '关闭工单：已解决 / 换了工作（填新录用）/ 离职返乡（登记离职，就业状态和零就业户随之更新）' })
  @ApiCreatedResponse({ type: CaseDto })
  close(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: CloseCaseDto): Promise<CaseDto> {
    return this.cases.close(user, id, dto);
  }
}
