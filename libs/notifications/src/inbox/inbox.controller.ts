import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { Authenticated, CurrentUser, UuidParam } from '@daogang/platform';
import { InboxQueryDto, MarkAllReadDto, NotificationDto, NotificationPageDto, UnreadCountDto } from '../dto/notification.dto.js';
import { NotificationsService } from '../notifications.service.js';

/** The signed-in user's own inbox (站内消息); nobody sees another user's messages. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '我的消息，最新在前，附未读数；unread=true 只看未读' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: InboxQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(user, query);
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOperation({ summary: '未读消息数（页面角标）' })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(user);
  }

  @Post('read-all')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读' })
  @ApiOkResponse({ type: MarkAllReadDto })
  markAllRead(@CurrentUser() user: AuthUser): Promise<MarkAllReadDto> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读（重复标记无影响）' })
  @ApiOkResponse({ type: NotificationDto })
  markRead(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user, id);
  }
}
