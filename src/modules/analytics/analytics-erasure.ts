import { ColumnEraser, ErasesUserData, type UserEraser } from '../../platform/erasure/index.js';

/** Analyses of the user's conversations go with them; what is left names the user as owner. */
@ErasesUserData({ order: 20 })
export class AnalyticsErasure extends ColumnEraser implements UserEraser {
  readonly columns = [
    { table: 'app.conversation_analytics', column: 'owner_id', action: 'delete' },
  ] as const;
}
