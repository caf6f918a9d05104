import { DomainEvents } from '../../platform/events/domain-events.js';
import {
  ErasesUserData,
  eraseColumns,
  rescopeStep,
  type ErasedColumns,
  type UserEraseContext,
  type UserEraser,
} from '../../platform/erasure/index.js';

/**
 * Consents given and received. A parent's erasure takes the consent they gave
 * with it: their children's data stays, but the children's sessions drop to
 * PENDING_CONSENT at once (as `DELETE /v1/consent/children/{id}` does) until
 * another parent consents. Requests addressed to the parent's email go too.
 */
@ErasesUserData({ order: 50 })
export class ConsentErasure implements UserEraser {
  readonly columns: ErasedColumns = [
    { table: 'app.user_consents', column: 'user_id', action: 'delete' },
    { table: 'app.parental_consents', column: 'parent_id', action: 'delete' },
    { table: 'app.parental_consents', column: 'teenager_id', action: 'delete' },
    { table: 'app.parental_requests', column: 'teenager_id', action: 'delete' },
    { table: 'app.parental_requests', column: 'approved_by', action: 'delete' },
  ];

  constructor(private readonly events: DomainEvents) {}

  async erase(userId: string, { manager, email }: UserEraseContext) {
    const children = (
      (await manager.query(`SELECT teenager_id FROM app.parental_consents WHERE parent_id = $1`, [
        userId,
      ])) as { teenager_id: string }[]
    ).map((r) => r.teenager_id);
    const removed = await eraseColumns(manager, this.columns, userId);
    if (email) {
      const [, addressed] = (await manager.query(
        `DELETE FROM app.parental_requests WHERE parent_email = $1`,
        [email],
      )) as [unknown, number];
      removed['app.parental_requests'] = (removed['app.parental_requests'] ?? 0) + addressed;
    }
    return {
      removed,
      outside: [rescopeStep(this.events, children, 'child(ren)')],
    };
  }
}
