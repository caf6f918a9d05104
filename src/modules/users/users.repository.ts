import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { AccountType, Role, User } from './entities/user.entity.js';

export interface RoleChange {
  before: Role[];
  after: Role[];
}

export type ProfilePatch = Partial<
  Pick<User, 'name' | 'language' | 'userType' | 'ageClass' | 'country' | 'school'>
>;

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  private repo(manager?: EntityManager): Repository<User> {
    return manager ? manager.getRepository(User) : this.users;
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  async insert(user: Partial<User> & { id: string }, manager?: EntityManager): Promise<User> {
    const entity = this.repo(manager).create(user);
    await this.repo(manager).insert(entity);
    return (await this.findById(user.id, manager))!;
  }

  async updateProfile(id: string, patch: ProfilePatch): Promise<void> {
    if (Object.keys(patch).length > 0) await this.users.update({ id }, patch);
  }

  async setPassword(
    id: string,
    passwordHash: string,
    changedAt: Date,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ id }, { passwordHash, passwordChangedAt: changedAt });
  }

  /** Guest -> regular, same id; false when the account is no longer a guest. */
  async upgradeGuest(
    id: string,
    email: string,
    passwordHash: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update(User)
      .set({
        email,
        passwordHash,
        accountType: AccountType.Regular,
        passwordChangedAt: () => 'now()',
      })
      .where('id = :id AND account_type = :guest', { id, guest: AccountType.Guest })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Adds the role unless held; the roles before and after, or null when nothing changed. */
  async addRole(id: string, role: Role, manager: EntityManager): Promise<RoleChange | null> {
    return this.changeRoles(
      `UPDATE app.users u SET roles = array_append(u.roles, $2), updated_at = now()
         FROM (SELECT roles FROM app.users WHERE id = $1 FOR UPDATE) old
        WHERE u.id = $1 AND NOT ($2 = ANY(u.roles))
        RETURNING old.roles AS before, u.roles AS after`,
      id,
      role,
      manager,
    );
  }

  async removeRole(id: string, role: Role, manager: EntityManager): Promise<RoleChange | null> {
    return this.changeRoles(
      `UPDATE app.users u SET roles = array_remove(u.roles, $2), updated_at = now()
         FROM (SELECT roles FROM app.users WHERE id = $1 FOR UPDATE) old
        WHERE u.id = $1 AND $2 = ANY(u.roles)
        RETURNING old.roles AS before, u.roles AS after`,
      id,
      role,
      manager,
    );
  }

  private async changeRoles(
    sql: string,
    id: string,
    role: Role,
    manager: EntityManager,
  ): Promise<RoleChange | null> {
    const [rows] = (await manager.query(sql, [id, role])) as [RoleChange[], number];
    return rows[0] ?? null;
  }

  async findByIdpLogin(
    idp: string,
    loginId: string,
    manager?: EntityManager,
  ): Promise<User | null> {
    const rows = (await (manager ?? this.users.manager).query(
      `SELECT user_id AS "userId" FROM app.idp_logins WHERE idp = $1 AND login_id = $2`,
      [idp, loginId],
    )) as { userId: string }[];
    return rows[0] ? this.findById(rows[0].userId, manager) : null;
  }

  /** Links an external identity; false when another user won a concurrent first login. */
  async linkIdp(
    idp: string,
    loginId: string,
    userId: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    const rows = (await (manager ?? this.users.manager).query(
      `INSERT INTO app.idp_logins (idp, login_id, user_id) VALUES ($1, $2, $3)
       ON CONFLICT (idp, login_id) DO NOTHING RETURNING user_id`,
      [idp, loginId, userId],
    )) as unknown[];
    return rows.length === 1;
  }

  async emailExistsForOther(email: string, id: string): Promise<boolean> {
    const rows = (await this.users.query(
      `SELECT 1 FROM app.users WHERE email = $1 AND id <> $2 LIMIT 1`,
      [email, id],
    )) as unknown[];
    return rows.length > 0;
  }

  async setExternalProfile(id: string, patch: { name?: string; email?: string }): Promise<void> {
    if (Object.keys(patch).length > 0) await this.users.update({ id }, patch);
  }

  async emailExists(email: string, manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).existsBy({ email });
  }

  async disable(id: string): Promise<void> {
    await this.users.update({ id }, { disabledAt: () => 'now()' });
  }

  /** Whether there was a row to delete. */
  async delete(id: string, manager?: EntityManager): Promise<boolean> {
    return ((await this.repo(manager).delete({ id })).affected ?? 0) > 0;
  }

  async touchLastSeen(id: string): Promise<void> {
    await this.users.update({ id }, { lastSeenAt: () => 'now()' });
  }
}
