import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/platform/config/config.js';
import { linkChild } from '../factories/collectives.js';
import { appendMessage, createConversation } from '../factories/conversations.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';

const SPEC = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  mark: 'bar',
  data: { values: [{ day: 'Mon', n: 3 }] },
  encoding: { x: { field: 'day' }, y: { field: 'n', type: 'quantitative' } },
};

/** Charts, in one run mode (CHART_SPEC_MAX_BYTES is 1kb there). */
export function describeCharts(label: string, makeConfig: () => Promise<AppConfig>): void {
  describe(`charts (${label})`, () => {
    let app: NestExpressApplication;
    let config: AppConfig;
    let alice: TestUser;
    const http = () => request(app.getHttpServer());
    const create = (user: TestUser, conversation: string, body: object) =>
      http().post(`/v1/conversations/${conversation}/charts`).set(user.auth).send(body);
    const charts = async (conversation: string) =>
      (
        (await app
          .get(DataSource)
          .query(`SELECT count(*)::int AS n FROM app.charts WHERE conversation_id = $1`, [
            conversation,
          ])) as { n: number }[]
      )[0]!.n;

    beforeAll(async () => {
      config = await makeConfig();
      app = await startTestApp(config);
      alice = await startFullGuest(app);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      if (config) fs.rmSync(config.dataDir, { recursive: true, force: true });
    });

    it('stores a spec tied to a message of the conversation, reads and deletes it', async () => {
      const conversation = await createConversation(app, alice);
      const message = await appendMessage(app, alice, conversation, {
        message_id: 'm-1',
        content: 'plot it',
      });
      const made = await create(alice, conversation, {
        title: 'Per day',
        spec: SPEC,
        message_id: message.id,
      }).expect(201);
      expect(made.body).toMatchObject({
        conversation_id: conversation,
        message_id: message.id,
        title: 'Per day',
        spec: SPEC,
      });
      const plain = await create(alice, conversation, { title: 'Loose', spec: { mark: 'line' } });
      expect(plain.status).toBe(201);
      expect(plain.body.message_id).toBeNull();
      const read = await http().get(`/v1/charts/${made.body.id}`).set(alice.auth).expect(200);
      expect(read.body).toEqual(made.body);
      await http().delete(`/v1/charts/${made.body.id}`).set(alice.auth).expect(204);
      await http().get(`/v1/charts/${made.body.id}`).set(alice.auth).expect(404);
      expect(await charts(conversation)).toBe(1);
    });

    it('lists the charts of a conversation newest first, a keyset page at a time', async () => {
      const conversation = await createConversation(app, alice);
      const other = await createConversation(app, alice);
      await create(alice, other, { title: 'elsewhere', spec: SPEC }).expect(201);
      const made: string[] = [];
      for (const title of ['one', 'two', 'three']) {
        made.push((await create(alice, conversation, { title, spec: SPEC }).expect(201)).body.id);
      }
      const list = (query: string) =>
        http().get(`/v1/conversations/${conversation}/charts${query}`).set(alice.auth).expect(200);
      const first = await list('?limit=2');
      expect(first.body.data.map((c: { title: string }) => c.title)).toEqual(['three', 'two']);
      expect(first.body.data[0]).toEqual(
        (await http().get(`/v1/charts/${made[2]}`).set(alice.auth).expect(200)).body,
      );
      expect(first.body.next_cursor).toEqual(expect.any(String));
      const second = await list(`?limit=2&after=${first.body.next_cursor as string}`);
      expect(second.body).toEqual({
        data: [expect.objectContaining({ id: made[0] })],
        next_cursor: null,
      });
      const bad = await http()
        .get(`/v1/conversations/${conversation}/charts?after=nonsense`)
        .set(alice.auth);
      expect(bad.status).toBe(400);
      const bob = await startFullGuest(app);
      await http().get(`/v1/conversations/${conversation}/charts`).set(bob.auth).expect(404);
    });

    it('refuses a message of another conversation, a spec that is no object, or too large', async () => {
      const conversation = await createConversation(app, alice);
      const other = await createConversation(app, alice);
      const foreign = await appendMessage(app, alice, other, { message_id: 'f', content: 'x' });
      const missing = await create(alice, conversation, {
        title: 't',
        spec: SPEC,
        message_id: foreign.id,
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'message_id' })]);
      for (const body of [
        { title: 't', spec: '{"mark":"bar"}' },
        { title: 't', spec: [1, 2] },
        { title: 't', spec: null },
        { title: '', spec: SPEC },
        { title: 't', spec: SPEC, message_id: 'm-1' },
      ]) {
        const res = await create(alice, conversation, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      const big = await create(alice, conversation, {
        title: 't',
        spec: { data: { values: Array.from({ length: 200 }, (_, i) => ({ i })) } },
      });
      expect(big.status).toBe(413);
      expect(await charts(conversation)).toBe(0);
    });

    it('keeps the chart when its message is cleared from the history', async () => {
      const conversation = await createConversation(app, alice);
      const message = await appendMessage(app, alice, conversation, {
        message_id: 'c',
        content: 'x',
      });
      const made = await create(alice, conversation, {
        title: 't',
        spec: SPEC,
        message_id: message.id,
      }).expect(201);
      await app.get(DataSource).query(`DELETE FROM app.messages WHERE id = $1`, [message.id]);
      const read = await http().get(`/v1/charts/${made.body.id}`).set(alice.auth).expect(200);
      expect(read.body.message_id).toBeNull();
    });

    it("answers 404 for another user's chart or conversation, and gates a minor's writes", async () => {
      const conversation = await createConversation(app, alice);
      const made = await create(alice, conversation, { title: 't', spec: SPEC }).expect(201);
      const bob = await startFullGuest(app);
      await http().get(`/v1/charts/${made.body.id}`).set(bob.auth).expect(404);
      await http().delete(`/v1/charts/${made.body.id}`).set(bob.auth).expect(404);
      await create(bob, conversation, { title: 't', spec: SPEC }).expect(404);
      expect(await charts(conversation)).toBe(1);

      const parent = await startFullGuest(app);
      const teen = await linkChild(app, parent);
      const teens = await createConversation(app, teen);
      await create(teen, teens, { title: 't', spec: SPEC }).expect(201);
      await app
        .get(DataSource)
        .query(`DELETE FROM app.parental_consents WHERE teenager_id = $1`, [teen.id]);
      const refused = await create(teen, teens, { title: 't', spec: SPEC }).expect(403);
      expect(refused.body.code).toBe('consent-required');
      expect(await charts(teens)).toBe(1);
    });

    it('erases charts with their conversation, counted in the receipt', async () => {
      const conversation = await createConversation(app, alice);
      await create(alice, conversation, { title: 'a', spec: SPEC }).expect(201);
      await create(alice, conversation, { title: 'b', spec: SPEC }).expect(201);
      const erased = await http()
        .delete(`/v1/conversations/${conversation}`)
        .set(alice.auth)
        .expect(200);
      expect(erased.body.removed['app.charts']).toBe(2);
      expect(await charts(conversation)).toBe(0);
    });
  });
}
