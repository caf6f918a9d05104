import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawn } from 'node:child_process';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/platform/config/config.js';
import { registerFullUser, uniqueEmail } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig } from '../support/app.js';

const CLI = new URL('../../dist/src/admin-cli.js', import.meta.url).pathname;

function runCli(
  config: AppConfig,
  args: string[],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        DATA_DIR: tempDir(),
        DATABASE_URL: config.database.url!,
        REDIS_URL: config.redis.url!,
        // The running instance's prefix: the CLI's invalidation must reach it.
        REDIS_KEY_PREFIX: config.redis.keyPrefix,
        MIGRATIONS_RUN: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('admin CLI', () => {
  let app: NestExpressApplication;
  let config: AppConfig;

  beforeAll(async () => {
    config = testConfig('server');
    app = await startTestApp(config);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('grants and revokes admin, and live sessions see it at once', async () => {
    const user = await registerFullUser(app);
    const adminRoute = () =>
      request(app.getHttpServer()).get('/v1/admin/trusted-clients').set(user.auth);
    await adminRoute().expect(404);

    const granted = await runCli(config, ['grant', user.email.toUpperCase()]);
    expect(granted).toMatchObject({ code: 0 });
    expect(granted.output).toContain(`Granted admin for ${user.email}`);
    await adminRoute().expect(200);

    expect((await runCli(config, ['revoke', user.email])).code).toBe(0);
    await adminRoute().expect(404);

    // Both changes are in the audit log, as the command line's; a second revoke changes nothing.
    expect((await runCli(config, ['revoke', user.email])).code).toBe(0);
    const audited = (await app.get(DataSource).query(
      `SELECT actor_type, actor_id, action, before, after FROM app.audit_log
        WHERE target_type = 'user' AND target_id = $1 ORDER BY id`,
      [user.id],
    )) as unknown[];
    expect(audited).toEqual([
      {
        actor_type: 'cli',
        actor_id: null,
        action: 'role.grant',
        before: { roles: [] },
        after: { roles: ['admin'] },
      },
      {
        actor_type: 'cli',
        actor_id: null,
        action: 'role.revoke',
        before: { roles: ['admin'] },
        after: { roles: [] },
      },
    ]);
  }, 60_000);

  it('keeps the audit log append-only', async () => {
    const db = app.get(DataSource);
    await expect(db.query(`UPDATE app.audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM app.audit_log`)).rejects.toThrow(/append-only/);
  });

  it('fails clearly on an unknown account or a bad command', async () => {
    const unknown = await runCli(config, ['grant', uniqueEmail('nobody')]);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('No account with the email');
    const usage = await runCli(config, ['promote']);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('usage: admin-cli');
  }, 60_000);
});
