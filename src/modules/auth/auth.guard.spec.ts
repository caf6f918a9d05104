import { jest } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { AccountType, Role } from '../users/entities/user.entity.js';
import type { AuthContext } from './auth-context.js';
import { ALL_SCOPES, PUBLIC_KEY, ROLES_KEY, SCOPES_KEY } from './auth.decorators.js';
import { AuthGuard } from './auth.guard.js';
import { SessionScope } from './entities/app-session.entity.js';

const passport = Object.getPrototypeOf(AuthGuard.prototype) as {
  canActivate: () => Promise<boolean>;
};

function reflector(meta: Record<string, unknown>): Reflector {
  return { getAllAndOverride: jest.fn((key: string) => meta[key]) } as unknown as Reflector;
}

function context(user?: Partial<AuthContext>): ExecutionContext {
  const request = {
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
    const guard = new AuthGuard(reflector({ [PUBLIC_KEY]: true }));
    expect(await guard.canActivate(context())).toBe(true);
    expect(verify).not.toHaveBeenCalled();
  });

  it('requires FULL when a route names no scope', async () => {
    const guard = new AuthGuard(reflector({}));
    expect(await codeOf(guard.canActivate(context({ scope: SessionScope.Onboarding })))).toBe(
      ErrorCode.InsufficientScope,
    );
    expect(await codeOf(guard.canActivate(context({ scope: SessionScope.Full })))).toBe('passed');
  });

  it('answers in every scope a route names', async () => {
    const guard = new AuthGuard(reflector({ [SCOPES_KEY]: ALL_SCOPES }));
    for (const scope of ALL_SCOPES) {
      expect(await codeOf(guard.canActivate(context({ scope })))).toBe('passed');
    }
  });

  it('hides role-gated routes (404) before looking at the scope', async () => {
    const guard = new AuthGuard(reflector({ [ROLES_KEY]: [Role.Admin] }));
    expect(await codeOf(guard.canActivate(context({ scope: SessionScope.Onboarding })))).toBe(
      ErrorCode.NotFound,
    );
    expect(await codeOf(guard.canActivate(context({ roles: [Role.Admin] })))).toBe('passed');
  });

  it('turns any authentication failure into a 401 with WWW-Authenticate', () => {
    const guard = new AuthGuard(reflector({}));
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
});
