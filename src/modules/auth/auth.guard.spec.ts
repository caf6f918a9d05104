import { jest } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { AccountType, Role } from '../users/entities/user.entity.js';
import type { AuthContext } from './auth-context.js';
import { ACCESS_KEY } from '../../platform/access/access-rule.js';
import type { AccessTicketsService } from './access-tickets.service.js';
import { ALL_SCOPES, PUBLIC_KEY, ROLES_KEY, SCOPES_KEY, TICKET_KEY } from './auth.decorators.js';
import { AuthGuard } from './auth.guard.js';
import { SessionScope } from './entities/app-session.entity.js';
import type { JwtStrategy } from './jwt.strategy.js';
import { VerifiedTokens } from './verified-tokens.js';

const NOW = Math.floor(Date.now() / 1000);
const CLAIMS = { sub: 'u1', sid: 's1', jti: 'j1', iat: NOW - 5, exp: NOW + 600 };

function guardWith(
  meta: Record<string, unknown>,
  verified = new VerifiedTokens(),
  resolve: (claims: unknown) => Promise<AuthContext | false> = async () => {
    throw new Error('unexpected resolve');
  },
  redeem: (ticket: string, kind: string, id: string) => Promise<AuthContext> = async () => {
    throw new Error('unexpected redeem');
  },
): AuthGuard {
  return new AuthGuard(
    reflector(meta),
    verified,
    { resolve } as unknown as JwtStrategy,
    {
      redeem,
    } as unknown as AccessTicketsService,
  );
}

const passport = Object.getPrototypeOf(AuthGuard.prototype) as {
  canActivate: () => Promise<boolean>;
};

function reflector(meta: Record<string, unknown>): Reflector {
  return { getAllAndOverride: jest.fn((key: string) => meta[key]) } as unknown as Reflector;
}

