import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, STAFF_ROLES, UuidParam } from '@daogang/platform';
import {
  CreatePickupPointDto, PickupPointDto, PickupPointPageDto, PickupPointQueryDto, UpdatePickupPointDto,
} from './dto/pickup-point.dto.js';
import { PickupPointsService } from './pickup-points.service.js';

const DISPATCHERS = [Role.Coordinator, Role.Admin];

@ApiTags('transport')
@ApiBearerAuth()
@Controller('pickup-points')
export class PickupPointsController {
  constructor(private readonly points: PickupPointsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: '上车点列表（县汽车站、乡镇上车点、火车站）；经纪人和干部只看所辖县' })
  @ApiOkResponse({ type: PickupPointPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: PickupPointQueryDto): Promise<PickupPointPageDto> {
    return this.points.list(user, query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: PickupPointDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PickupPointDto> {
    return this.points.get(user, id);
  }

  @Post()
  @Roles(...DISPATCHERS)
  @ApiOperation({ summary: '新增上车点：县代码须为县级行政区，坐标须在中国境内；乡镇上车点须填写所服务的乡镇' })
  @ApiCreatedResponse({ type: PickupPointDto })
  create(@Body() dto: CreatePickupPointDto): Promise<PickupPointDto> {
    return this.points.create(dto);
  }

  @Patch(':id')
  @Roles(...DISPATCHERS)
  @ApiOperation({ summary: '修改上车点；active=false 停用（不删除）' })
  @ApiOkResponse({ type: PickupPointDto })
  update(@UuidParam('id') id: string, @Body() dto: UpdatePickupPointDto): Promise<PickupPointDto> {
    return this.points.update(id, dto);
  }
}
