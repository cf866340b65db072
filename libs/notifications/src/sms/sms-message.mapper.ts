import { SMS_STATUS_ZH, SmsMessageDto } from '../dto/sms-message.dto.js';
import type { SmsMessage } from '../entities/sms-message.entity.js';

/** The one way an outbox row leaves the service: the masked mobile only; the encrypted one and the params stay inside. */
export function toSmsMessageDto(row: SmsMessage): SmsMessageDto {
  return {
    id: row.id,
    template: row.template,
    body: row.body,
    mobileMasked: row.mobileMasked,
    status: row.status,
    statusName: SMS_STATUS_ZH[row.status],
    attempts: row.attempts,
    error: row.error,
    ...(row.provider ? { provider: row.provider } : {}),
    ...(row.providerMessageId ? { providerMessageId: row.providerMessageId } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(row.sentAt ? { sentAt: row.sentAt.toISOString() } : {}),
  };
}
