import 'reflect-metadata';
import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { uuidv7 } from '../../src/platform/database/uuid.js';
import { Public } from '../../src/platform/http/public.decorator.js';
import { NEWEST_PAGE_SQL } from '../conversations-sql.js';
import { announce } from './announce.js';

const config = loadConfig({
  ...process.env,
  NODE_ENV: 'development',
  DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-')),
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PER_MINUTE: '0',
  RATE_LIMIT_AUTH_PER_MINUTE: '0',
});
const raw = new pg.Pool({ connectionString: config.database.url, max: config.database.poolSize });

/** The peers: bare routes of the same application doing the same SQL with raw pg. */
// Peers are not part of the API: kept out of its OpenAPI document.
@ApiExcludeController()
@Controller('bench')
class PeerController {
  @Public()
  @Post('messages/:id')
  async insert(@Param('id') id: string, @Body() body: { message_id: string; content: string }) {
    const hash = createHash('sha256').update(body.content).digest('hex');
    const { rows } = await raw.query(
      `INSERT INTO app.messages (id, conversation_id, message_id, role, content, content_hash)
       VALUES ($1, $2, $3, 'user', $4, $5) RETURNING id, created_at`,
      [uuidv7(), id, body.message_id ?? randomUUID(), body.content, hash],
    );
    return rows[0] as object;
  }

  @Public()
  @Get('messages/:id/newest')
  async newest(@Param('id') id: string, @Query('user') user: string) {
    const { rows } = await raw.query(NEWEST_PAGE_SQL, [id, user]);
    return { data: rows.slice(0, 50).reverse() };
  }
}

@Module({ controllers: [PeerController] })
class PeerModule {}

const app = await createApp(config, { silent: true, imports: [PeerModule] });
await app.listen(0, '127.0.0.1');
announce(app.getHttpServer() as Server);
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => raw.end())
    .then(() => process.exit(0));
});
