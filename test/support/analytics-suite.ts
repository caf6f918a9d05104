import { AccountErasureService } from '../../src/modules/erasure/account-erasure.service.js';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/platform/config/config.js';
import { linkChild } from '../factories/collectives.js';
import { createConversation } from '../factories/conversations.js';
import { registerAdmin } from '../factories/feature-flags.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';

const PROBLEM = /^application\/problem\+json/;

/** The analytics routes, in each run mode: the agent writes for the owner, operators read counts. */
export function describeAnalytics(label: string, makeConfig: () => Promise<AppConfig>): void {
  describe(`conversation analytics (${label})`, () => {
    let app: NestExpressApplication;
    let config: AppConfig;
    let admin: TestUser;
    const http = () => request(app.getHttpServer());
    const count = async (sql: string, params: unknown[]) =>
      ((await app.get(DataSource).query(sql, params)) as { n: number }[])[0]!.n;
    /** Labels no other test uses: the summary counts what every test wrote. */
    const tag = (label: string) => `${label}-${randomBytes(3).toString('hex')}`;
    const analysis = (conversation_id: string, extra: Record<string, unknown> = {}) => ({
      conversation_id,
      mood: 'anxious',
      strategy: 'reassure',
      summary: 'A worried student talked about a group chat.',
      chatbot_version: '2026.11.2',
      language: 'de',
      ...extra,
    });
    const record = (user: TestUser, body: object) =>
      http().post('/v1/analytics/conversations').set(user.auth).send(body);

    beforeAll(async () => {
      config = await makeConfig();
      app = await startTestApp(config);
      admin = await registerAdmin(app);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      if (config) fs.rmSync(config.dataDir, { recursive: true, force: true });
    });

    it('records an analysis with its categories for the owner of the conversation', async () => {
      const owner = await startFullGuest(app);
      const conversation = await createConversation(app, owner);
      const res = await record(
        owner,
        analysis(conversation, {
          bullying_message: 'nobody likes you',
          categories: {
            messages: ['insult', 'exclusion'],
            moods: ['sad'],
            answer_types: ['advice'],
          },
        }),
      ).expect(201);
      expect(res.body).toMatchObject({
        conversation_id: conversation,
        mood: 'anxious',
        bullying_message: 'nobody likes you',
        categories: {
          messages: ['insult', 'exclusion'],
          moods: ['sad'],
          strategies: [],
          answer_types: ['advice'],
        },
      });
      expect(
        await count(
          `SELECT count(*)::int AS n FROM app.conversation_messages_categorized WHERE analytics_id = $1`,
          [res.body.id],
        ),
      ).toBe(2);
    });

    it("answers 404 for another user's conversation or none, and 400 for a bad body", async () => {
      const owner = await startFullGuest(app);
      const intruder = await startFullGuest(app);
      const conversation = await createConversation(app, owner);
      for (const id of [conversation, '0190f5f0-0000-7000-8000-000000000000']) {
        const res = await record(intruder, analysis(id)).expect(404);
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
      expect(
        await count(
          `SELECT count(*)::int AS n FROM app.conversation_analytics WHERE conversation_id = $1`,
          [conversation],
        ),
      ).toBe(0);
      for (const body of [
        analysis('not-a-uuid'),
        analysis(conversation, { mood: '' }),
        analysis(conversation, { categories: { messages: [''] } }),
        analysis(conversation, { categories: { moods: 'sad' } }),
        analysis(conversation, { categories: null }),
        { conversation_id: conversation },
      ]) {
        const res = await record(owner, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
    });

    it("a minor's analysis passes the consent gate: 403 once parental consent is gone", async () => {
      const parent = await startFullGuest(app);
      const teen = await linkChild(app, parent);
      const conversation = await createConversation(app, teen);
      await record(teen, analysis(conversation)).expect(201);
      await app
        .get(DataSource)
        .query(`DELETE FROM app.parental_consents WHERE teenager_id = $1`, [teen.id]);
      const res = await record(teen, analysis(conversation)).expect(403);
      expect(res.body).toMatchObject({ code: 'consent-required', missing: ['parental_consent'] });
      expect(
        await count(
          `SELECT count(*)::int AS n FROM app.conversation_analytics WHERE conversation_id = $1`,
          [conversation],
        ),
      ).toBe(1);
    });

    it('counts by mood, strategy and category per period, for admins only', async () => {
      const owner = await startFullGuest(app);
      const conversation = await createConversation(app, owner);
      const [calm, angry, ignore, insult] = [
        tag('calm'),
        tag('angry'),
        tag('ignore'),
        tag('insult'),
      ];
      await record(
        owner,
        analysis(conversation, {
          mood: calm,
          strategy: ignore,
          categories: { messages: [insult, insult] },
        }),
      ).expect(201);
      await record(
        owner,
        analysis(conversation, { mood: calm, categories: { strategies: [ignore] } }),
      ).expect(201);
      await record(owner, analysis(conversation, { mood: angry })).expect(201);

      const from = new Date(Date.now() - 86_400_000).toISOString();
      const to = new Date(Date.now() + 86_400_000).toISOString();
      for (const period of ['day', 'week', 'month']) {
        const res = await http()
          .get(`/v1/admin/analytics/summary?from=${from}&to=${to}&period=${period}`)
          .set(admin.auth)
          .expect(200);
        expect(res.body).toMatchObject({ from, to, period });
        const moods: Record<string, number> = {};
        const strategies: Record<string, number> = {};
        const messages: Record<string, number> = {};
        const categorizedStrategies: Record<string, number> = {};
        for (const p of res.body.data) {
          for (const [k, v] of Object.entries(p.moods)) moods[k] = (moods[k] ?? 0) + (v as number);
          for (const [k, v] of Object.entries(p.strategies))
            strategies[k] = (strategies[k] ?? 0) + (v as number);
          for (const [k, v] of Object.entries(p.categories.messages))
            messages[k] = (messages[k] ?? 0) + (v as number);
          for (const [k, v] of Object.entries(p.categories.strategies))
            categorizedStrategies[k] = (categorizedStrategies[k] ?? 0) + (v as number);
          expect(p.conversations).toBeGreaterThanOrEqual(1);
        }
        expect({
          period,
          calm: moods[calm],
          angry: moods[angry],
          ignore: strategies[ignore],
          insult: messages[insult],
          categorized: categorizedStrategies[ignore],
        }).toEqual({
          period,
          calm: 2,
          angry: 1,
          ignore: 1,
          insult: 2,
          categorized: 1,
        });
      }
      const before = await http()
        .get(`/v1/admin/analytics/summary?to=${from}`)
        .set(admin.auth)
        .expect(200);
      expect(JSON.stringify(before.body)).not.toContain(calm);

      const user = await startFullGuest(app);
      expect((await http().get('/v1/admin/analytics/summary').set(user.auth)).status).toBe(404);
      for (const query of ['period=year', 'from=yesterday', `from=${to}&to=${from}`]) {
        const res = await http().get(`/v1/admin/analytics/summary?${query}`).set(admin.auth);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
      }
    });

    it('erases analyses with their conversation and with their user, counted in the receipt', async () => {
      const owner = await startFullGuest(app);
      const [one, two] = [
        await createConversation(app, owner),
        await createConversation(app, owner),
      ];
      const first = await record(owner, analysis(one, { categories: { moods: ['sad'] } })).expect(
        201,
      );
      await record(owner, analysis(two)).expect(201);
      await record(owner, analysis(two)).expect(201);

      const erased = await http().delete(`/v1/conversations/${one}`).set(owner.auth).expect(200);
      expect(erased.body.removed['app.conversation_analytics']).toBe(1);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM app.conversation_moods_categorized WHERE analytics_id = $1`,
          [first.body.id],
        ),
      ).toBe(0);

      const receipt = await app.get(AccountErasureService).erase(owner.id);
      expect(receipt.removed['app.conversation_analytics']).toBe(2);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM app.conversation_analytics WHERE owner_id = $1`,
          [owner.id],
        ),
      ).toBe(0);
    });
  });
}
