import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { DevSmsProvider } from './dev-sms.provider.js';
import { SmsProviderError } from './sms-provider.js';

describe('DevSmsProvider (SMS_PROVIDER=dev)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs the SMS with the masked mobile only and answers with a made-up id', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const provider = new DevSmsProvider();
    const answer = await provider.send({
      outId: 'b0b4c8a2-0000-4000-8000-000000000001', mobile: '13912345678', body: '【到岗】测试短信', template: 'offer_received', params: {},
    });
    expect(answer.providerMessageId).toMatch(/^dev-[0-9a-f-]{36}$/);
    expect(provider.name).toBe('dev');
    const logged = log.mock.calls.map((call) => String(call[0])).join('\n');
    expect(logged).toContain('139****5678');
    expect(logged).toContain('【到岗】测试短信');
    expect(logged).not.toContain('13912345678');
  });
});

describe('SmsProviderError', () => {
  it('says whether a retry is safe', () => {
    expect(SmsProviderError.rejected('isv.MOBILE_NUMBER_ILLEGAL').definite).toBe(true);
    expect(SmsProviderError.unknown('timeout').definite).toBe(false);
    expect(SmsProviderError.unknown('timeout')).toBeInstanceOf(Error);
  });
});
