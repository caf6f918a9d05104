import type { NestExpressApplication } from '@nestjs/platform-express';
import { createEmptyDatabase } from './databases.js';
import { startTestApp, tempDir, testConfig, testRedisPrefix } from './app.js';

/**
 * Flags are global to a database: a suite that switches one off must not reach
 * the suites running beside it. Each flag suite gets a database of its own,
 * migrated by its first instance; `count` instances share it, its Redis prefix
 * and its signing keys, as replicas of one deployment do.
 */
export async function startFlagApps(
  label: string,
  count: number,
  env: Record<string, string> = {},
): Promise<{ apps: NestExpressApplication[]; close(): Promise<void> }> {
  const db = await createEmptyDatabase(label);
  const shared = {
    DATABASE_URL: db.url,
    MIGRATIONS_RUN: 'true',
    REDIS_KEY_PREFIX: testRedisPrefix(label),
    DATA_DIR: tempDir(),
    ...env,
  };
  const apps: NestExpressApplication[] = [];
  try {
    for (let i = 0; i < count; i++) apps.push(await startTestApp(testConfig('server', shared)));
  } catch (err) {
    await Promise.all(apps.map((a) => a.close()));
    await db.drop();
    throw err;
  }
  return {
    apps,
    close: async () => {
      await Promise.all(apps.map((a) => a.close()));
      await db.drop();
    },
  };
}
