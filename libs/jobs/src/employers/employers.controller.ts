import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import { EmployerDto, EmployerPageDto, PageQueryDto } from './dto/employer.dto.js';
import { EmployersService } from './employers.service.js';

const CAN_READ = [Role.Employer, Role.Broker, Role.Coordinator, Role.Officer, Role.Admin];

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Get()
  @Roles(...CAN_READ)
  @ApiOkResponse({ type: EmployerPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<EmployerPageDto> {
    return this.employers.list(user, query);
  }

  @Get(':id')
  @Roles(...CAN_READ)
  @ApiOkResponse({ type: EmployerDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<EmployerDto> {
    return this.employers.get(user, id);
  }
}
