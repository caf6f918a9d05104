import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig } from '../../src/platform/config/config.js';
import { QueueService } from '../../src/platform/queue/queue.service.js';
import { startTestApp, tempDir } from '../support/app.js';
import { waitForJob } from '../support/queues.js';

/** Without Redis there is no worker to hand jobs to: the API process runs them. */
describe('the queue in embedded mode', () => {
  const dataDir = tempDir('parley-embedded-queue-');
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startTestApp(
      loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    );
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a job enqueued in the API process, in that process, and measures it', async () => {
    const queue = app.get(QueueService);
    const id = await queue.enqueue('maintenance.echo', { text: 'embedded' });
    const job = await waitForJob(app, 'maintenance.echo', id);
    expect(job).toMatchObject({
      status: 'completed',
      attemptsMade: 1,
      result: { echo: 'embedded', pid: process.pid },
    });

    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /parley_job_duration_seconds_count\{job="maintenance\.echo",outcome="completed"\} 1\n/,
    );
    expect(metrics.text).toContain('parley_queue_jobs{queue="maintenance",state="waiting"} 0');
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.details.queue).toMatchObject({ status: 'up', driver: 'local' });
  });
});
