import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles } from '@daogang/platform';
import { AuthUserDto } from './dto/auth.dto.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
export class UsersAdminController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: '管理员开通账号（工作人员或务工人员）' })
  @ApiCreatedResponse({ type: AuthUserDto })
  async create(@Body() dto: CreateUserDto, @CurrentUser() _admin: AuthUser): Promise<AuthUserDto> {
    const user = await this.users.create(dto);
    return this.users.toDto(user, await this.users.authUserOf(user));
  }
}
