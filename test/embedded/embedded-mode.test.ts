import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/platform/config/config.js';
import { startTestApp, tempDir } from '../support/app.js';

/** The embedded default: nothing configured, PGlite under DATA_DIR. */
describe('embedded mode (PGlite + pgvector, no servers)', () => {
  const dataDir = tempDir('parley-embedded-');
  const config = () => loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('serves readiness in embedded mode with pgvector, and keeps data across a restart', async () => {
    const first = await startTestApp(config());
    try {
      const ready = await request(first.getHttpServer()).get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        mode: 'embedded',
        vector: 'pgvector',
        queue: 'local',
        blobs: 'filesystem',
      });
      const ds = first.get(DataSource);
      const distance = (await ds.query(`SELECT '[1,0,0]'::vector <=> '[0,1,0]'::vector AS d`)) as {
        d: number;
      }[];
      expect(Number(distance[0]!.d)).toBeCloseTo(1);
      await ds.query(
        `INSERT INTO app.queued_jobs (id, queue, name, job_key, data, status, max_attempts, backoff_ms, run_at)
         VALUES ('0190a000-0000-7000-8000-000000000001', 'restart', 'probe', 'k1', '{"kept":true}', 'completed', 1, 0, now())`,
      );
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'pg'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'secrets.json'))).toBe(true);

    const second = await startTestApp(config());
    try {
      const rows = (await second
        .get(DataSource)
        .query(`SELECT data FROM app.queued_jobs WHERE job_key = 'k1'`)) as {
        data: { kept: boolean };
      }[];
      expect(rows).toEqual([{ data: { kept: true } }]);
      await request(second.getHttpServer()).get('/openapi.json').expect(200);
    } finally {
      await second.close();
    }
  });

  it('refuses a second owner of the same DATA_DIR', async () => {
    const app = await startTestApp(config());
    try {
      await expect(startTestApp(config())).rejects.toThrow(/in use by another Parley process/);
    } finally {
      await app.close();
    }
  });
});
