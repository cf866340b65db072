import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles } from '@daogang/platform';
import { CreateWorkerDto, UpdateWorkerDto } from './dto/worker-input.dto.js';
import { WorkerDto } from './dto/worker.dto.js';
import { WorkersService } from './workers.service.js';

/** A worker's own profile, after self-registration with a mobile number. */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('me/worker-profile')
export class MyProfileController {
  constructor(private readonly workers: WorkersService) {}

  @Get()
  @Roles(Role.Worker)
  @ApiOkResponse({ type: WorkerDto })
  get(@CurrentUser() user: AuthUser): Promise<WorkerDto> {
    return this.workers.getMine(user);
  }

  @Post()
  @Roles(Role.Worker)
  @ApiOperation({ summary: '务工人员自助填写个人档案（每人一份）' })
  @ApiCreatedResponse({ type: WorkerDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateWorkerDto): Promise<WorkerDto> {
    return this.workers.create(user, dto);
  }

  @Patch()
  @Roles(Role.Worker)
  @ApiOkResponse({ type: WorkerDto })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateWorkerDto): Promise<WorkerDto> {
    return this.workers.update(user, 'mine', dto);
  }
}
