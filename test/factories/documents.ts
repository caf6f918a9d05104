import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createConversation } from './conversations.js';
import type { TestUser } from './identity.js';

/** A text document of `owner` in a new conversation, through the real endpoint. */
export async function createDocument(app: INestApplication, owner: TestUser): Promise<string> {
  const conversationId = await createConversation(app, owner);
  const res = await request(app.getHttpServer())
    .post(`/v1/conversations/${conversationId}/documents`)
    .set(owner.auth)
    .send({ title: 'Notes', kind: 'text', content: 'owned text' })
    .expect(201);
  return res.body.id as string;
}

/** A suggestion on a new document of `owner`. */
export async function createSuggestion(app: INestApplication, owner: TestUser): Promise<string> {
  const documentId = await createDocument(app, owner);
  const res = await request(app.getHttpServer())
    .post(`/v1/documents/${documentId}/suggestions`)
    .set(owner.auth)
    .send({ original_text: 'owned', suggested_text: 'kept' })
    .expect(201);
  return res.body.id as string;
}

/** A chart of `owner` in a new conversation. */
export async function createChart(app: INestApplication, owner: TestUser): Promise<string> {
  const conversationId = await createConversation(app, owner);
  const res = await request(app.getHttpServer())
    .post(`/v1/conversations/${conversationId}/charts`)
    .set(owner.auth)
    .send({ title: 'Owned chart', spec: { mark: 'bar' } })
    .expect(201);
  return res.body.id as string;
}
