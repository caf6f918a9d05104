import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErasesUserData,
  type ErasedColumns,
  type UserEraseContext,
  type UserEraser,
} from '../../platform/erasure/index.js';

/**
 * The audit log keeps its entries (append-only), but after an erasure none
 * names the person: where they acted, or were acted upon, the erasure's
 * pseudonym stands instead, the same one the erasure's own entry carries.
 */
@ErasesUserData({ order: 90 })
export class AuditErasure implements UserEraser {
  readonly columns: ErasedColumns = [
    { table: 'app.audit_log', column: 'actor_id', action: 'pseudonymise' },
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async erase(userId: string, { manager, pseudonym }: UserEraseContext) {
    const [row] = (await manager.query(`SELECT app.audit_pseudonymise($1, $2) AS n`, [
      userId,
      pseudonym,
    ])) as { n: number }[];
    return {
      pseudonymised: { 'app.audit_log': row!.n },
      outside: [
        {
          what: 'audit entries about the user',
          run: () => Promise.resolve({}),
          verify: async () => {
            const [left] = (await this.db.query(
              `SELECT count(*)::int AS n FROM app.audit_log WHERE target_type = 'user' AND target_id = $1`,
              [userId],
            )) as { n: number }[];
            return { 'app.audit_log': left!.n };
          },
        },
      ],
    };
  }
}
