import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { AppConfig } from '../../src/platform/config/config.js';
import { JobHandler } from '../../src/platform/queue/job-handler.decorator.js';
import { PermanentJobError } from '../../src/platform/queue/permanent-job-error.js';
import { QueueService } from '../../src/platform/queue/queue.service.js';
import { createFlag, registerAdmin, uniqueFlagName } from '../factories/feature-flags.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';
import { waitForJob } from './queues.js';

declare module '../../src/platform/queue/queue.types.js' {
  interface JobPayloads {
    'maintenance.test-admin-broken': Record<string, never>;
  }
}

@Injectable()
class BrokenJob {
  @JobHandler('maintenance.test-admin-broken')
  run(): never {
    throw new PermanentJobError('broken on purpose');
  }
}

@Module({ providers: [BrokenJob] })
class BrokenJobModule {}

const PROBLEM = /^application\/problem\+json/;

/** The routes the admin console reads beside the flag, content and analytics CRUD, in each run mode. */
export function describeAdminRoutes(label: string, makeConfig: () => AppConfig): void {
  describe(`admin console routes (${label})`, () => {
    let app: NestExpressApplication;
    let config: AppConfig;
    let admin: TestUser;
    let user: TestUser;
    const http = () => request(app.getHttpServer());

    beforeAll(async () => {
      config = makeConfig();
      app = await startTestApp(config, [BrokenJobModule]);
      [admin, user] = await Promise.all([registerAdmin(app), registerFullUser(app)]);
    });

    afterAll(async () => {
      await app?.close();
      fs.rmSync(config.env.DATA_DIR, { recursive: true, force: true });
    });

    it('GET /v1/admin/queues: depth of every queue and its latest failed jobs, on this driver', async () => {
      const id = `admin-broken-${randomBytes(4).toString('hex')}`;
      await app.get(QueueService).enqueue('maintenance.test-admin-broken', {}, { jobId: id });
      await waitForJob(app, 'maintenance', id, { statuses: ['failed'] });

      const res = await http().get('/v1/admin/queues?failed_limit=5').set(admin.auth).expect(200);
      expect(res.body.driver).toBe(config.queue.driver);
      expect(res.body.data.map((q: { name: string }) => q.name)).toEqual([
        'maintenance',
        'memory-lake',
        'rag-ingest',
        'rag-cache',
      ]);
      const maintenance = res.body.data[0];
      expect(maintenance.failed).toBeGreaterThanOrEqual(1);
      expect(maintenance.failed_jobs[0]).toMatchObject({
        id,
        name: 'maintenance.test-admin-broken',
        attempts_made: 1,
        last_error: 'broken on purpose',
        failed_at: expect.any(String),
      });

      const none = await http().get('/v1/admin/queues?failed_limit=0').set(admin.auth).expect(200);
      expect(none.body.data[0].failed_jobs).toEqual([]);
      for (const limit of ['101', '0x10', '1e1', '-1']) {
        const bad = await http().get(`/v1/admin/queues?failed_limit=${limit}`).set(admin.auth);
        expect({ limit, status: bad.status }).toEqual({ limit, status: 400 });
        expect(bad.headers['content-type']).toMatch(PROBLEM);
      }
      expect((await http().get('/v1/admin/queues').set(user.auth)).status).toBe(404);
    });

    it('POST /v1/admin/feature-flags/{name}/evaluate: a sample caller, with the reason', async () => {
      const name = uniqueFlagName('sample');
      await createFlag(app, admin, {
        name,
        is_enabled: true,
        targeting_rules: {
          rules: [{ attribute: 'country', operator: 'in', values: ['AT'] }],
          rollout: { percentage: 50 },
        },
      });
      const evaluate = (body: object) =>
        http().post(`/v1/admin/feature-flags/${name}/evaluate`).set(admin.auth).send(body);

      expect((await evaluate({ context: { country: 'DE' } }).expect(200)).body).toMatchObject({
        name,
        value: false,
        reason: 'DEFAULT',
        rule_id: 'rules.0',
        flag_version: 1,
      });
      expect((await evaluate({ context: { country: 'AT' } }).expect(200)).body).toMatchObject({
        value: false,
        reason: 'ERROR',
        error_code: 'TARGETING_KEY_MISSING',
      });
      const split = await evaluate({ context: { country: 'AT', user_id: 'someone' } }).expect(200);
      expect(split.body).toMatchObject({ reason: 'SPLIT', rule_id: 'rollout' });
      // The same sample always lands in the same bucket.
      expect((await evaluate({ context: { country: 'AT', user_id: 'someone' } })).body.value).toBe(
        split.body.value,
      );
      expect((await evaluate({}).expect(200)).body.rule_id).toBe('rules.0');

      const bad = await evaluate({ context: { country: 5 }, audience: 'sideways' });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(PROBLEM);
      expect(new Set(bad.body.errors.map((e: { field: string }) => e.field))).toEqual(
        new Set(['audience', 'context.country']),
      );
      expect((await evaluate({ context: 'everyone' })).status).toBe(400);
      expect(
        (
          await http()
            .post('/v1/admin/feature-flags/no-such-flag/evaluate')
            .set(admin.auth)
            .send({})
        ).status,
      ).toBe(404);
      expect(
        (await http().post(`/v1/admin/feature-flags/${name}/evaluate`).set(user.auth).send({}))
          .status,
      ).toBe(404);
    });

    it('GET /v1/admin/content/{category}/{language}/{variant}: shipped value beside the override', async () => {
      const key = `admin-page.${randomBytes(4).toString('hex')}`;
      await http()
        .put(`/v1/admin/content/ui_messages/de-AT/teenager/${key}`)
        .set(admin.auth)
        .send({ value: 'Servus' })
        .expect(200);
      const page = await http()
        .get('/v1/admin/content/ui_messages/de-at/teenager')
        .set(admin.auth)
        .expect(200);
      expect(page.body).toMatchObject({
        category: 'ui_messages',
        language: 'de-AT',
        variant: 'teenager',
      });
      const entries = new Map(
        (page.body.data as { key: string }[]).map((e) => [e.key, e] as const),
      );
      // Shipped German for teenagers, reached through de-AT -> de.
      expect(entries.get('welcome.body')).toEqual({
        key: 'welcome.body',
        shipped: 'Hey! Egal was los ist, hier kannst du darüber reden.',
      });
      expect(entries.get(key)).toEqual({ key, override: 'Servus' });
      await http()
        .delete(`/v1/admin/content/ui_messages/de-AT/teenager/${key}`)
        .set(admin.auth)
        .expect(204);

      for (const path of ['nope/en/all', 'ui_messages/not a tag/all', 'ui_messages/en/kids']) {
        const bad = await http().get(`/v1/admin/content/${path}`).set(admin.auth);
        expect({ path, status: bad.status }).toEqual({ path, status: 400 });
      }
      expect((await http().get('/v1/admin/content/ui_messages/en/all').set(user.auth)).status).toBe(
        404,
      );
    });
  });
}
