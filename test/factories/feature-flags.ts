import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Actors } from '../../src/modules/audit/audit.service.js';
import { Role } from '../../src/modules/users/entities/user.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { registerFullUser, type TestUser } from './identity.js';

/** A flag name no other test uses. */
export function uniqueFlagName(label = 'flag'): string {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

/** A FULL user with the admin role (granted as the command line would). */
export async function registerAdmin(app: INestApplication): Promise<TestUser> {
  const user = await registerFullUser(app);
  await app.get(UsersService).grantRole(user.id, Role.Admin, Actors.cli());
  return user;
}

export async function createFlag(
  app: INestApplication,
  admin: TestUser,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await request(app.getHttpServer())
    .post('/v1/admin/feature-flags')
    .set(admin.auth)
    .send(body)
    .expect(201);
  return res.body as Record<string, unknown>;
}