function context(
  user?: Partial<AuthContext>,
  authorization?: string,
  query: Record<string, unknown> = {},
): ExecutionContext {
  const request: {
    headers: Record<string, string>;
    user?: AuthContext;
    query: Record<string, unknown>;
    params: Record<string, string>;
  } = {
    headers: authorization ? { authorization } : {},
    query,
    params: { id: 'r1' },
    user: user && {
      userId: 'u1',
      sessionId: 's1',
      scope: SessionScope.Full,
      roles: [],
      accountType: AccountType.Regular,
      jti: 'j1',
      exp: 0,
      ...user,
    },
  };
  return {
    getType: () => 'http',
    getHandler: () => function handler() {},
    getClass: () => class Controller {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'passed'> {
  try {
    await promise;
    return 'passed';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

describe('AuthGuard', () => {
  let verify: ReturnType<typeof jest.spyOn>;

  beforeEach(() => {
    verify = jest.spyOn(passport, 'canActivate').mockResolvedValue(true);
  });

  afterEach(() => verify.mockRestore());

  it('lets @Public() routes through without looking at a token', async () => {
    const guard = guardWith({ [PUBLIC_KEY]: true });
    expect(await guard.canActivate(context())).toBe(true);
    expect(verify).not.toHaveBeenCalled();
  });

  it('requires FULL when a route names no scope', async () => {
    const guard = guardWith({});
    expect(await codeOf(guard.canActivate(context({ scope: SessionScope.Onboarding })))).toBe(
      ErrorCode.InsufficientScope,
    );
    expect(await codeOf(guard.canActivate(context({ scope: SessionScope.Full })))).toBe('passed');
  });

  it('answers in every scope a route names', async () => {
    const guard = guardWith({ [SCOPES_KEY]: ALL_SCOPES });
    for (const scope of ALL_SCOPES) {
      expect(await codeOf(guard.canActivate(context({ scope })))).toBe('passed');
    }
  });

  it('hides role-gated routes (404) before looking at the scope', async () => {
    const guard = guardWith({ [ROLES_KEY]: [Role.Admin] });
    expect(await codeOf(guard.canActivate(context({ scope: SessionScope.Onboarding })))).toBe(
      ErrorCode.NotFound,
    );
    expect(await codeOf(guard.canActivate(context({ roles: [Role.Admin] })))).toBe('passed');
  });

  it('turns any authentication failure into a 401 with WWW-Authenticate', () => {
    const guard = guardWith({});
    try {
      guard.handleRequest(new Error('jwt expired'), undefined);
      throw new Error('expected a failure');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe(ErrorCode.Unauthorized);
      expect((err as DomainError).headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
    }
    expect(() => guard.handleRequest(null, false)).toThrow(DomainError);
  });

  it('skips the signature check for a token verified before, and still resolves the session', async () => {
    const verified = new VerifiedTokens();
    verified.remember('tok', CLAIMS);
    const resolve = jest.fn(async () => ({ scope: SessionScope.Full, roles: [] }) as never);
    const guard = guardWith({}, verified, resolve);
    expect(await codeOf(guard.canActivate(context(undefined, 'Bearer tok')))).toBe('passed');
    expect(verify).not.toHaveBeenCalled();
    expect(resolve).toHaveBeenCalledWith(CLAIMS);
  });

  it('refuses a remembered token whose session no longer resolves', async () => {
    const verified = new VerifiedTokens();
    verified.remember('tok', CLAIMS);
    const guard = guardWith({}, verified, async () => false);
    expect(await codeOf(guard.canActivate(context(undefined, 'Bearer tok')))).toBe(
      ErrorCode.Unauthorized,
    );
  });

  it('verifies again once a remembered token has expired', async () => {
    const verified = new VerifiedTokens();
    verified.remember('tok', { ...CLAIMS, exp: NOW - 1 });
    const guard = guardWith({}, verified);
    await codeOf(guard.canActivate(context({}, 'Bearer tok')));
    expect(verify).toHaveBeenCalledTimes(1);
  });

  describe('tickets', () => {
    const ticketRoute = { [TICKET_KEY]: true, [ACCESS_KEY]: { kind: 'stream', param: 'id' } };
    const ticketUser = (scope = SessionScope.Full) =>
      ({ userId: 'u1', scope, roles: [] }) as unknown as AuthContext;

    it('redeems ?ticket= for the resource the route names, then checks the scope', async () => {
      const redeem = jest.fn(async () => ticketUser());
      const guard = guardWith(ticketRoute, undefined, undefined, redeem);
      expect(await codeOf(guard.canActivate(context(undefined, undefined, { ticket: 't' })))).toBe(
        'passed',
      );
      expect(redeem).toHaveBeenCalledWith('t', 'stream', 'r1');
      expect(verify).not.toHaveBeenCalled();
      const below = guardWith(ticketRoute, undefined, undefined, async () =>
        ticketUser(SessionScope.Onboarding),
      );
      expect(await codeOf(below.canActivate(context(undefined, undefined, { ticket: 't' })))).toBe(
        ErrorCode.InsufficientScope,
      );
    });

    it('ignores ?ticket= on a route that takes none (the header decides)', async () => {
      const guard = guardWith({ [ACCESS_KEY]: { kind: 'stream', param: 'id' } });
      verify.mockResolvedValue(false);
      await codeOf(guard.canActivate(context({}, undefined, { ticket: 't' })));
      expect(verify).toHaveBeenCalledTimes(1);
    });

    it('refuses a ticket beside an Authorization header, and a repeated ticket', async () => {
      const guard = guardWith(ticketRoute);
      expect(
        await codeOf(guard.canActivate(context(undefined, 'Bearer tok', { ticket: 't' }))),
      ).toBe(ErrorCode.ValidationFailed);
      expect(
        await codeOf(guard.canActivate(context(undefined, undefined, { ticket: ['t', 'u'] }))),
      ).toBe(ErrorCode.InvalidToken);
      expect(verify).not.toHaveBeenCalled();
    });
  });
});
