import 'reflect-metadata';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './platform/config/config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.env.PORT, config.env.HOST);
  // Idle keep-alive sockets outlive the client's and a load balancer's (60 s is common):
  // the side that closes an idle connection is then never the server, so no client
  // reuses a socket the server has just closed.
  const server = app.getHttpServer();
  server.keepAliveTimeout = config.env.HTTP_KEEP_ALIVE_TIMEOUT_SECONDS * 1000;
  server.headersTimeout = server.keepAliveTimeout + 1000;
}

main().catch((err: unknown) => {
  // Configuration problems are the operator's to fix: say exactly what, no stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
