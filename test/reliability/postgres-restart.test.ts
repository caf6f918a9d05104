import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startTestApp, testConfig } from '../support/app.js';
import { startPrivatePostgres } from '../support/servers.mjs';

type PrivatePostgres = Awaited<ReturnType<typeof startPrivatePostgres>>;

/** R3: PostgreSQL restarts under the service; it answers 503 fast meanwhile and recovers alone. */
describe('the service while PostgreSQL restarts', () => {
  let postgres: PrivatePostgres;
  let app: NestExpressApplication;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    app = await startTestApp(
      testConfig('server', {
        DATABASE_URL: postgres.url,
        MIGRATIONS_RUN: 'true',
        DATABASE_STATEMENT_TIMEOUT_MS: '5000',
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.stop();
  });

  it('fails fast with 503 problems during the outage, then serves again without a restart', async () => {
    const server = app.getHttpServer();
    await request(server).get('/health/ready').expect(200);

    await postgres.halt();
    const started = Date.now();
    const outage = await Promise.all(
      Array.from({ length: 10 }, () => request(server).get('/health/ready')),
    );
    for (const res of outage) {
      expect(res.status).toBe(503);
      expect(res.body.details.database.status).toBe('down');
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    // Liveness never depends on the database: the orchestrator must not kill us.
    await request(server).get('/health/live').expect(200);

    await postgres.resume();
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await request(server).get('/health/ready')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => request(server).get('/health/ready')),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(200));
  }, 90_000);
});
