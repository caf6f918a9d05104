import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  session: { id: string; scope: string; origin: string; expires_at: string };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  tokens: TokenPair;
  /** `Authorization` header for the current access token. */
  auth: { Authorization: string };
}

export const PROFILE = { name: 'Ada Tester', language: 'en', user_type: 'adult' } as const;

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(6).toString('hex')}@example.test`;
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

function withTokens(base: Omit<TestUser, 'tokens' | 'auth'>, tokens: TokenPair): TestUser {
  return { ...base, tokens, auth: bearer(tokens.access_token) };
}

async function userId(app: INestApplication, access: string): Promise<string> {
  const me = await request(app.getHttpServer()).get('/v1/me').set(bearer(access)).expect(200);
  return me.body.id as string;
}

/** A registered user without a profile: their session is ONBOARDING. */
export async function registerOnboarding(
  app: INestApplication,
  options: { email?: string; password?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? `pw-${randomBytes(8).toString('hex')}`;
  const res = await request(app.getHttpServer())
    .post('/v1/auth/register')
    .send({ email, password })
    .expect(201);
  const tokens = res.body as TokenPair;
  return withTokens({ id: await userId(app, tokens.access_token), email, password }, tokens);
}

/** Profile complete, terms not yet accepted: PENDING_CONSENT. */
export async function registerPendingConsent(
  app: INestApplication,
  options: { email?: string; password?: string; profile?: Record<string, unknown> } = {},
): Promise<TestUser> {
  const user = await registerOnboarding(app, options);
  await request(app.getHttpServer())
    .patch('/v1/me')
    .set(user.auth)
    .send(options.profile ?? PROFILE)
    .expect(200);
  return user;
}

/** Registered, profile complete, terms accepted: a FULL session, the usual starting point. */
export async function registerFullUser(
  app: INestApplication,
  options: { email?: string; password?: string } = {},
): Promise<TestUser> {
  const user = await registerPendingConsent(app, options);
  await request(app.getHttpServer()).post('/v1/consent/terms').set(user.auth).expect(200);
  return user;
}

/** A guest session (ONBOARDING), cheap: no password hashing. */
export async function startGuest(app: INestApplication): Promise<TestUser> {
  const res = await request(app.getHttpServer()).post('/v1/auth/guest').expect(201);
  const tokens = res.body as TokenPair;
  return withTokens(
    { id: await userId(app, tokens.access_token), email: '', password: '' },
    tokens,
  );
}

/** A guest with a complete profile: PENDING_CONSENT without any password hashing. */
export async function startPendingGuest(app: INestApplication): Promise<TestUser> {
  const guest = await startGuest(app);
  await request(app.getHttpServer()).patch('/v1/me').set(guest.auth).send(PROFILE).expect(200);
  return guest;
}

export async function login(
  app: INestApplication,
  email: string,
  password: string,
): Promise<TokenPair> {
  const res = await request(app.getHttpServer())
    .post('/v1/auth/login')
    .send({ email, password })
    .expect(200);
  return res.body as TokenPair;
}

/** A guest brought to FULL (profile + terms) without any password hashing. */
export async function startFullGuest(app: INestApplication): Promise<TestUser> {
  const guest = await startPendingGuest(app);
  await request(app.getHttpServer()).post('/v1/consent/terms').set(guest.auth).expect(200);
  return guest;
}
