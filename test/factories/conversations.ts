import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { TestUser } from './identity.js';

export interface TestMessage {
  id: string;
  message_id: string;
  role: string;
  content: string | null;
  parent_id: string | null;
  created_at: string;
}

/** A conversation of `owner`, through the real endpoint. */
export async function createConversation(
  app: INestApplication,
  owner: TestUser,
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = await request(app.getHttpServer())
    .post('/v1/conversations')
    .set(owner.auth)
    .send({ title: 'A test conversation', ...body })
    .expect(201);
  return res.body.id as string;
}

export async function appendMessage(
  app: INestApplication,
  owner: TestUser,
  conversationId: string,
  body: Record<string, unknown>,
): Promise<TestMessage> {
  const res = await request(app.getHttpServer())
    .post(`/v1/conversations/${conversationId}/messages`)
    .set(owner.auth)
    .send({ role: 'user', ...body });
  if (res.status !== 201)
    throw new Error(`append answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as TestMessage;
}
