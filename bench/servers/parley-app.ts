import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/bootstrap.js';
import { Public } from '../../src/platform/http/public.decorator.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { announce } from './announce.js';

/** The bare peer route, inside the same application (same middleware, guards and filter). */
// Peers are not part of the API: kept out of its OpenAPI document.
@ApiExcludeController()
@Controller('bench')
class BenchController {
  @Public()
  @Get('bare')
  bare(): { ok: boolean } {
    return { ok: true };
  }

  /** Starts sampling this process's RSS (every 5 ms) from now: the base is the RSS at the start. */
  @Public()
  @Post('rss')
  @HttpCode(200)
  startRss(): { base: number } {
    clearInterval(rss.timer);
    rss.base = rss.peak = process.memoryUsage.rss();
    rss.timer = setInterval(() => {
      rss.peak = Math.max(rss.peak, process.memoryUsage.rss());
    }, 5);
    return { base: rss.base };
  }

  /** The base and the highest RSS sampled since the start; sampling stops. */
  @Public()
  @Get('rss')
  readRss(): { base: number; peak: number } {
    clearInterval(rss.timer);
    rss.peak = Math.max(rss.peak, process.memoryUsage.rss());
    return { base: rss.base, peak: rss.peak };
  }
}

/** What the RSS routes share: B10 measures the server's memory in the server. */
const rss: { base: number; peak: number; timer?: NodeJS.Timeout } = { base: 0, peak: 0 };

@Module({ controllers: [BenchController] })
class BenchModule {}

// The whole service as deployed; DATABASE_URL / REDIS_URL from the environment
// select the servers, otherwise the embedded default. Rate limits would cap the load.
const config = loadConfig({
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  DATA_DIR: process.env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-')),
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PER_MINUTE: '0',
  RATE_LIMIT_AUTH_PER_MINUTE: '0',
});
// B6's resume peer, only where it is measured (it holds Redis connections of its own).
const peers = process.env.BENCH_RESUMABLE_STREAM_PEER
  ? [(await import('./resumable-stream-peer.js')).ResumableStreamPeerModule]
  : [];
const app = await createApp(config, { silent: true, imports: [BenchModule, ...peers] });
await app.listen(0, '127.0.0.1');
announce(app.getHttpServer() as Server);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
