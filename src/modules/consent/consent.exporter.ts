import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

/** Terms accepted, parental consents given and received, and requests (without their tokens). */
@Injectable()
export class ConsentExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('consent')
  async consent({ userId }: ExportContext): Promise<unknown> {
    const q = (sql: string) => this.db.query(sql, [userId]) as Promise<unknown[]>;
    return {
      terms: await q(
        `SELECT terms_version, consent_ip, created_at FROM app.user_consents
          WHERE user_id = $1 ORDER BY created_at`,
      ),
      parental_consents_given: await q(
        `SELECT teenager_id, consent_ip, created_at FROM app.parental_consents
          WHERE parent_id = $1 ORDER BY created_at`,
      ),
      parental_consents_received: await q(
        `SELECT parent_id, consent_ip, created_at FROM app.parental_consents
          WHERE teenager_id = $1 ORDER BY created_at`,
      ),
      parental_requests: await q(
        `SELECT id, parent_email, status, created_at, expires_at, approved_at, approved_by
           FROM app.parental_requests WHERE teenager_id = $1 ORDER BY created_at`,
      ),
    };
  }
}
