import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

/** The profile, the identity-provider links and the stored provider keys (masked, as on read). */
@Injectable()
export class UsersExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('profile')
  async profile({ userId }: ExportContext): Promise<unknown> {
    const [user] = (await this.db.query(
      `SELECT id, email, account_type, user_type, name, language, age_class, country, school, roles,
              password_changed_at, disabled_at, created_at, updated_at, last_seen_at
         FROM app.users WHERE id = $1`,
      [userId],
    )) as Record<string, unknown>[];
    if (!user) return null;
    const identities = await this.db.query(
      `SELECT idp, login_id, created_at FROM app.idp_logins WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const apiKeys = await this.db.query(
      `SELECT provider, last_four, created_at, updated_at FROM app.user_api_keys
        WHERE user_id = $1 ORDER BY provider`,
      [userId],
    );
    return { ...user, identity_providers: identities, api_keys: apiKeys };
  }
}
