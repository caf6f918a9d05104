import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';
import { Role, UserType, type User } from '../../users/entities/user.entity.js';
import { UsersService } from '../../users/users.service.js';
import { AuthService, type IssuedTokens } from '../auth.service.js';
import type { SessionOrigin } from '../entities/app-session.entity.js';
import { LockoutService } from '../lockout.service.js';
import type { SessionCapabilities } from '../request-context.js';
import { DirectoryUnavailableError, LdapDirectory, type DirectoryUser } from './ldap-directory.js';

/** The IdP link's name for directory accounts. */
export const LDAP_IDP = 'ldap';
/** Directory accounts start with a complete profile (adult); the user may change the language. */
const DEFAULT_LANGUAGE = 'en';

/** Sign-in against the configured directory: lockout, bind, then the linked Parley account. */
@Injectable()
export class LdapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: LdapDirectory,
    private readonly lockout: LockoutService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  async login(
    username: string,
    password: string,
    ip: string,
    origin: SessionOrigin,
    capabilities: SessionCapabilities,
    mergeFrom?: string,
  ): Promise<IssuedTokens> {
    if (!this.directory.enabled) {
      throw new DomainError(ErrorCode.NotFound, 'LDAP sign-in is not configured on this server.');
    }
    const accountKey = this.lockout.accountKey(`ldap:${username}`);
    await this.lockout.assertAllowed(accountKey, ip);
    // An empty password would be an unauthenticated bind, which directories accept.
    const entry = password === '' ? null : await this.authenticate(username, password);
    const user = entry ? await this.linkedUser(entry) : null;
    await this.lockout.record(accountKey, ip, Boolean(user && !user.disabledAt));
    if (!user || user.disabledAt) {
      throw new DomainError(ErrorCode.InvalidCredentials, 'The username or password is wrong.');
    }
    return this.auth.signInExternal(user, origin, capabilities, mergeFrom);
  }

  private async authenticate(username: string, password: string): Promise<DirectoryUser | null> {
    try {
      return await this.directory.authenticate(username, password);
    } catch (err) {
      if (err instanceof DirectoryUnavailableError) {
        throw new DomainError(ErrorCode.ServiceUnavailable, 'The directory cannot be reached.');
      }
      throw err;
    }
  }

  /** The linked account, created on first sign-in; name, email and admin role follow the directory. */
  private async linkedUser(entry: DirectoryUser): Promise<User> {
    const existing = await this.users.findByIdpLogin(LDAP_IDP, entry.id);
    const user = existing ?? (await this.firstLogin(entry));
    if (existing) await this.users.refreshExternalProfile(user.id, entry);
    if (entry.admin === true && !user.roles.includes(Role.Admin)) {
      await this.users.grantRole(user.id, Role.Admin);
    } else if (entry.admin === false && user.roles.includes(Role.Admin)) {
      await this.users.revokeRole(user.id, Role.Admin);
    }
    return this.users.get(user.id);
  }

  private async firstLogin(entry: DirectoryUser): Promise<User> {
    const created = await this.dataSource
      .transaction(async (manager) => {
        // The directory vouches for its addresses, but one another account holds is not ours.
        const email =
          entry.email && !(await this.users.emailExists(entry.email, manager)) ? entry.email : null;
        const user = await this.users.createExternal(
          {
            email,
            name: entry.name,
            userType: UserType.Adult,
            language: DEFAULT_LANGUAGE,
          },
          manager,
        );
        if (!(await this.users.linkIdp(LDAP_IDP, entry.id, user.id, manager))) throw new LostRace();
        return user;
      })
      .catch((err: unknown) => {
        if (err instanceof LostRace) return null;
        throw err;
      });
    return created ?? (await this.users.findByIdpLogin(LDAP_IDP, entry.id))!;
  }
}

class LostRace extends Error {}
