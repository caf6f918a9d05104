import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createConversation } from '../../factories/conversations.js';
import { createFlag, registerAdmin, uniqueFlagName } from '../../factories/feature-flags.js';
import { registerFullUser, type TestUser } from '../../factories/identity.js';
import { startTestApp, testConfig } from '../../support/app.js';
import { launchChromium, openPage } from '../../support/browser.js';
import { waitUntil } from '../../support/wait.js';

/**
 * The admin console in headless Chromium, against the real application in
 * servers mode (the run's PostgreSQL and Redis).
 */
describe('the admin console in a browser', () => {
  let app: NestExpressApplication;
  let browser: Browser;
  let baseUrl: string;
  let admin: TestUser;
  let user: TestUser;
  const http = () => request(app.getHttpServer());
  const flagsOf = async (who: TestUser) =>
    (await http().get('/v1/feature-flags').set(who.auth).expect(200)).body as Record<
      string,
      boolean
    >;

  const signIn = async (page: Page, who: TestUser) => {
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    [admin, user] = await Promise.all([registerAdmin(app), registerFullUser(app)]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs an admin in, toggles a flag, and a user sees it change', async () => {
    const name = uniqueFlagName('console');
    await createFlag(app, admin, { name, visibility: 'frontend', is_enabled: false });
    expect((await flagsOf(user))[name]).toBe(false);

    const { page, errors } = await openPage(browser);
    await signIn(page, admin);
    const toggle = page.locator(`input[data-flag="${name}"]`);
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await page.getByText(`${name} enabled`).waitFor();

    await waitUntil(async () => (await flagsOf(user))[name] === true, {
      what: 'the toggle seen by a user',
    });
    expect(await page.evaluate('JSON.stringify(localStorage)')).toBe('{}');
    expect(errors).toEqual([]);
  });

  it("edits a flag's rules and shows how a sample caller evaluates", async () => {
    const name = uniqueFlagName('rules');
    await createFlag(app, admin, { name, visibility: 'frontend', is_enabled: true });
    const { page, errors } = await openPage(browser);
    await signIn(page, admin);
    await page.locator(`input[data-flag="${name}"]`).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: name })
      .getByRole('button', { name: 'Edit' })
      .click();
    const rules = { rules: [{ attribute: 'country', operator: 'in', values: ['AT'] }] };
    await page.getByLabel('Targeting rules (JSON)').fill(JSON.stringify(rules));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: version 2').waitFor();
    // The user has no country: the rule keeps the flag from them now.
    await waitUntil(async () => (await flagsOf(user))[name] === false, {
      what: 'the rule applied to the user',
    });

    const sample = page.getByRole('form', { name: 'Sample caller' });
    await sample.getByLabel('country').fill('AT');
    await sample.getByRole('button', { name: 'Evaluate' }).click();
    await page.getByText('ON — reason TARGETING_MATCH').waitFor();
    await sample.getByLabel('country').fill('DE');
    await sample.getByRole('button', { name: 'Evaluate' }).click();
    await page.getByText('OFF — reason DEFAULT, decided at rules.0').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the shipped content beside overrides and saves a new one', async () => {
    const key = `console.test-${Date.now().toString(36)}`;
    const { page, errors } = await openPage(browser);
    await signIn(page, admin);
    await page.getByRole('tab', { name: 'Content' }).click();
    const form = page.getByRole('form', { name: 'Content address' });
    await form.getByLabel('Category').selectOption('ui_messages');
    await form.getByRole('button', { name: 'Show' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'welcome.title' })
      .getByText('Welcome to Parley')
      .waitFor();

    await page.getByLabel('New key', { exact: true }).fill(key);
    await page.getByLabel('Override of the new key').fill('Hello from the console');
    await page
      .getByRole('row')
      .filter({ has: page.getByLabel('New key', { exact: true }) })
      .getByRole('button', { name: 'Save' })
      .click();
    await page.getByText(`Saved ${key}`).waitFor();
    const resolved = await http().get('/v1/content/ui_messages?language=en').expect(200);
    expect(resolved.body.data[key]).toBe('Hello from the console');

    await page
      .getByRole('row')
      .filter({ hasText: key })
      .getByRole('button', { name: 'Remove' })
      .click();
    await page.getByText(`Removed the override of ${key}`).waitFor();
    const after = await http().get('/v1/content/ui_messages?language=en').expect(200);
    expect(after.body.data[key]).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('draws the analytics summary and shows the queues', async () => {
    const mood = `mood-${Date.now().toString(36)}`;
    const conversation = await createConversation(app, user);
    await http()
      .post('/v1/analytics/conversations')
      .set(user.auth)
      .send({
        conversation_id: conversation,
        mood,
        strategy: 'reassure',
        summary: 'A short talk.',
        chatbot_version: '2026.12.0',
        language: 'en',
      })
      .expect(201);
    const { page, errors } = await openPage(browser);
    await signIn(page, admin);
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await page.getByRole('img', { name: 'Moods' }).getByText(mood, { exact: true }).waitFor();
    await page.getByRole('img', { name: 'Conversations per period' }).waitFor();

    await page.getByRole('tab', { name: 'Queues' }).click();
    await page.getByText('Driver: bullmq').waitFor();
    const depth = page.getByRole('table', { name: 'Queue depth' });
    for (const queue of ['maintenance', 'memory-lake', 'rag-ingest', 'rag-cache']) {
      await depth.getByRole('cell', { name: queue, exact: true }).waitFor();
    }
    expect(errors).toEqual([]);
  });

  it('refuses a user who is not an admin, saying so', async () => {
    const { page } = await openPage(browser);
    await signIn(page, user);
    await page.getByRole('alert').filter({ hasText: 'not an admin' }).waitFor();
    expect(await page.locator('input[data-flag]').count()).toBe(0);
  });

  it('serves the console with a strict policy and outside the API document', async () => {
    const res = await http().get('/admin/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(res.text).not.toMatch(/https?:\/\//);
    await http().get('/admin').expect(301);
    expect((await http().get('/admin/main.js').expect(200)).headers['content-type']).toMatch(
      /javascript/,
    );
    const missing = await http().get('/admin/nope.js').expect(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    const doc = (await http().get('/openapi.json').expect(200)).body as { paths: object };
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/admin'))).toBe(false);
  });
});
