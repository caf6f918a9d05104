import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/config.js';
import {
  answerClientErrors,
  answerEarlyErrors,
  ProblemExpressAdapter,
} from './platform/http/http-server.js';
import { ADMIN_CONSOLE_PATH, adminConsole } from './platform/http/admin-console.js';
import { jsonBodyParser } from './platform/http/body-limits.js';
import { inputRules } from './platform/http/input-rules.js';
import { MESSAGE_BATCH_PATH } from './modules/conversations/dto/message.dto.js';
import { createValidationPipe } from './platform/http/validation.js';
import { setupOpenApi } from './platform/http/openapi.js';

/** Routes outside the /v1 prefix. */
const UNVERSIONED = [
  { path: 'health/live', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
  { path: 'metrics', method: RequestMethod.GET },
];

export interface CreateAppOptions {
  /** Keep Nest's own logger quiet in tests unless asked. */
  silent?: boolean;
  /** Extra modules composed into the application (tests mount probe routes this way). */
  imports?: DynamicModule['imports'];
}

/** Builds the HTTP application; main.ts listens, tests drive it with supertest. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, 'api', options.imports),
    new ProblemExpressAdapter(),
    {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
      logger: options.silent ? false : undefined,
    },
  );
  app.useLogger(app.get(Logger));
  answerClientErrors(app.getHttpServer());
  app.set('trust proxy', config.env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(
    helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' } }),
  );
  // Static files, before the API: the console's CSP replaces helmet's (off) one.
  app.use(ADMIN_CONSOLE_PATH, adminConsole());
  app.enableCors({
    origin: config.env.CORS_ORIGINS.length ? config.env.CORS_ORIGINS : false,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'X-Cache', 'Retry-After', 'Location'],
  });
  app.use(
    jsonBodyParser(config.env.JSON_BODY_LIMIT, [
      { method: 'POST', path: MESSAGE_BATCH_PATH, limit: config.env.MESSAGE_BATCH_BODY_LIMIT },
    ]),
  );
  // JSON only: no other body parser. A route that takes another type says so (@AcceptsBody).
  app.use(inputRules());
  // body-parser and the input rules fail before any route runs, so their errors are answered here.
  app.use(answerEarlyErrors());
  app.setGlobalPrefix('v1', { exclude: UNVERSIONED });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
