import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import { CreateVehicleDto, UpdateVehicleDto, VehicleDto, VehiclePageDto, VehicleQueryDto } from './dto/vehicle.dto.js';
import { VehiclesService } from './vehicles.service.js';

const DISPATCHERS = [Role.Coordinator, Role.Admin];

@ApiTags('transport')
@ApiBearerAuth()
@Controller('vehicles')
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @Get()
  @Roles(...DISPATCHERS)
  @ApiOperation({ summary: '包车与专列车辆列表（可按类型、启用状态筛选）' })
  @ApiOkResponse({ type: VehiclePageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: VehicleQueryDto): Promise<VehiclePageDto> {
    return this.vehicles.list(user, query);
  }

  @Get(':id')
  @Roles(...DISPATCHERS)
  @ApiOkResponse({ type: VehicleDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<VehicleDto> {
    return this.vehicles.get(user, id);
  }

  @Post()
  @Roles(...DISPATCHERS)
  @ApiOperation({ summary: '登记包车大巴（10–70座，常见33/45/53座）、火车车厢（1–150座）或专列（1–3000座）；司机手机号加密保存' })
  @ApiCreatedResponse({ type: VehicleDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateVehicleDto): Promise<VehicleDto> {
    return this.vehicles.create(user, dto);
  }

  @Patch(':id')
  @Roles(...DISPATCHERS)
  @ApiOperation({ summary: '修改车辆；active=false 停用（不删除）' })
  @ApiOkResponse({ type: VehicleDto })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateVehicleDto): Promise<VehicleDto> {
    return this.vehicles.update(user, id, dto);
  }
}
