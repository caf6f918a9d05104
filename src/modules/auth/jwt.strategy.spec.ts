import { jest } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import type { AppConfig } from '../../platform/config/config.js';
import type { SecretsService } from '../../platform/config/secrets.service.js';
import { AccountType, Role } from '../users/entities/user.entity.js';
import { SessionScope } from './entities/app-session.entity.js';
import { JwtStrategy } from './jwt.strategy.js';
import type { RevocationService } from './revocation.service.js';
import type { SessionStateRow } from './sessions.repository.js';
import type { SessionsService } from './sessions.service.js';
import { VerifiedTokens } from './verified-tokens.js';

const NOW = Math.floor(Date.now() / 1000);
const claims = { sub: 'user-1', sid: 'session-1', jti: 'jti-1', iat: NOW - 10, exp: NOW + 600 };

function liveState(over: Partial<SessionStateRow> = {}): SessionStateRow {
  return {
    id: 'session-1',
    userId: 'user-1',
    scope: SessionScope.PendingConsent,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    revoked: false,
    roles: [Role.Admin],
    accountType: AccountType.Regular,
    userActive: true,
    passwordChangedAt: NOW - 100,
    ...over,
  };
}

function strategy(state: SessionStateRow | null, revoked = false) {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const sessions = { state: jest.fn(async () => state) };
  const revocation = { isRevoked: jest.fn(async () => revoked) };
  const verified = new VerifiedTokens();
  const subject = new JwtStrategy(
    { env: { JWT_ISSUER: 'parley', JWT_AUDIENCE: 'parley-api' } } as AppConfig,
    { jwt: { publicKey } } as unknown as SecretsService,
    sessions as unknown as SessionsService,
    revocation as unknown as RevocationService,
    verified,
  );
  return { subject, sessions, revocation, verified };
}

describe('JwtStrategy', () => {
  it('remembers the exact token passport verified, then resolves its claims', async () => {
    const { subject, verified } = strategy(liveState());
    const req = { headers: { authorization: 'Bearer abc.def.ghi' } };
    expect(await subject.validate(req as never, claims)).toMatchObject({ userId: 'user-1' });
    expect(verified.lookup('abc.def.ghi')).toEqual(claims);
    expect(verified.lookup('abc.def.ghj')).toBeUndefined();
  });

  it('builds the caller from the live session, not from the token', async () => {
    const { subject } = strategy(liveState());
    expect(await subject.resolve(claims)).toEqual({
      userId: 'user-1',
      sessionId: 'session-1',
      scope: SessionScope.PendingConsent,
      roles: [Role.Admin],
      accountType: AccountType.Regular,
      jti: 'jti-1',
      exp: claims.exp,
    });
  });

  it('stops at a revoked JTI without reading the session', async () => {
    const { subject, sessions } = strategy(liveState(), true);
    expect(await subject.resolve(claims)).toBe(false);
    expect(sessions.state).not.toHaveBeenCalled();
  });

  it.each<[string, SessionStateRow | null]>([
    ['an unknown session', null],
    ['a revoked session', liveState({ revoked: true })],
    ['a disabled user', liveState({ userActive: false })],
    ['another user’s session', liveState({ userId: 'user-2' })],
    ['an expired session', liveState({ expiresAt: new Date(Date.now() - 1000).toISOString() })],
    ['a token older than the last password change', liveState({ passwordChangedAt: NOW })],
  ])('rejects %s', async (_label, state) => {
    expect(await strategy(state).subject.resolve(claims)).toBe(false);
  });

  it('rejects tokens missing a claim it relies on', async () => {
    const { subject, revocation } = strategy(liveState());
    expect(await subject.resolve({ ...claims, sid: '' })).toBe(false);
    expect(revocation.isRevoked).not.toHaveBeenCalled();
  });
});
