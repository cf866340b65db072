import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { maskMobile } from '@daogang/platform';
import { OutgoingSms, SmsProvider } from './sms-provider.js';

/**
 * SMS_PROVIDER=dev (the default): logs each SMS with the masked mobile and answers with a made-up id. Nothing leaves
 * the machine; the admin page `/api/admin/sms` shows what would have been sent.
 */
export class DevSmsProvider extends SmsProvider {
  readonly name = 'dev';
  private readonly logger = new Logger(DevSmsProvider.name);

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    this.logger.log(`SMS to ${maskMobile(message.mobile)} [${message.template}] ${message.body}`);
    return { providerMessageId: `dev-${randomUUID()}` };
  }
}
