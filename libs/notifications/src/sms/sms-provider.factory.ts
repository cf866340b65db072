import { Provider } from '@nestjs/common';
import { AppConfig } from '@daogang/platform';
import { DevSmsProvider } from './dev-sms.provider.js';
import { SmsProvider } from './sms-provider.js';

/** The SmsProvider adapter named by SMS_PROVIDER. A new provider: one more case here and in AppConfig's IsIn. */
export const SmsProviderFactory: Provider = {
  provide: SmsProvider,
  inject: [AppConfig],
  useFactory: (config: AppConfig): SmsProvider => {
    switch (config.SMS_PROVIDER) {
      case 'dev':
        return new DevSmsProvider();
    }
  },
};
