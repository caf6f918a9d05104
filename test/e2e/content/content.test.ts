import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { registerAdmin } from '../../factories/feature-flags.js';
import { registerFullUser, type TestUser } from '../../factories/identity.js';
import { startFlagApps } from '../../support/flag-apps.js';
import { waitUntil } from '../../support/wait.js';

/** Operators are promised that every instance serves a change within a second. */
const PROPAGATION_MS = 1000;

describe('localized content: resolution, overrides, audit, every instance', () => {
  let one: NestExpressApplication;
  let two: NestExpressApplication;
  let close: () => Promise<void>;
  let admin: TestUser;
  let user: TestUser;

  beforeAll(async () => {
    // Overrides are global to a database: this suite gets one of its own.
    ({
      apps: [one, two],
      close,
    } = await startFlagApps('content', 2));
    [admin, user] = await Promise.all([registerAdmin(one!), registerFullUser(one!)]);
  });

  afterAll(async () => {
    await close?.();
  });

  const content = (app: NestExpressApplication, query: string, category = 'ui_messages') =>
    request(app.getHttpServer()).get(`/v1/content/${category}${query}`);
  const put = (path: string, value: unknown, as = admin) =>
    request(one.getHttpServer()).put(`/v1/admin/content/${path}`).set(as.auth).send({ value });
  const remove = (path: string, as = admin) =>
    request(one.getHttpServer()).delete(`/v1/admin/content/${path}`).set(as.auth);

  it('serves shipped content without a token, along the language and variant chains', async () => {
    const de = await content(one, '?language=de-at&variant=teenager').expect(200);
    expect(de.body).toMatchObject({
      category: 'ui_messages',
      language: 'de',
      variant: 'teenager',
      fallbacks: ['de-AT', 'de', 'en'],
    });
    expect(de.body.data['welcome.title']).toBe('Willkommen bei Parley');
    expect(de.body.data['welcome.body']).toMatch(/^Hey! Egal/);

    const fallback = await content(one, '?language=fr').expect(200);
    expect(fallback.body).toMatchObject({ language: 'en', variant: 'all' });
    expect(fallback.body.data['button.send']).toBe('Send');
    const plain = await content(one, '').set(user.auth).expect(200);
    expect(plain.body.data).toEqual(fallback.body.data);

    const tools = await content(one, '?language=de', 'tools').expect(200);
    expect(tools.body.data.search_knowledge).toMatchObject({
      name: 'Wissensdatenbank durchsuchen',
    });
  });

  it('answers 404 for an unknown category and 400 for a bad language or variant', async () => {
    const unknown = await content(one, '', 'jokes');
    expect([unknown.status, unknown.headers['content-type']]).toEqual([
      404,
      expect.stringMatching(/^application\/problem\+json/),
    ]);
    for (const query of [
      '?language=not%20a%20tag',
      '?variant=kids',
      `?language=${'a'.repeat(40)}`,
    ]) {
      const res = await content(one, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
  });

  it('puts an override over the shipped entry on every instance, audits it, and deletes it', async () => {
    // The second instance has the shipped value in memory: the change must reach that copy.
    expect((await content(two, '?language=de').expect(200)).body.data['button.send']).toBe(
      'Senden',
    );

    const written = await put('ui_messages/de/all/button.send', 'Abschicken').expect(200);
    expect(written.body).toMatchObject({
      category: 'ui_messages',
      language: 'de',
      variant: 'all',
      key: 'button.send',
      value: 'Abschicken',
    });
    await waitUntil(
      async () =>
        (await content(two, '?language=de-CH')).body.data?.['button.send'] === 'Abschicken',
      { what: 'the override on the second instance', timeoutMs: PROPAGATION_MS },
    );
    // English is untouched; a structured value replaces a whole entry.
    expect((await content(two, '?language=en')).body.data['button.send']).toBe('Send');
    await put('ui_messages/de/all/button.send', { label: 'Los', hint: 'Nachricht senden' }).expect(
      200,
    );
    await waitUntil(
      async () => (await content(two, '?language=de')).body.data?.['button.send']?.label === 'Los',
      { what: 'the second override on the second instance', timeoutMs: PROPAGATION_MS },
    );

    const log = await request(one.getHttpServer())
      .get('/v1/admin/audit-log?limit=2')
      .set(admin.auth)
      .expect(200);
    expect(log.body.data).toMatchObject([
      {
        action: 'content.update',
        target_type: 'content',
        target_id: 'ui_messages/de/all/button.send',
        before: { value: 'Abschicken' },
        after: { value: { label: 'Los', hint: 'Nachricht senden' } },
      },
      { action: 'content.create', before: null, after: { value: 'Abschicken' } },
    ]);

    await remove('ui_messages/de/all/button.send').expect(204);
    await waitUntil(
      async () => (await content(two, '?language=de')).body.data?.['button.send'] === 'Senden',
      { what: 'the shipped entry again on the second instance', timeoutMs: PROPAGATION_MS },
    );
    await remove('ui_messages/de/all/button.send').expect(404);
  });

  it('adds keys of its own, per variant and language', async () => {
    await put('prompt_snippets/de-AT/parent/style.greeting', 'Grüß Gott').expect(200);
    const parent = await content(one, '?language=de-AT&variant=parent', 'prompt_snippets');
    expect(parent.body).toMatchObject({ language: 'de-AT' });
    expect(parent.body.data['style.greeting']).toBe('Grüß Gott');
    expect(parent.body.data['style.tone']).toBe('Klinge wie eine erfahrene Beraterin.');
    const teen = await content(one, '?language=de-AT&variant=teenager', 'prompt_snippets');
    expect(teen.body.language).toBe('de');
    expect(teen.body.data['style.greeting']).toBeUndefined();
  });

  it('hides the admin routes from non-admins and changes nothing', async () => {
    for (const res of [
      await put('ui_messages/en/all/button.send', 'Go', user),
      await remove('ui_messages/en/all/button.send', user),
    ]) {
      expect([res.status, res.body.code]).toEqual([404, 'not-found']);
    }
    expect((await content(one, '?language=en')).body.data['button.send']).toBe('Send');
  });

  it.each([
    ['an unknown category', 'jokes/en/all/a', 'x', 'category'],
    ['a bad language', 'prompts/en_US/all/a', 'x', 'language'],
    ['an unknown variant', 'prompts/en/kids/a', 'x', 'variant'],
    ['a bad key', 'prompts/en/all/Bad%20Key', 'x', 'key'],
    ['a missing value', 'prompts/en/all/a', undefined, 'value'],
    ['an array value', 'prompts/en/all/a', ['x'], 'value'],
    ['a null value', 'prompts/en/all/a', null, 'value'],
    ['a value too large', 'prompts/en/all/a', 'x'.repeat(17 * 1024), 'value'],
  ])('refuses %s with a 400 naming the field', async (_what, path, value, field) => {
    const res = await put(path, value);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
