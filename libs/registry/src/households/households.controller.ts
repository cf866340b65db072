import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import {
  AddIncomeDto, HouseholdDetailDto, HouseholdDto, HouseholdPageDto, HouseholdQueryDto, IncomeDto, UpdateHouseholdDto,
} from './dto/household.dto.js';
import { HouseholdsService } from './households.service.js';

const KEEPERS = [Role.Broker, Role.Officer, Role.Admin];

@ApiTags('registry')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Get()
  @Roles(...KEEPERS)
  @ApiOperation({ summary: '家庭户名单；zeroEmployment=true 为零就业户名单' })
  @ApiOkResponse({ type: HouseholdPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: HouseholdQueryDto): Promise<HouseholdPageDto> {
    return this.households.list(user, query);
  }

  @Get(':id')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: '一户一档：成员、帮扶计划、收入' })
  @ApiOkResponse({ type: HouseholdDetailDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<HouseholdDetailDto> {
    return this.households.get(user, id);
  }

  @Patch(':id')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: '修改户主、建档立卡标志或一户一策计划（须带 version）' })
  @ApiOkResponse({ type: HouseholdDto })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateHouseholdDto): Promise<HouseholdDto> {
    return this.households.update(user, id, dto);
  }

  @Post(':id/incomes')
  @Roles(...KEEPERS)
  @ApiCreatedResponse({ type: IncomeDto })
  addIncome(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: AddIncomeDto): Promise<IncomeDto> {
    return this.households.addIncome(user, id, dto);
  }
}
