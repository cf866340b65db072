import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuthUser, NotFoundError, PiiCipher } from '@daogang/platform';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { InboxQueryDto, MarkAllReadDto, NotificationDto, NotificationPageDto, UnreadCountDto } from './dto/notification.dto.js';
import { Notification } from './entities/notification.entity.js';
import { toNotificationDto } from './inbox/notification.mapper.js';
import type { NotificationRequest } from './notification-request.js';
import { INSERT_INBOX, INSERT_SMS } from './notifications.sql.js';
import { SmsDispatcher } from './sms/sms-dispatcher.js';
import { renderNotification } from './templates.js';

/** Length of both dedupe_key columns. */
const DEDUPE_KEY_MAX = 160;

/**
 * What domains call to notify people, and the inbox of the signed-in user.
 * `record` in the domain's transaction, `dispatch` after it commits: a rolled-back change sends nothing, and a
 * committed one is sent even when Redis was away (the SMS sweeper), at most once per recipient (dedupe keys + claim).
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly pii: PiiCipher,
    private readonly dispatcher: SmsDispatcher,
  ) {}

  /**
   * Writes the inbox rows and the SMS outbox rows of the requests inside the caller's transaction (one statement per
   * table). Recording the same request again adds nothing. Returns the ids of the SMS rows created now: hand them to
   * `dispatch` once the transaction has committed.
   */
  async record(manager: EntityManager, requests: NotificationRequest[]): Promise<string[]> {
    const inbox = new Map<string, Record<string, unknown>>();
    const sms = new Map<string, Record<string, unknown>>();
    for (const request of requests) {
      const text = renderNotification(request.template, request.params, this.config.SMS_SIGNATURE);
      for (const to of request.to) {
        if (to.userId) {
          const dedupeKey = checkedKey(`${request.dedupeKey}:inbox:${to.userId}`);
          inbox.set(dedupeKey, {
            user_id: to.userId, dedupe_key: dedupeKey, template: request.template, title: text.title, body: text.body, link: request.link ?? '',
          });
        }
        if (to.sms) {
          // Keyed by the number itself: one SMS per phone and intent, even when two recipients share a phone.
          const mobileHash = to.sms.mobileHash ?? this.pii.hash('mobile', this.pii.decrypt(to.sms.mobileEncrypted));
          const dedupeKey = checkedKey(`${request.dedupeKey}:sms:${mobileHash}`);
          sms.set(dedupeKey, {
            dedupe_key: dedupeKey, user_id: to.userId ?? null, worker_id: to.sms.workerId ?? null,
            mobile_encrypted: to.sms.mobileEncrypted, mobile_masked: to.sms.mobileMasked,
            template: request.template, params: request.params, body: text.sms,
          });
        }
      }
    }
    if (inbox.size) await manager.query(INSERT_INBOX, [JSON.stringify([...inbox.values()])]);
    if (!sms.size) return [];
    // INSERT … RETURNING: the driver answers the rows (only UPDATE/DELETE answer [rows, affected]).
    const created: Array<{ id: string }> = await manager.query(INSERT_SMS, [JSON.stringify([...sms.values()])]);
    return created.map((row) => row.id);
  }

  /** After commit: queues the SMS. Never throws (Redis away → logged; the sweeper sends them within minutes). */
  dispatch(smsIds: string[]): Promise<void> {
    return this.dispatcher.dispatch(smsIds);
  }

  /** The caller's inbox, newest first, with the unread count. */
  async list(user: AuthUser, query: InboxQueryDto): Promise<NotificationPageDto> {
    const repo = this.dataSource.getRepository(Notification);
    const [rows, total] = await repo.findAndCount({
      where: { userId: user.id, ...(query.unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const unread = query.unread ? total : await this.countUnread(user.id);
    return { items: rows.map(toNotificationDto), total, unread, page: query.page, pageSize: query.pageSize };
  }

  async unreadCount(user: AuthUser): Promise<UnreadCountDto> {
    return { unread: await this.countUnread(user.id) };
  }

  /** Marks one of the caller's messages read (again is fine); another user's message is not found. */
  async markRead(user: AuthUser, id: string): Promise<NotificationDto> {
    const repo = this.dataSource.getRepository(Notification);
    const row = await repo.findOneBy({ id, userId: user.id });
    if (!row) throw new NotFoundError('消息', id);
    if (!row.readAt) {
      row.readAt = new Date();
      await repo.update({ id, userId: user.id, readAt: IsNull() }, { readAt: row.readAt });
    }
    return toNotificationDto(row);
  }

  async markAllRead(user: AuthUser): Promise<MarkAllReadDto> {
    const result = await this.dataSource.getRepository(Notification).update({ userId: user.id, readAt: IsNull() }, { readAt: () => 'now()' });
    return { marked: result.affected ?? 0 };
  }

  private countUnread(userId: string): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId, readAt: IsNull() });
  }
}

function checkedKey(key: string): string {
  if (key.length > DEDUPE_KEY_MAX) throw new Error(`notification dedupe key longer than ${DEDUPE_KEY_MAX} characters: ${key}`);
  return key;
}
