import { spawn } from 'node:child_process';
import { tempDir } from '../support/app.js';
import { freePort } from '../support/servers.mjs';

const MAIN = new URL('../../dist/src/main.js', import.meta.url).pathname;

function run(
  env: Record<string, string>,
  timeoutMs = 20000,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: tempDir(), LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('the API process refuses a bad configuration', () => {
  it('stops on a wrong value, naming the variable', async () => {
    const { code, stderr } = await run({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT: /);
  });

  it('stops in production when servers or secrets are missing, naming each', async () => {
    const port = String(await freePort());
    const { code, stderr } = await run({ NODE_ENV: 'production', PORT: port });
    expect(code).toBe(1);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_PRIVATE_KEY', 'ENCRYPTION_KEY']) {
      expect(stderr).toContain(`${name}: required when NODE_ENV=production`);
    }
  });

  it('leaves no embedded database host behind holding its output open', async () => {
    // The host inherits stdout/stderr: until every holder exits, 'close' does not come.
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: tempDir(),
        LOG_LEVEL: 'silent',
        ENCRYPTION_KEY: 'short',
        PORT: String(await freePort()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.resume();
    child.stderr!.resume();
    const closed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 15_000);
      child.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    expect(closed).toBe(true);
  });

  it('stops on a malformed encryption key, naming it', async () => {
    const { code, stderr } = await run({ ENCRYPTION_KEY: 'short', PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(stderr).toMatch(/ENCRYPTION_KEY: /);
  });
});
