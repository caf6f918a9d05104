import 'reflect-metadata';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './platform/config/config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.env.PORT, config.env.HOST);
}

main().catch((err: unknown) => {
  // Configuration problems are the operator's to fix: say exactly what, no stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
