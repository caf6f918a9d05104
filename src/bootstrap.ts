import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/config.js';
import { bodyParserProblem } from './platform/http/problem.filter.js';
import { writeProblem } from './platform/http/problem.js';
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
    {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
      logger: options.silent ? false : undefined,
    },
  );
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(
    helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' } }),
  );
  app.enableCors({
    origin: config.env.CORS_ORIGINS.length ? config.env.CORS_ORIGINS : false,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'X-Cache', 'Retry-After', 'Location'],
  });
  app.use(
    express.json({
      limit: config.env.JSON_BODY_LIMIT,
      type: ['application/json', 'application/*+json'],
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: config.env.JSON_BODY_LIMIT }));
  // body-parser fails before any route runs, so its errors are answered here.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    const problem = bodyParserProblem(err);
    if (!problem) return next(err);
    writeProblem(res, problem);
  });
  app.setGlobalPrefix('v1', { exclude: UNVERSIONED });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
