import { ERASE_CONFIRMATION, LockoutService } from './lockout.service.js';
import { SessionsService } from './sessions.service.js';
import {
  ColumnEraser,
  ErasesUserData,
  type UserEraseContext,
  type UserEraser,
} from '../../platform/erasure/index.js';

/**
 * Sessions (their refresh tokens with them), reset tokens, the password
 * attempts that confirmed (or failed to confirm) the erasure, and what is keyed
 * by the address rather than the id: sign-in attempts and mail sent to it.
 * Revoked token ids stay until they expire: they name no one and keep the
 * erased account's last access token dead.
 */
@ErasesUserData({ order: 80 })
export class AuthErasure extends ColumnEraser implements UserEraser {
  readonly columns = [
    { table: 'app.app_sessions', column: 'user_id', action: 'delete' },
    { table: 'app.password_reset_tokens', column: 'user_id', action: 'delete' },
  ] as const;

  constructor(
    private readonly lockout: LockoutService,
    private readonly sessions: SessionsService,
  ) {
    super();
  }

  override async erase(userId: string, context: UserEraseContext) {
    const { manager, email } = context;
    const sessionIds = (
      (await manager.query(`SELECT id FROM app.app_sessions WHERE user_id = $1`, [userId])) as {
        id: string;
      }[]
    ).map((r) => r.id);
    const [, refreshTokens] = (await manager.query(
      `DELETE FROM app.refresh_tokens r USING app.app_sessions s
        WHERE r.session_id = s.id AND s.user_id = $1`,
      [userId],
    )) as [unknown, number];
    const { removed } = await super.erase(userId, context);
    removed['app.refresh_tokens'] = refreshTokens;
    const attemptKeys = [this.lockout.forSpace(ERASE_CONFIRMATION).accountKey(userId)];
    if (email) attemptKeys.push(this.lockout.accountKey(email));
    const [, attempts] = (await manager.query(
      `DELETE FROM app.login_attempts WHERE account_key = ANY($1)`,
      [attemptKeys],
    )) as [unknown, number];
    removed['app.login_attempts'] = attempts;
    if (email) {
      const [, mail] = (await manager.query(`DELETE FROM app.mail_outbox WHERE recipient = $1`, [
        email,
      ])) as [unknown, number];
      removed['app.mail_outbox'] = mail;
    }
    return {
      removed,
      outside: [
        {
          // Revoked at the start already; dropped again now the rows are gone.
          what: 'cached session states',
          run: async () => ({ cache_entries: await this.sessions.forget(sessionIds) }),
          verify: async () => ({ cache_entries: await this.sessions.cached(sessionIds) }),
        },
      ],
    };
  }
}
