import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_JOB_OPTIONS, PiiCipher } from '@daogang/platform';
import { DataSource } from 'typeorm';
import { CLAIM_SMS, MARK_SMS_NOT_SENT, MARK_SMS_SENT, MARK_STUCK_SMS_UNKNOWN, SELECT_STALE_SMS } from '../notifications.sql.js';
import { SmsDispatcher } from './sms-dispatcher.js';
import { SmsProvider, SmsProviderError } from './sms-provider.js';

/** Provider calls per SMS, over all jobs: the queue's attempts. */
export const SMS_MAX_ATTEMPTS = DEFAULT_JOB_OPTIONS.attempts ?? 5;
/** A pending or failed row untouched this long is queued again by the sweeper. */
export const SMS_STALE_AFTER = '60 seconds';
/** A row `sending` this long lost its worker mid-call: it becomes `unknown`. */
export const SMS_STUCK_AFTER = '10 minutes';
const SWEEP_BATCH = 500;
const STUCK_ERROR = '发送中断：10分钟内没有结果，可能已送达，不再自动重发';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export type SmsSendOutcome = 'sent' | 'skipped' | 'unknown';

interface ClaimedSms {
  id: string;
  mobile_encrypted: string;
  template: string;
  params: Record<string, string | number>;
  body: string;
  attempts: number;
}

/**
 * Sends SMS from the outbox (worker side). Each send claims its row first (pending|failed → sending), so however
 * often a job runs, the provider is called at most once per claim; a definite refusal is retried by the queue, an
 * unknown outcome is left for an admin and never resent.
 */
@Injectable()
export class SmsSender {
  private readonly logger = new Logger(SmsSender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly provider: SmsProvider,
    private readonly dispatcher: SmsDispatcher,
  ) {}

  /** Throws after a definite failure (the row is `failed`), so BullMQ retries with backoff. */
  async send(smsId: string): Promise<SmsSendOutcome> {
    // For UPDATE … RETURNING the driver answers [rows, affected].
    const [rows]: [ClaimedSms[], number] = await this.dataSource.query(CLAIM_SMS, [smsId]);
    const sms = rows[0];
    if (!sms) return 'skipped'; // sent, being sent, unknown, or no such row

    let mobile: string;
    try {
      mobile = this.pii.decrypt(sms.mobile_encrypted);
    } catch (error) {
      // Nothing went out: a definite failure (retried, then left `failed` for an admin).
      await this.markNotSent(sms.id, 'failed', error);
      throw error;
    }

    let result: { providerMessageId: string };
    try {
      result = await this.provider.send({ outId: sms.id, mobile, body: sms.body, template: sms.template, params: sms.params });
    } catch (error) {
      // Only the provider's own refusal is definite; anything else (a timeout, a reset connection) may follow delivery.
      if (error instanceof SmsProviderError && error.definite) {
        await this.markNotSent(sms.id, 'failed', error);
        throw error;
      }
      await this.markNotSent(sms.id, 'unknown', error);
      this.logger.warn(`SMS ${sms.id}: outcome unknown (${messageOf(error)}); not resent, see /api/admin/sms`);
      return 'unknown';
    }
    await this.dataSource.query(MARK_SMS_SENT, [sms.id, this.provider.name, result.providerMessageId.slice(0, 64)]);
    return 'sent';
  }

  private async markNotSent(id: string, status: 'failed' | 'unknown', error: unknown): Promise<void> {
    await this.dataSource.query(MARK_SMS_NOT_SENT, [id, status, messageOf(error), this.provider.name]);
  }

  /** SweepSms: gives up on rows stuck in `sending`, queues stale pending/failed rows again. */
  async sweep(): Promise<{ redispatched: number; unknown: number }> {
    const [stuck]: [Array<{ id: string }>, number] = await this.dataSource.query(MARK_STUCK_SMS_UNKNOWN, [SMS_STUCK_AFTER, STUCK_ERROR]);
    if (stuck.length) this.logger.warn(`${stuck.length} SMS stuck in sending marked unknown`);
    const stale: Array<{ id: string }> = await this.dataSource.query(SELECT_STALE_SMS, [SMS_MAX_ATTEMPTS, SMS_STALE_AFTER, SWEEP_BATCH]);
    const redispatched = stale.length ? await this.dispatcher.redispatch(stale.map((r) => r.id)) : 0;
    return { redispatched, unknown: stuck.length };
  }
}
