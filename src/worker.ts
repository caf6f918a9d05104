import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig } from './platform/config/config.js';
import { MetricsService } from './platform/observability/metrics.service.js';
import { serveWorkerMetrics } from './platform/observability/worker-metrics.server.js';

/** The worker process: the same modules as the API, queue processors on, no HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'worker'), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  const port = config.env.WORKER_METRICS_PORT;
  if (port) {
    const server = await serveWorkerMetrics(
      app.get(MetricsService).registry,
      port,
      config.env.HOST,
    );
    process.once('SIGTERM', () => server.close());
  }
  app
    .get(Logger)
    .log(
      `worker started (queue driver ${config.queue.driver}` +
        (port ? `, metrics on port ${port})` : ')'),
    );
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
