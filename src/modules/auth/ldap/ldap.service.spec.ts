import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';
import { Role, type User } from '../../users/entities/user.entity.js';
import type { UsersService } from '../../users/users.service.js';
import type { AuthService } from '../auth.service.js';
import { SessionOrigin } from '../entities/app-session.entity.js';
import type { LockoutService } from '../lockout.service.js';
import {
  DirectoryUnavailableError,
  type DirectoryUser,
  type LdapDirectory,
} from './ldap-directory.js';
import { LdapService } from './ldap.service.js';

const ENTRY: DirectoryUser = {
  id: '6f1c0000-0000-4000-8000-000000000001',
  dn: 'uid=alice,ou=people,dc=x',
  email: 'alice@example.com',
  name: 'Alice',
  admin: false,
};
const USER = { id: 'u-1', roles: [Role.Admin], disabledAt: null } as unknown as User;

/** Strict: only what a case provides exists; any other call fails it. */
function setup(
  directory: Partial<Record<keyof LdapDirectory, unknown>>,
  users: Partial<Record<keyof UsersService, unknown>> = {},
) {
  const lockout = {
    accountKey: jest.fn((name: string) => `key:${name}`),
    assertAllowed: jest.fn(async () => undefined),
    record: jest.fn(async () => undefined),
  };
  const auth = { signInExternal: jest.fn(async () => ({ access_token: 't' })) };
  const service = new LdapService(
    {} as DataSource,
    { enabled: true, ...directory } as unknown as LdapDirectory,
    lockout as unknown as LockoutService,
    users as unknown as UsersService,
    auth as unknown as AuthService,
  );
  const login = (password = 'pw') =>
    service.login('alice', password, '10.0.0.1', SessionOrigin.Api, {});
  return { service, lockout, auth, login };
}

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('LdapService.login', () => {
  it('refuses an empty password without asking the directory, and counts the failure', async () => {
    const authenticate = jest.fn();
    const { login, lockout } = setup({ authenticate });
    expect((await failure(login(''))).code).toBe(ErrorCode.InvalidCredentials);
    expect(authenticate).not.toHaveBeenCalled();
    expect(lockout.record).toHaveBeenCalledWith('key:ldap:alice', '10.0.0.1', false);
  });

  it('answers an unknown user and a wrong password alike', async () => {
    const { login } = setup({ authenticate: jest.fn(async () => null) });
    const err = await failure(login());
    expect([err.code, err.message]).toEqual([
      ErrorCode.InvalidCredentials,
      'The username or password is wrong.',
    ]);
  });

  it('checks the lockout before the directory', async () => {
    const authenticate = jest.fn();
    const { login, lockout } = setup({ authenticate });
    lockout.assertAllowed.mockRejectedValueOnce(
      new DomainError(ErrorCode.AccountLocked, 'locked') as never,
    );
    expect((await failure(login())).code).toBe(ErrorCode.AccountLocked);
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('maps an unreachable directory to 503 without recording a failure', async () => {
    const { login, lockout } = setup({
      authenticate: jest.fn(async () => {
        throw new DirectoryUnavailableError('down');
      }),
    });
    expect((await failure(login())).code).toBe(ErrorCode.ServiceUnavailable);
    expect(lockout.record).not.toHaveBeenCalled();
  });

  it('refreshes a linked user and revokes the admin role the group no longer grants', async () => {
    const users = {
      findByIdpLogin: jest.fn(async () => USER),
      refreshExternalProfile: jest.fn(async () => undefined),
      revokeRole: jest.fn(async () => undefined),
      get: jest.fn(async () => USER),
    };
    const { login, auth, lockout } = setup({ authenticate: jest.fn(async () => ENTRY) }, users);
    await login();
    expect(users.findByIdpLogin).toHaveBeenCalledWith('ldap', ENTRY.id);
    expect(users.refreshExternalProfile).toHaveBeenCalledWith('u-1', ENTRY);
    expect(users.revokeRole).toHaveBeenCalledWith('u-1', Role.Admin);
    expect(lockout.record).toHaveBeenCalledWith('key:ldap:alice', '10.0.0.1', true);
    expect(auth.signInExternal).toHaveBeenCalledWith(USER, SessionOrigin.Api, {}, undefined);
  });

  it('leaves roles alone when no admin group is configured', async () => {
    const users = {
      findByIdpLogin: jest.fn(async () => USER),
      refreshExternalProfile: jest.fn(async () => undefined),
      get: jest.fn(async () => USER),
    };
    const { login, auth } = setup(
      { authenticate: jest.fn(async () => ({ ...ENTRY, admin: null })) },
      users,
    );
    // grantRole and revokeRole do not exist here: calling either would throw.
    await login();
    expect(auth.signInExternal).toHaveBeenCalledTimes(1);
  });

  it('answers 404 while LDAP is not configured', async () => {
    const { login } = setup({ enabled: false });
    expect((await failure(login())).code).toBe(ErrorCode.NotFound);
  });
});
