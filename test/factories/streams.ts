import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createConversation } from './conversations.js';
import type { TestUser } from './identity.js';

/**
 * A completed stream with one chunk: its event stream ends by itself, so a
 * reader (the route matrix among them) gets an answer that finishes.
 */
export async function createCompletedStream(
  app: INestApplication,
  owner: TestUser,
): Promise<string> {
  const conversationId = await createConversation(app, owner);
  const http = () => request(app.getHttpServer());
  const opened = await http()
    .post(`/v1/conversations/${conversationId}/streams`)
    .set(owner.auth)
    .expect(201);
  const id = opened.body.id as string;
  await http().post(`/v1/streams/${id}/chunks`).set(owner.auth).send({ data: 'hello' }).expect(201);
  await http().post(`/v1/streams/${id}/complete`).set(owner.auth).expect(200);
  return id;
}

/** A summary job of the owner's, queued (or stored at once when the queue is away). */
export async function createSummaryJob(app: INestApplication, owner: TestUser): Promise<string> {
  const conversationId = await createConversation(app, owner);
  const res = await request(app.getHttpServer())
    .post('/v1/memory/summaries')
    .set(owner.auth)
    .send({ conversation_id: conversationId, summary: 'A summary.' })
    .expect(202);
  return res.body.job_id as string;
}
