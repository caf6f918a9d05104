import { runMixedLoad } from '../../bench/mixed-load/clients.js';
import { grantAdminWithCli } from '../../bench/mixed-load/admin-cli.js';
import { createFixture } from '../../bench/mixed-load/fixture.js';
import { verifyNothingLost } from '../../bench/mixed-load/verify.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { tempDir, testRedisPrefix } from '../support/app.js';
import { startWorker, stopProcess, type WorkerProcess } from '../support/worker-process.js';

/** The load lasts this long (it is a duration of load, nothing is timed against it). */
const SECONDS = Number(process.env.PARLEY_R5_SECONDS ?? 60);
const CLIENTS = 200;

/** Every route of the mix: each must have been answered during the load. */
const ROUTES = [
  'GET /conversations/:id/messages',
  'GET /memory/items/:ns/:key',
  'GET /search/messages',
  'GET /streams/:id/events',
  'POST /auth/login',
  'POST /auth/refresh',
  'POST /conversations/:id/artifacts',
  'POST /conversations/:id/messages',
  'POST /conversations/:id/messages/batch',
  'POST /conversations/:id/streams',
  'POST /memory/summaries',
  'POST /rag/search',
  'POST /streams/:id/chunks',
  'POST /streams/:id/complete',
  'PUT /memory/items/:ns/:key',
];

/**
 * R5: 200 clients of a mixed workload against the servers mode (one API
 * process, one worker process, PostgreSQL and Redis): no 5xx, no request left
 * unanswered, and everything accepted is read back afterwards.
 */
describe('R5: mixed load', () => {
  const prefix = testRedisPrefix('r5');
  const dataDir = tempDir('parley-r5-');
  const env = { REDIS_KEY_PREFIX: prefix, DATA_DIR: dataDir };
  let api: ApiProcess;
  let worker: WorkerProcess;

  beforeAll(async () => {
    worker = startWorker(env);
    api = await startApiProcess(env);
  }, 180_000);

  afterAll(async () => {
    if (worker) await stopProcess(worker.child, 'SIGTERM');
    if (api) await stopProcess(api.child, 'SIGTERM');
  }, 60_000);

  it(
    `answers ${CLIENTS} clients for ${SECONDS} s without a 5xx and loses nothing accepted`,
    async () => {
      const fixture = await createFixture({
        base: api.base,
        users: 20,
        clients: CLIENTS,
        grantAdmin: (email) =>
          grantAdminWithCli(email, {
            NODE_ENV: 'test',
            DATABASE_URL: process.env.PARLEY_TEST_DATABASE_URL!,
            REDIS_URL: process.env.PARLEY_TEST_REDIS_URL!,
            ...env,
          }),
      });
      const { recorder, ledger } = await runMixedLoad(fixture, SECONDS * 1000);

      expect(recorder.failures).toEqual([]);
      expect({ serverErrors: recorder.serverErrors, unanswered: recorder.networkErrors }).toEqual({
        serverErrors: 0,
        unanswered: 0,
      });
      expect(recorder.figures().map((f) => f.route)).toEqual(ROUTES);
      expect(await verifyNothingLost(fixture, ledger)).toEqual([]);
      // What was read back is what the load wrote: it did write some of each.
      expect(ledger.messages.size).toBeGreaterThan(0);
      expect(ledger.summaries.size).toBeGreaterThan(0);
      expect(ledger.streams.some((s) => s.chunks.length > 0)).toBe(true);
      expect(worker.child.exitCode).toBeNull();
    },
    15 * 60_000,
  );
});
