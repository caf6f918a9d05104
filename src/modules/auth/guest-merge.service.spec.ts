import { AccountType } from '../users/entities/user.entity.js';
import type { AuthContext } from './auth-context.js';
import { SessionScope } from './entities/app-session.entity.js';
import { mergeDecision } from './guest-merge.service.js';
import { USER_LINKED_COLUMNS } from './user-linked-columns.js';

const caller = (userId: string, accountType: AccountType): AuthContext => ({
  userId,
  sessionId: 's',
  scope: SessionScope.Full,
  roles: [],
  accountType,
  jti: 'j',
  exp: 0,
});

describe('mergeDecision', () => {
  it('merges a live guest of another user', () => {
    const guest = caller('g', AccountType.Guest);
    expect(mergeDecision({ kind: 'valid', caller: guest }, 'a')).toEqual({ kind: 'guest', guest });
  });

  it('names why it does not merge', () => {
    expect(mergeDecision({ kind: 'none' }, 'a')).toEqual({ kind: 'none' });
    expect(mergeDecision({ kind: 'invalid' }, 'a')).toEqual({
      kind: 'skip',
      reason: 'invalid-token',
    });
    expect(mergeDecision({ kind: 'valid', caller: caller('r', AccountType.Regular) }, 'a')).toEqual(
      { kind: 'skip', reason: 'not-a-guest' },
    );
    expect(mergeDecision({ kind: 'valid', caller: caller('a', AccountType.Regular) }, 'a')).toEqual(
      { kind: 'skip', reason: 'same-account' },
    );
  });
});

describe('USER_LINKED_COLUMNS', () => {
  it('gives every conflict-settling rule its key, and lists each column once', () => {
    for (const c of USER_LINKED_COLUMNS) {
      const settles = c.policy === 'move-unless-held' || c.policy === 'newer-wins';
      expect([c.table, c.column, settles]).toEqual([
        c.table,
        c.column,
        Boolean(c.conflict?.length),
      ]);
    }
    const names = USER_LINKED_COLUMNS.map((c) => `${c.table}.${c.column}`);
    expect(new Set(names).size).toBe(names.length);
  });
});
