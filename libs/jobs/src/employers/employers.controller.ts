import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Public, Role, Roles, UuidParam } from '@daogang/platform';
import {
  EmployerDto, EmployerPageDto, EmployerQueryDto, RegisterEmployerDto, UpdateEmployerDto, VerifyEmployerDto,
} from './dto/employer.dto.js';
import { EmployersService } from './employers.service.js';

const CAN_READ = [Role.Employer, Role.Broker, Role.Coordinator, Role.Officer, Role.Admin];

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: '企业注册：单位信息 + 首个企业账号（待县/市人社干部审核，审核前只能保存草稿）' })
  @ApiCreatedResponse({ type: EmployerDto })
  register(@Body() dto: RegisterEmployerDto): Promise<{ employer: EmployerDto; username: string }> {
    return this.employers.register(dto);
  }

  @Get()
  @Roles(...CAN_READ)
  @ApiOkResponse({ type: EmployerPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: EmployerQueryDto): Promise<EmployerPageDto> {
    return this.employers.list(user, query);
  }

  @Get(':id')
  @Roles(...CAN_READ)
  @ApiOkResponse({ type: EmployerDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<EmployerDto> {
    return this.employers.get(user, id);
  }

  @Patch(':id')
  @Roles(Role.Employer, Role.Admin)
  @ApiOperation({ summary: '修改企业信息（须带 version）；修改名称或信用代码需重新审核' })
  @ApiOkResponse({ type: EmployerDto })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateEmployerDto): Promise<EmployerDto> {
    return this.employers.update(user, id, dto);
  }

  @Post(':id/verification')
  @Roles(Role.Officer, Role.Admin)
  @ApiOperation({ summary: '审核企业：通过或不通过（须说明理由）' })
  @ApiCreatedResponse({ type: EmployerDto })
  verify(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: VerifyEmployerDto): Promise<EmployerDto> {
    return this.employers.verify(user, id, dto);
  }
}
