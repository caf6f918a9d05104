/** A message Parley sends; bodies may carry single-use secrets (reset links). */
export interface MailMessage {
  to: string;
  template: string;
  subject: string;
  text: string;
}

/** Where mail goes: SMTP in production, the outbox table in the embedded default and tests. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export const MAILER = Symbol('MAILER');
