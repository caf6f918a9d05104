import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startTestApp, testConfig } from '../support/app.js';

describe('health, metrics and docs against the real servers', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is live without touching anything', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('is ready, in servers mode, and says which vector mode is active', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.mode).toBe('servers');
    // The CI server is a stock PostgreSQL without pgvector.
    expect(['pgvector', 'exact-scan']).toContain(res.body.vector);
    expect(res.body.details.database.status).toBe('up');
  });

  it('exposes Prometheus metrics with the HTTP histogram by route and status', async () => {
    await request(app.getHttpServer()).get('/health/live');
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /parley_http_request_duration_seconds_bucket\{[^}]*route="\/health\/live"[^}]*status="200"/,
    );
    expect(res.text).toMatch(/parley_db_pool_connections\{state="total"\}/);
  });

  it('serves Swagger UI and the OpenAPI document', async () => {
    const docs = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);
    expect(docs.text).toMatch(/swagger/i);
    const spec = await request(app.getHttpServer()).get('/openapi.json').expect(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(spec.body.paths['/health/ready']).toBeDefined();
  });
});
