import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CacheService } from '../../platform/cache/cache.service.js';
import { isUniqueViolation } from '../../platform/database/pg-errors.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { Actors, AuditService, type AuditActor } from '../audit/audit.service.js';
import { MeDto } from './dto/profile.dto.js';
import { AccountType, AgeClass, Role, User, UserType } from './entities/user.entity.js';
import { UsersRepository, type ProfilePatch } from './users.repository.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A minor: a teenager by type, or a child/preteen/teenager by age class (seed 001). */
export function isMinor(user: Pick<User, 'userType' | 'ageClass'>): boolean {
  return (
    user.userType === UserType.Teenager ||
    [AgeClass.Child, AgeClass.Preteen, AgeClass.Teenager].includes(user.ageClass as AgeClass)
  );
}

export function isProfileComplete(user: Pick<User, 'name' | 'language' | 'userType'>): boolean {
  return Boolean(user.name && user.language && user.userType);
}

/** The profile as GET /v1/me shows it, cached: read on every page load of every client. */
const PROFILE_TTL_SECONDS = 60;
const profileKey = (id: string) => `user:profile:${id}`;

@Injectable()
export class UsersService implements OnModuleInit {
  constructor(
    private readonly users: UsersRepository,
    private readonly events: DomainEvents,
    private readonly cache: CacheService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    // Every change to what the profile shows emits one of these (profile, roles, consent, erase).
    const forget = async ({ userId }: { userId: string }) => {
      await this.forgetProfile(userId);
    };
    this.events.on('user.scope-inputs-changed', forget);
    this.events.on('user.deactivated', forget);
  }

  async profile(id: string): Promise<MeDto> {
    const cached = await this.cache.get<MeDto>(profileKey(id));
    if (cached) return cached;
    const profile = MeDto.from(await this.get(id));
    await this.cache.set(profileKey(id), profile, PROFILE_TTL_SECONDS);
    return profile;
  }

  /** Drops the cached profile on every instance; whether one was cached. */
  async forgetProfile(id: string): Promise<number> {
    return this.cache.del(profileKey(id));
  }

  /** Whether a profile is cached (verification after an erase). */
  async profileCached(id: string): Promise<number> {
    return (await this.cache.getMany([profileKey(id)]))[0] === undefined ? 0 : 1;
  }

  async get(id: string, manager?: EntityManager): Promise<User> {
    const user = await this.users.findById(id, manager);
    if (!user) throw DomainError.notFound('User');
    return user;
  }

  find(id: string, manager?: EntityManager): Promise<User | null> {
    return this.users.findById(id, manager);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(normaliseEmail(email));
  }

  async createRegular(
    input: { email: string; passwordHash: string | null; profile?: ProfilePatch; roles?: Role[] },
    manager?: EntityManager,
  ): Promise<User> {
    try {
      return await this.users.insert(
        {
          id: uuidv7(),
          email: normaliseEmail(input.email),
          passwordHash: input.passwordHash,
          accountType: AccountType.Regular,
          roles: input.roles ?? [],
          passwordChangedAt: input.passwordHash ? new Date() : null,
          ...input.profile,
        },
        manager,
      );
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError(ErrorCode.EmailTaken, 'An account with this email already exists.');
      }
      throw err;
    }
  }

  createGuest(profile: ProfilePatch = {}, manager?: EntityManager): Promise<User> {
    return this.users.insert(
      { id: uuidv7(), accountType: AccountType.Guest, roles: [], ...profile },
      manager,
    );
  }

  /** Identity-provider-only account: no email, no password. */
  createExternal(
    profile: ProfilePatch & { email?: string | null },
    manager?: EntityManager,
  ): Promise<User> {
    const { email, ...rest } = profile;
    return this.users.insert(
      {
        id: uuidv7(),
        accountType: AccountType.Regular,
        roles: [],
        email: email ? normaliseEmail(email) : null,
        ...rest,
      },
      manager,
    );
  }

  async updateProfile(id: string, patch: ProfilePatch): Promise<User> {
    await this.users.updateProfile(id, patch);
    await this.events.emit('user.scope-inputs-changed', { userId: id });
    return this.get(id);
  }

  setPassword(
    id: string,
    passwordHash: string,
    changedAt: Date,
    manager?: EntityManager,
  ): Promise<void> {
    return this.users.setPassword(id, passwordHash, changedAt, manager);
  }

  async upgradeGuest(
    id: string,
    email: string,
    passwordHash: string,
    manager?: EntityManager,
  ): Promise<void> {
    try {
      if (!(await this.users.upgradeGuest(id, normaliseEmail(email), passwordHash, manager))) {
        throw new DomainError(ErrorCode.NotAGuest, 'Only a guest account can be upgraded.');
      }
      await this.forgetProfile(id);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError(ErrorCode.EmailTaken, 'An account with this email already exists.');
      }
      throw err;
    }
  }

  /**
   * An external identity's later sign-in: its name and email when it has them,
   * unless another account holds that address (then the stored one stays).
   */
  async refreshExternalProfile(
    id: string,
    profile: { name: string | null; email: string | null },
  ): Promise<void> {
    const email = profile.email ? normaliseEmail(profile.email) : null;
    const free = email !== null && !(await this.users.emailExistsForOther(email, id));
    await this.users.setExternalProfile(id, {
      ...(profile.name ? { name: profile.name } : {}),
      ...(free ? { email } : {}),
    });
    await this.forgetProfile(id);
  }

  /** Grants a role (audited when it changes anything); live sessions follow at once. */
  async grantRole(id: string, role: Role, actor: AuditActor = Actors.system()): Promise<void> {
    await this.changeRole(id, role, actor, 'grant');
  }

  async revokeRole(id: string, role: Role, actor: AuditActor = Actors.system()): Promise<void> {
    await this.changeRole(id, role, actor, 'revoke');
  }

  private async changeRole(
    id: string,
    role: Role,
    actor: AuditActor,
    verb: 'grant' | 'revoke',
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      const change =
        verb === 'grant'
          ? await this.users.addRole(id, role, manager)
          : await this.users.removeRole(id, role, manager);
      if (!change) return;
      await this.audit.record(
        {
          actor,
          action: `role.${verb}`,
          target: { type: 'user', id },
          before: { roles: change.before },
          after: { roles: change.after },
        },
        manager,
      );
    });
    await this.events.emit('user.scope-inputs-changed', { userId: id });
  }

  findByIdpLogin(idp: string, loginId: string, manager?: EntityManager): Promise<User | null> {
    return this.users.findByIdpLogin(idp, loginId, manager);
  }

  linkIdp(idp: string, loginId: string, userId: string, manager?: EntityManager): Promise<boolean> {
    return this.users.linkIdp(idp, loginId, userId, manager);
  }

  emailExists(email: string, manager?: EntityManager): Promise<boolean> {
    return this.users.emailExists(normaliseEmail(email), manager);
  }

  /** The account can no longer sign in; its live sessions end at once. */
  async disable(id: string): Promise<void> {
    await this.users.disable(id);
    await this.events.emit('user.deactivated', { userId: id });
  }

  touchLastSeen(id: string): Promise<void> {
    return this.users.touchLastSeen(id);
  }
}
