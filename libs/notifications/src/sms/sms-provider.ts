/** What a provider is given: one SMS, already rendered, with the plain mobile (decrypted just before the call). */
export interface OutgoingSms {
  /** The sms_messages id: pass it as the provider's out-id (OutId / SessionContext) so the provider can de-duplicate. */
  outId: string;
  mobile: string;
  /** The rendered text, signature included (for providers that take free text, and for the dev sink). */
  body: string;
  /** NotificationTemplate value (for providers that send by registered template code). */
  template: string;
  params: Record<string, string | number>;
}

/**
 * The SMS port. Adapters (dev sink, Aliyun, Tencent Cloud …) implement it and are chosen by SMS_PROVIDER; the class
 * is also the injection token. Throw SmsProviderError so the sender knows whether it may retry.
 */
export abstract class SmsProvider {
  /** Stored in sms_messages.provider (≤ 20 characters). */
  abstract readonly name: string;
  abstract send(message: OutgoingSms): Promise<{ providerMessageId: string }>;
}

/**
 * A failed send. `definite`: the provider answered and refused (bad number, quota, signature) — nothing was
 * delivered, a retry is safe. `unknown`: no clear answer (timeout, connection reset after the request went out) — the
 * SMS may have been delivered, so it is never resent automatically.
 */
export class SmsProviderError extends Error {
  constructor(
    readonly outcome: 'definite' | 'unknown',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SmsProviderError';
  }

  static rejected(message: string, cause?: unknown): SmsProviderError {
    return new SmsProviderError('definite', message, { cause });
  }

  static unknown(message: string, cause?: unknown): SmsProviderError {
    return new SmsProviderError('unknown', message, { cause });
  }

  get definite(): boolean {
    return this.outcome === 'definite';
  }
}
