import { Module } from '@nestjs/common';
import { InboxController } from './inbox/inbox.controller.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { NotificationsService } from './notifications.service.js';
import { SmsAdminController } from './sms/sms-admin.controller.js';
import { SmsAdminService } from './sms/sms-admin.service.js';
import { SmsDispatcher } from './sms/sms-dispatcher.js';
import { SmsProviderFactory } from './sms/sms-provider.factory.js';
import { SmsSender } from './sms/sms-sender.service.js';

/**
 * Inbox and SMS outbox: HTTP edge (API app). Domain modules import it and inject NotificationsService to record
 * notifications in their transactions and dispatch them after commit.
 */
@Module({
  controllers: [InboxController, SmsAdminController],
  providers: [NotificationsService, SmsDispatcher, SmsAdminService],
  exports: [NotificationsService],
})
export class NotificationsModule {}

/** Queue edge (worker app): sends the SMS through the provider chosen by SMS_PROVIDER, and sweeps the outbox. */
@Module({
  providers: [SmsProviderFactory, SmsDispatcher, SmsSender, NotificationsProcessor, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsProcessorsModule {}
