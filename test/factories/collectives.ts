import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { PROFILE, startFullGuest, startGuest, type TestUser } from './identity.js';

const http = (app: INestApplication) => request(app.getHttpServer());

/** A collective of `owner` (who becomes its owner), through the real endpoint. */
export async function createCollective(
  app: INestApplication,
  owner: TestUser,
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = await http(app)
    .post('/v1/collectives')
    .set(owner.auth)
    .send({ name: 'The Testers', type: 'family', ...body });
  if (res.status !== 201)
    throw new Error(`create answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function createInvitation(
  app: INestApplication,
  manager: TestUser,
  collectiveId: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; token: string }> {
  const res = await http(app)
    .post(`/v1/collectives/${collectiveId}/invitations`)
    .set(manager.auth)
    .send(body);
  if (res.status !== 201)
    throw new Error(`invite answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, token: res.body.token as string };
}

/** A new FULL user who joined the collective through an invitation: a member. */
export async function addMember(
  app: INestApplication,
  manager: TestUser,
  collectiveId: string,
  role: 'member' | 'admin' | 'owner' = 'member',
  user?: TestUser,
): Promise<TestUser> {
  const member = user ?? (await startFullGuest(app));
  const { token } = await createInvitation(app, manager, collectiveId);
  await http(app).post(`/v1/invitations/${token}/accept`).set(member.auth).expect(200);
  if (role !== 'member') {
    await http(app)
      .patch(`/v1/collectives/${collectiveId}/members/${member.id}`)
      .set(manager.auth)
      .send({ role })
      .expect(200);
  }
  return member;
}

/** Turns a user into a parent account (consent is approved by parents only). */
export async function makeParent(app: INestApplication, user: TestUser): Promise<TestUser> {
  await http(app).patch('/v1/me').set(user.auth).send({ user_type: 'parent' }).expect(200);
  return user;
}

/** A teenager with a complete profile who has not accepted the terms yet (PENDING_CONSENT). */
export async function startTeen(app: INestApplication, terms = true): Promise<TestUser> {
  const teen = await startGuest(app);
  await http(app)
    .patch('/v1/me')
    .set(teen.auth)
    .send({ ...PROFILE, user_type: 'teenager' })
    .expect(200);
  if (terms) await http(app).post('/v1/consent/terms').set(teen.auth).expect(200);
  return teen;
}

export async function requestParentalConsent(
  app: INestApplication,
  teen: TestUser,
  parentEmail = 'parent@example.test',
): Promise<string> {
  const res = await http(app)
    .post('/v1/consent/parental-requests')
    .set(teen.auth)
    .send({ parent_email: parentEmail })
    .expect(201);
  return res.body.token as string;
}

/** A teenager linked to `parent` by an approved request; returns the teen. */
export async function linkChild(app: INestApplication, parent: TestUser): Promise<TestUser> {
  await makeParent(app, parent);
  const teen = await startTeen(app);
  const token = await requestParentalConsent(app, teen);
  await http(app)
    .post(`/v1/consent/parental-requests/${token}/approve`)
    .set(parent.auth)
    .expect(200);
  return teen;
}
