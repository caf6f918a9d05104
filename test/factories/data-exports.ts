import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { TestUser } from './identity.js';

/** An export archive of `owner`, requested through the real endpoint (built or not yet). */
export async function createDataExport(app: INestApplication, owner: TestUser): Promise<string> {
  const res = await request(app.getHttpServer()).post('/v1/me/exports').set(owner.auth).expect(202);
  return res.body.id as string;
}
