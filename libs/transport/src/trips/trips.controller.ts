import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import {
  AssignVehicleDto, CancelTripDto, CheckInDto, LockTripDto, MoveRiderDto, MyTripDto, RescheduleTripDto, TripDto, TripQueryDto,
} from './dto/trip.dto.js';
import { TripBoardingService } from './trip-boarding.service.js';
import { TripsService } from './trips.service.js';

@ApiTags('transport')
@ApiBearerAuth()
@Controller('trips')
export class TripsController {
  constructor(
    private readonly trips: TripsService,
    private readonly boarding: TripBoardingService,
  ) {}

  @Get()
  @Roles(Role.Coordinator, Role.Officer, Role.Admin, Role.Employer)
  @ApiOperation({ summary: '车次列表（企业只看开往本单位的车次）' })
  @ApiOkResponse({ type: [TripDto] })
  list(@CurrentUser() user: AuthUser, @Query() query: TripQueryDto): Promise<TripDto[]> {
    return this.trips.list(user, query);
  }

  @Get(':id')
  @Roles(Role.Coordinator, Role.Officer, Role.Admin, Role.Employer)
  @ApiOperation({ summary: '车次详情：停靠点、乘车人和座位' })
  @ApiOkResponse({ type: TripDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<TripDto> {
    return this.trips.get(user, id);
  }

  @Post(':id/riders/:riderId/move')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '把乘车人换到同一单位、同一到岗日期的另一车次（有空座；已确认车次的乘车人会收到通知）' })
  @ApiCreatedResponse({ type: TripDto })
  move(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @UuidParam('riderId') riderId: string, @Body() dto: MoveRiderDto): Promise<TripDto> {
    return this.trips.moveRider(user, id, riderId, dto.toTripId);
  }

  @Post(':id/lock')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '锁定 / 解锁：重新规划不会改动锁定的车次' })
  @ApiCreatedResponse({ type: TripDto })
  lock(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: LockTripDto): Promise<TripDto> {
    return this.trips.lock(user, id, dto.locked);
  }

  @Post(':id/vehicle')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '指派包车 / 车厢（座位须够）' })
  @ApiCreatedResponse({ type: TripDto })
  assignVehicle(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: AssignVehicleDto): Promise<TripDto> {
    return this.trips.assignVehicle(user, id, dto.vehicleId);
  }

  @Patch(':id')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '调整发车时间：各站时间随之移动，提醒随之改期，已确认的乘车人会收到通知' })
  @ApiOkResponse({ type: TripDto })
  reschedule(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: RescheduleTripDto): Promise<TripDto> {
    return this.trips.reschedule(user, id, dto.departureAt);
  }

  @Post(':id/confirm')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '确认车次：通知每位乘车人（上车点、时间、座位、带队电话），并安排出发前24小时和2小时的提醒' })
  @ApiCreatedResponse({ type: TripDto })
  confirm(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<TripDto> {
    return this.trips.confirm(user, id);
  }

  @Post(':id/cancel')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '取消车次：乘车人回到待安排，已确认的会收到通知，提醒撤销' })
  @ApiCreatedResponse({ type: TripDto })
  cancel(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: CancelTripDto): Promise<TripDto> {
    return this.trips.cancel(user, id, dto.reason);
  }

  @Post(':id/check-in')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '上车登记：已上车 / 未到' })
  @ApiCreatedResponse({ type: TripDto })
  checkIn(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: CheckInDto): Promise<TripDto> {
    return this.boarding.checkIn(user, id, dto.riderId, dto.status);
  }

  @Post(':id/depart')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '发车（每位乘车人都已登记）' })
  @ApiCreatedResponse({ type: TripDto })
  depart(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<TripDto> {
    return this.boarding.depart(user, id);
  }

  @Post(':id/arrive')
  @Roles(Role.Coordinator, Role.Employer, Role.Admin)
  @ApiOperation({ summary: '确认到达：已上车的人员录用状态变为“已到岗”，开始跟踪回访；未到人员不变' })
  @ApiCreatedResponse({ type: TripDto })
  arrive(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<TripDto> {
    return this.boarding.arrive(user, id);
  }

  @Post(':id/close')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: '结束车次' })
  @ApiCreatedResponse({ type: TripDto })
  close(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<TripDto> {
    return this.boarding.close(user, id);
  }
}

@ApiTags('transport')
@ApiBearerAuth()
@Controller('me/trips')
export class MyTripsController {
  constructor(private readonly boarding: TripBoardingService) {}

  @Get()
  @Roles(Role.Worker)
  @ApiOperation({ summary: '我的行程：已确认的车次、上车点和时间、座位、带队电话' })
  @ApiOkResponse({ type: [MyTripDto] })
  mine(@CurrentUser() user: AuthUser): Promise<MyTripDto[]> {
    return this.boarding.mine(user);
  }
}
