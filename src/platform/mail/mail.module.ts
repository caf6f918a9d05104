import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { CryptoModule } from '../crypto/crypto.module.js';
import { EncryptionService } from '../crypto/encryption.service.js';
import { MAILER, type Mailer } from './mailer.port.js';
import { OutboxMailer } from './outbox.mailer.js';
import { SmtpMailer } from './smtp.mailer.js';

/**
 * The mailer port: SMTP when SMTP_URL is set; otherwise the outbox table (the
 * embedded default and tests), with bodies also logged in development.
 */
@Global()
@Module({})
export class MailModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MailModule,
      imports: [CryptoModule],
      providers: [
        {
          provide: OutboxMailer,
          inject: [DataSource, EncryptionService],
          useFactory: (ds: DataSource, encryption: EncryptionService) =>
            new OutboxMailer(ds, encryption, config.env.NODE_ENV === 'development'),
        },
        {
          provide: MAILER,
          inject: [OutboxMailer],
          useFactory: (outbox: OutboxMailer): Mailer =>
            config.env.SMTP_URL
              ? new SmtpMailer(config.env.SMTP_URL, config.env.MAIL_FROM)
              : outbox,
        },
      ],
      exports: [MAILER, OutboxMailer],
    };
  }
}
