import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createConversation } from './conversations.js';
import type { TestUser } from './identity.js';

/** An artifact of `owner` in a new conversation, uploaded through the real endpoint. */
export async function createArtifact(app: INestApplication, owner: TestUser): Promise<string> {
  const conversationId = await createConversation(app, owner);
  const res = await request(app.getHttpServer())
    .post(`/v1/conversations/${conversationId}/artifacts`)
    .set(owner.auth)
    .attach('file', Buffer.from(`notes ${randomBytes(6).toString('hex')}\n`), 'notes.txt')
    .expect(201);
  return res.body.id as string;
}

/** A large upload of `owner` started (nothing sent yet), through the real endpoint. */
export async function createArtifactUpload(
  app: INestApplication,
  owner: TestUser,
): Promise<string> {
  const conversationId = await createConversation(app, owner);
  const res = await request(app.getHttpServer())
    .post(`/v1/conversations/${conversationId}/artifacts/uploads`)
    .set(owner.auth)
    .send({ sha256: randomBytes(32).toString('hex'), size: 10 })
    .expect(201);
  return res.body.id as string;
}
