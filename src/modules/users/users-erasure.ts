import { UsersService } from './users.service.js';
import {
  ColumnEraser,
  ErasesUserData,
  type UserEraseContext,
  type UserEraser,
} from '../../platform/erasure/index.js';

/**
 * The account itself, last: its provider keys, its identity-provider links (so
 * a trusted client's next sign-in with the same login id starts a new, empty
 * account), then the row, and its cached profile once that is gone.
 */
@ErasesUserData({ order: 1000 })
export class UsersErasure extends ColumnEraser implements UserEraser {
  readonly columns = [
    { table: 'app.user_api_keys', column: 'user_id', action: 'delete' },
    { table: 'app.idp_logins', column: 'user_id', action: 'delete' },
    { table: 'app.users', column: 'id', action: 'delete' },
  ] as const;

  constructor(private readonly users: UsersService) {
    super();
  }

  override async erase(userId: string, context: UserEraseContext) {
    const { removed } = await super.erase(userId, context);
    return {
      removed,
      outside: [
        {
          what: 'cached profile',
          run: async () => ({ cache_entries: await this.users.forgetProfile(userId) }),
          verify: async () => ({ cache_entries: await this.users.profileCached(userId) }),
        },
      ],
    };
  }
}
