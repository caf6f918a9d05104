import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/platform/config/config.js';

export type TestMode = 'server' | 'embedded';

export function tempDir(label = 'parley-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), label));
}

/** A unique Redis key prefix for this run and this app, cleaned by the global teardown. */
export function testRedisPrefix(label: string): string {
  return `parley:t${process.env.PARLEY_TEST_RUN_ID}:${label}:${Math.random().toString(36).slice(2, 8)}:`;
}

/**
 * Configuration for a test app. `server`: the run's migrated PostgreSQL database
 * and the real Redis. `embedded`: nothing configured, as a newcomer runs it.
 */
export function testConfig(mode: TestMode, env: Record<string, string> = {}): AppConfig {
  const base: Record<string, string> =
    mode === 'server'
      ? {
          DATABASE_URL: required('PARLEY_TEST_DATABASE_URL'),
          REDIS_URL: required('PARLEY_TEST_REDIS_URL'),
          REDIS_KEY_PREFIX: testRedisPrefix('app'),
          // Migrations ran in the global setup; the app only checks it is not older.
          MIGRATIONS_RUN: 'false',
        }
      : {};
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.PARLEY_TEST_LOG_LEVEL ?? 'silent',
    // Cheap password hashing keeps suites fast on small machines; only NODE_ENV=test may lower it.
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    // Suites sign many users in from one address; rate-limit tests set their own limits.
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    DATA_DIR: tempDir(),
    ...base,
    ...env,
  });
}

export async function startTestApp(
  config: AppConfig,
  imports: DynamicModule['imports'] = [],
): Promise<NestExpressApplication> {
  const app = await createApp(config, { silent: !process.env.PARLEY_TEST_LOG_LEVEL, imports });
  await app.init();
  return app;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests through jest's global setup (npm test)`);
  return value;
}
