import type { NotificationDto } from '../dto/notification.dto.js';
import type { Notification } from '../entities/notification.entity.js';

/** The one way an inbox row leaves the service. */
export function toNotificationDto(row: Notification): NotificationDto {
  return {
    id: row.id,
    template: row.template,
    title: row.title,
    body: row.body,
    link: row.link,
    read: row.readAt !== null,
    ...(row.readAt ? { readAt: row.readAt.toISOString() } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}
