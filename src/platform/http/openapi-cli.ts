import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module.js';
import { loadConfig } from '../config/config.js';
import { buildOpenApiDocument } from './openapi.js';

/**
 * Writes (or checks) openapi.json at the repository root. Preview mode scans
 * the modules without connecting to anything.
 */
async function main(): Promise<void> {
  const command = process.argv[2];
  const config = loadConfig({
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'parley-openapi-')),
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forRoot(config, 'api'), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('v1', { exclude: ['health/live', 'health/ready', 'metrics'] });
  const text = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  const file = path.join(process.cwd(), 'openapi.json');
  if (command === 'write') {
    fs.writeFileSync(file, text);
    console.log('Wrote openapi.json');
  } else if (command === 'check') {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== text) {
      console.error('openapi.json is stale: run "npm run openapi:write" and commit it.');
      process.exitCode = 1;
    } else {
      console.log('openapi.json is current.');
    }
  } else {
    throw new Error('usage: openapi-cli.js write | check');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
