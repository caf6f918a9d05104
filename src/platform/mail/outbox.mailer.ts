import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EncryptionService } from '../crypto/encryption.service.js';
import { uuidv7 } from '../database/uuid.js';
import { MailOutbox } from './mail-outbox.entity.js';
import type { Mailer, MailMessage } from './mailer.port.js';

/** Associated data binding an outbox body to its row, so a body cannot be moved to another. */
const aad = (id: string) => `mail-outbox:${id}`;

/**
 * Keeps mail in the outbox table instead of sending it. Bodies are encrypted:
 * they carry reset tokens, and a database dump must not reveal them.
 */
export class OutboxMailer implements Mailer {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly dataSource: DataSource,
    private readonly encryption: EncryptionService,
    private readonly logBodies = false,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const id = uuidv7();
    await this.dataSource.getRepository(MailOutbox).insert({
      id,
      recipient: message.to,
      template: message.template,
      subject: message.subject,
      body: this.encryption.encrypt(message.text, aad(id)),
      sentAt: null,
    });
    // Development only: the developer has no mailbox, the console is theirs.
    if (this.logBodies)
      this.logger.log(`mail to ${message.to}: ${message.subject}\n${message.text}`);
  }

  /** The newest mail to a recipient, decrypted (tests and local tooling). */
  async latestTo(recipient: string, template?: string): Promise<MailMessage | null> {
    const row = await this.dataSource.getRepository(MailOutbox).findOne({
      where: { recipient, ...(template ? { template } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    if (!row) return null;
    return {
      to: row.recipient,
      template: row.template,
      subject: row.subject,
      text: this.encryption.decrypt(row.body, aad(row.id)),
    };
  }
}
