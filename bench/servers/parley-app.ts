import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
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
}

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
const app = await createApp(config, { silent: true, imports: [BenchModule] });
await app.listen(0, '127.0.0.1');
announce(app.getHttpServer() as Server);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
