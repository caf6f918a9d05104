import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OpenAPI3 } from 'openapi-typescript';
import { AppModule } from '../../app.module.js';
import { loadConfig } from '../config/config.js';
import { buildOpenApiDocument } from './openapi.js';

const SDK_TYPES = 'clients/typescript/schema.ts';

/**
 * Writes (or checks) openapi.json at the repository root and the TypeScript
 * SDK's types generated from it. Preview mode scans the modules without
 * connecting to anything.
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
  const document = buildOpenApiDocument(app);
  const outputs: Array<[file: string, text: string]> = [
    ['openapi.json', `${JSON.stringify(document, null, 2)}\n`],
    [SDK_TYPES, await sdkTypes(document)],
  ];
  if (command === 'write') {
    for (const [file, text] of outputs) {
      fs.mkdirSync(path.dirname(path.join(process.cwd(), file)), { recursive: true });
      fs.writeFileSync(path.join(process.cwd(), file), text);
      console.log(`Wrote ${file}`);
    }
  } else if (command === 'check') {
    for (const [file, text] of outputs) {
      const target = path.join(process.cwd(), file);
      const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
      if (current !== text) {
        console.error(`${file} is stale: run "npm run openapi:write" and commit it.`);
        process.exitCode = 1;
      } else {
        console.log(`${file} is current.`);
      }
    }
  } else {
    throw new Error('usage: openapi-cli.js write | check');
  }
}

/**
 * The TypeScript SDK's types (clients/typescript), generated from the document by
 * openapi-typescript and formatted as the repository formats code. Both are
 * development tools, loaded only here.
 */
async function sdkTypes(document: OpenAPIObject): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const prettier = await import('prettier');
  // A default is what the server uses for an omitted field: it stays optional in requests.
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)) as OpenAPI3, {
    defaultNonNullable: false,
  });
  const header =
    '// Generated from openapi.json by `npm run openapi:write` (openapi-typescript): do not edit.\n';
  const target = path.join(process.cwd(), SDK_TYPES);
  const options = (await prettier.resolveConfig(target)) ?? {};
  return prettier.format(header + astToString(ast), { ...options, filepath: target });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
