import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountErasureService } from '../../src/modules/erasure/account-erasure.service.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { linkChild } from '../factories/collectives.js';
import { createConversation } from '../factories/conversations.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';

export const DOCUMENT_TEST_ENV = { DOCUMENT_MAX_BYTES: '2kb', CHART_SPEC_MAX_BYTES: '1kb' };

/** A 1x1 PNG: sniffed as image/png. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Documents, versions and suggestions, in one run mode. */
export function describeDocuments(label: string, makeConfig: () => Promise<AppConfig>): void {
  describe(`documents (${label})`, () => {
    let app: NestExpressApplication;
    let config: AppConfig;
    let alice: TestUser;
    const http = () => request(app.getHttpServer());
    const count = async (sql: string, params: unknown[]) =>
      ((await app.get(DataSource).query(sql, params)) as { n: number }[])[0]!.n;
    const create = (user: TestUser, conversation: string, body: object) =>
      http().post(`/v1/conversations/${conversation}/documents`).set(user.auth).send(body);
    const addVersion = (user: TestUser, id: string, body: object) =>
      http().post(`/v1/documents/${id}/versions`).set(user.auth).send(body);
    const upload = async (user: TestUser, conversation: string, bytes: Buffer, name: string) =>
      (
        await http()
          .post(`/v1/conversations/${conversation}/artifacts`)
          .set(user.auth)
          .attach('file', bytes, name)
          .expect(201)
      ).body.id as string;
    const newDocument = async (user: TestUser, content = 'one two three') => {
      const conversation = await createConversation(app, user);
      const res = await create(user, conversation, { title: 'Essay', kind: 'text', content });
      expect(res.status).toBe(201);
      return { conversation, id: res.body.id as string };
    };

    beforeAll(async () => {
      config = await makeConfig();
      app = await startTestApp(config);
      alice = await startFullGuest(app);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      if (config) fs.rmSync(config.dataDir, { recursive: true, force: true });
    });

    it('creates version 1, numbers new versions, reads the newest and lists them oldest first', async () => {
      const { conversation, id } = await newDocument(alice, 'first');
      const doc = await http().get(`/v1/documents/${id}`).set(alice.auth).expect(200);
      expect(doc.body).toMatchObject({
        id,
        conversation_id: conversation,
        kind: 'text',
        title: 'Essay',
        content: 'first',
        version: 1,
      });
      const second = await addVersion(alice, id, { content: 'second' }).expect(201);
      expect(second.body).toMatchObject({ version: 2, title: 'Essay', content: 'second' });
      await addVersion(alice, id, { content: 'third', title: 'Essay, final' }).expect(201);
      const newest = await http().get(`/v1/documents/${id}`).set(alice.auth).expect(200);
      expect(newest.body).toMatchObject({ version: 3, title: 'Essay, final', content: 'third' });

      const page1 = await http().get(`/v1/documents/${id}/versions?limit=2`).set(alice.auth);
      expect(page1.body.data.map((v: { version: number }) => v.version)).toEqual([1, 2]);
      const page2 = await http()
        .get(`/v1/documents/${id}/versions?limit=2&after=${page1.body.next_cursor}`)
        .set(alice.auth)
        .expect(200);
      expect(page2.body).toMatchObject({ data: [{ version: 3 }], next_cursor: null });

      const other = await create(alice, conversation, {
        title: 'Code',
        kind: 'code',
        content: 'x',
      });
      const list = await http().get(`/v1/conversations/${conversation}/documents`).set(alice.auth);
      expect(list.body.data.map((d: { id: string; version: number }) => [d.id, d.version])).toEqual(
        [
          [other.body.id, 1],
          [id, 3],
        ],
      );
    });

    it('gives concurrent writers of one document distinct, gapless numbers', async () => {
      const { id } = await newDocument(alice);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => addVersion(alice, id, { content: `v${i}` })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
      const numbers = results.map((r) => r.body.version as number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    });

    it('reverts atomically: later versions and their suggestions go, earlier ones stay', async () => {
      const { id } = await newDocument(alice, 'alpha beta');
      await addVersion(alice, id, { content: 'alpha gamma' }).expect(201);
      await addVersion(alice, id, { content: 'alpha delta' }).expect(201);
      const suggest = (version: number, original: string) =>
        http()
          .post(`/v1/documents/${id}/suggestions`)
          .set(alice.auth)
          .send({ original_text: original, suggested_text: 'omega', version })
          .expect(201);
      const kept = await suggest(1, 'beta');
      await suggest(3, 'delta');
      for (const after of ['0', '4', 'two', '']) {
        const res = await http()
          .delete(`/v1/documents/${id}/versions?after=${after}`)
          .set(alice.auth);
        expect({ after, status: res.status }).toEqual({ after, status: 400 });
      }
      const reverted = await http()
        .delete(`/v1/documents/${id}/versions?after=1`)
        .set(alice.auth)
        .expect(200);
      expect(reverted.body).toMatchObject({ version: 1, content: 'alpha beta' });
      const suggestions = await http().get(`/v1/documents/${id}/suggestions`).set(alice.auth);
      expect(suggestions.body.data.map((s: { id: string }) => s.id)).toEqual([kept.body.id]);
      // The next version is numbered after the one kept.
      expect((await addVersion(alice, id, { content: 'again' }).expect(201)).body.version).toBe(2);
    });

    it('suggests against a version holding the original text, and resolves', async () => {
      const { id } = await newDocument(alice, 'The cat sat.');
      const made = await http()
        .post(`/v1/documents/${id}/suggestions`)
        .set(alice.auth)
        .send({ original_text: 'cat', suggested_text: 'dog', description: 'Pet swap' })
        .expect(201);
      expect(made.body).toMatchObject({
        document_id: id,
        version: 1,
        original_text: 'cat',
        suggested_text: 'dog',
        description: 'Pet swap',
        resolved: false,
        resolution: null,
        resolved_at: null,
      });
      for (const body of [
        { original_text: 'bird', suggested_text: 'x' },
        { original_text: 'cat', suggested_text: 'x', version: 2 },
        { original_text: '', suggested_text: 'x' },
        { original_text: 'cat' },
      ]) {
        const res = await http().post(`/v1/documents/${id}/suggestions`).set(alice.auth).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      const path = `/v1/suggestions/${made.body.id}`;
      const resolved = await http()
        .patch(path)
        .set(alice.auth)
        .send({ resolved: true, resolution: 'accepted' })
        .expect(200);
      expect(resolved.body).toMatchObject({ resolved: true, resolution: 'accepted' });
      expect(resolved.body.resolved_at).toEqual(expect.any(String));
      await http()
        .patch(path)
        .set(alice.auth)
        .send({ resolved: false, resolution: 'rejected' })
        .expect(400);
      const reopened = await http()
        .patch(path)
        .set(alice.auth)
        .send({ resolved: false })
        .expect(200);
      expect(reopened.body).toMatchObject({ resolved: false, resolution: null, resolved_at: null });
    });

    it('applies an accepted suggestion as a new version once, and refuses one whose text went', async () => {
      const { id } = await newDocument(alice, 'The cat sat on the cat mat.');
      const suggest = (original: string, suggested: string) =>
        http()
          .post(`/v1/documents/${id}/suggestions`)
          .set(alice.auth)
          .send({ original_text: original, suggested_text: suggested, version: 1 })
          .expect(201);
      const first = await suggest('cat sat', 'dog sat');
      const stale = await suggest('cat sat on', 'bird sat on');
      const accept = (suggestion: string) =>
        http()
          .patch(`/v1/suggestions/${suggestion}`)
          .set(alice.auth)
          .send({ resolved: true, resolution: 'accepted' });
      const applied = await accept(first.body.id).expect(200);
      expect(applied.body).toMatchObject({ resolution: 'accepted', applied_version: 2 });
      const newest = await http().get(`/v1/documents/${id}`).set(alice.auth).expect(200);
      expect(newest.body).toMatchObject({ version: 2, content: 'The dog sat on the cat mat.' });
      // Accepted already: nothing is applied again.
      const again = await accept(first.body.id).expect(200);
      expect(again.body.applied_version).toBeNull();
      // The newest version no longer holds "cat sat on": 409, nothing written.
      const conflict = await accept(stale.body.id).expect(409);
      expect(conflict.headers['content-type']).toMatch(/application\/problem\+json/);
      const versions = await count(
        `SELECT count(*)::int AS n FROM app.document_versions WHERE document_id = $1`,
        [id],
      );
      expect(versions).toBe(2);
      const open = await http().get(`/v1/documents/${id}/suggestions`).set(alice.auth);
      const staleRow = open.body.data.find((s: { id: string }) => s.id === stale.body.id);
      expect(staleRow).toMatchObject({ resolved: false, resolution: null });
    });

    it('takes as an image only an image artifact of the same conversation and owner', async () => {
      const conversation = await createConversation(app, alice);
      const png = await upload(alice, conversation, PNG, 'dot.png');
      const image = await create(alice, conversation, {
        title: 'Dot',
        kind: 'image',
        content: png,
      });
      expect(image.status).toBe(201);
      expect(image.body).toMatchObject({ kind: 'image', content: png });

      const elsewhere = await upload(alice, await createConversation(app, alice), PNG, 'dot.png');
      const text = await upload(alice, conversation, Buffer.from('plain words\n'), 'a.txt');
      const bob = await startFullGuest(app);
      const bobs = await upload(bob, await createConversation(app, bob), PNG, 'dot.png');
      for (const content of [elsewhere, text, bobs, 'not-an-id']) {
        const res = await create(alice, conversation, { title: 'Bad', kind: 'image', content });
        expect({ content, status: res.status, code: res.body.code }).toEqual({
          content,
          status: 400,
          code: 'validation-failed',
        });
        const version = await addVersion(alice, image.body.id, { content });
        expect({ content, status: version.status }).toEqual({ content, status: 400 });
      }
      expect(
        await count(`SELECT count(*)::int AS n FROM app.documents WHERE conversation_id = $1`, [
          conversation,
        ]),
      ).toBe(1);
    });

    it('refuses bad bodies and content over DOCUMENT_MAX_BYTES, keeping nothing', async () => {
      const conversation = await createConversation(app, alice);
      const big = 'é'.repeat(1100); // 2200 bytes of UTF-8, over 2kb
      const tooLarge = await create(alice, conversation, {
        title: 't',
        kind: 'text',
        content: big,
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.code).toBe('payload-too-large');
      for (const body of [
        { title: 't', kind: 'pdf', content: 'x' },
        { title: '', kind: 'text', content: 'x' },
        { title: 't', kind: 'text', content: 7 },
        { title: 't', kind: 'text' },
      ]) {
        const res = await create(alice, conversation, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      expect(
        await count(`SELECT count(*)::int AS n FROM app.documents WHERE conversation_id = $1`, [
          conversation,
        ]),
      ).toBe(0);
      const { id } = await newDocument(alice);
      expect((await addVersion(alice, id, { content: big })).status).toBe(413);
      expect((await addVersion(alice, id, { content: 'x', title: null })).status).toBe(400);
    });

    it("answers 404 for another user's document and suggestion, changing nothing", async () => {
      const { conversation, id } = await newDocument(alice, 'mine');
      const bob = await startFullGuest(app);
      const suggestion = await http()
        .post(`/v1/documents/${id}/suggestions`)
        .set(alice.auth)
        .send({ original_text: 'mine', suggested_text: 'his' })
        .expect(201);
      await http().get(`/v1/documents/${id}`).set(bob.auth).expect(404);
      await create(bob, conversation, { title: 't', kind: 'text', content: 'x' }).expect(404);
      await addVersion(bob, id, { content: 'his' }).expect(404);
      await http().delete(`/v1/documents/${id}`).set(bob.auth).expect(404);
      await http()
        .patch(`/v1/suggestions/${suggestion.body.id}`)
        .set(bob.auth)
        .send({ resolved: true })
        .expect(404);
      const doc = await http().get(`/v1/documents/${id}`).set(alice.auth).expect(200);
      expect(doc.body).toMatchObject({ version: 1, content: 'mine' });
    });

    it('deletes a document with its versions and suggestions', async () => {
      const { id } = await newDocument(alice, 'gone soon');
      await addVersion(alice, id, { content: 'gone now' }).expect(201);
      await http()
        .post(`/v1/documents/${id}/suggestions`)
        .set(alice.auth)
        .send({ original_text: 'now', suggested_text: 'later' })
        .expect(201);
      await http().delete(`/v1/documents/${id}`).set(alice.auth).expect(204);
      await http().get(`/v1/documents/${id}`).set(alice.auth).expect(404);
      for (const table of ['document_versions', 'document_suggestions']) {
        expect(
          await count(`SELECT count(*)::int AS n FROM app.${table} WHERE document_id = $1`, [id]),
        ).toBe(0);
      }
    });

    it("a minor's writes pass the consent gate: 403 once parental consent is gone", async () => {
      const parent = await startFullGuest(app);
      const teen = await linkChild(app, parent);
      const { conversation, id } = await newDocument(teen, 'homework');
      await app
        .get(DataSource)
        .query(`DELETE FROM app.parental_consents WHERE teenager_id = $1`, [teen.id]);
      for (const res of [
        await create(teen, conversation, { title: 't', kind: 'text', content: 'x' }),
        await addVersion(teen, id, { content: 'more homework' }),
        await http()
          .post(`/v1/documents/${id}/suggestions`)
          .set(teen.auth)
          .send({ original_text: 'homework', suggested_text: 'fun' }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ code: 'consent-required', missing: ['parental_consent'] });
      }
      expect(
        await count(`SELECT count(*)::int AS n FROM app.document_versions WHERE document_id = $1`, [
          id,
        ]),
      ).toBe(1);
      // Removing is not gated.
      await http().delete(`/v1/documents/${id}`).set(teen.auth).expect(204);
    });

    it("is in the owner's data export, with every version and suggestion", async () => {
      const owner = await startFullGuest(app);
      const { id } = await newDocument(owner, 'first draft');
      await addVersion(owner, id, { content: 'second draft' }).expect(201);
      await http()
        .post(`/v1/documents/${id}/suggestions`)
        .set(owner.auth)
        .send({ original_text: 'second', suggested_text: 'final' })
        .expect(201);
      const other = await startFullGuest(app);
      await newDocument(other, 'not yours');
      const res = await http().get('/v1/me/export').set(owner.auth).expect(200);
      const docs = res.body.documents as {
        id: string;
        versions: { content: string }[];
        suggestions: { suggested_text: string }[];
      }[];
      expect(docs.map((d) => d.id)).toEqual([id]);
      expect(docs[0]!.versions.map((v) => v.content)).toEqual(['first draft', 'second draft']);
      expect(docs[0]!.suggestions.map((x) => x.suggested_text)).toEqual(['final']);
      expect(res.body).toHaveProperty('charts');
    });

    it('erases documents with their conversation and their user, counted in the receipt', async () => {
      const owner = await startFullGuest(app);
      const { conversation, id } = await newDocument(owner, 'a b');
      await addVersion(owner, id, { content: 'a c' }).expect(201);
      await http()
        .post(`/v1/documents/${id}/suggestions`)
        .set(owner.auth)
        .send({ original_text: 'c', suggested_text: 'd' })
        .expect(201);
      const erased = await http()
        .delete(`/v1/conversations/${conversation}`)
        .set(owner.auth)
        .expect(200);
      expect(erased.body.removed).toMatchObject({
        'app.documents': 1,
        'app.document_versions': 2,
        'app.document_suggestions': 1,
      });
      await newDocument(owner);
      const receipt = await app.get(AccountErasureService).erase(owner.id);
      expect(receipt.removed['app.documents']).toBe(1);
      expect(receipt.removed['app.document_versions']).toBe(1);
    });
  });
}
