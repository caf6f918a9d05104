import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HistoryService } from '../src/modules/conversations/history.service.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/platform/config/config.js';
import { median } from './harness.js';

export async function p50(samples: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/** Parley's own modules in this process, on the bench database, for data-path timings. */
export async function inProcess(url: string) {
  const config = loadConfig({
    DATABASE_URL: url,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-')),
  });
  const app = await createApp(config, { silent: true });
  await app.init();
  return { app, history: app.get(HistoryService) };
}
