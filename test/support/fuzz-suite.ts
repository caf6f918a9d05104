import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createConversation } from '../factories/conversations.js';
import { startFullGuest } from '../factories/identity.js';
import { distinctFailures, fuzzSeed, reproductions, runOpenApiFuzz } from './fuzz-runner.js';
import { loadOpenApi, operationsOf } from './openapi-document.js';
import { fuzzCases } from './openapi-fuzz.js';
import { RowCounter } from './row-counter.js';

/**
 * S5 as one suite for either engine: every operation of openapi.json, called
 * with generated valid-ish and hostile input, must answer without a 5xx, refuse
 * with problem+json, and leave every table as it was when it refuses.
 */
export function describeOpenApiFuzz(
  engine: string,
  options: { start(): Promise<INestApplication>; stop(): Promise<void>; randomRuns: number },
): void {
  describe(`S5: generated bad input for every operation of openapi.json (${engine})`, () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await options.start();
    }, 120_000);

    afterAll(() => options.stop());

    it('generates cases for every operation the document lists', () => {
      const operations = operationsOf(loadOpenApi());
      expect(operations.length).toBeGreaterThan(20);
      const covered = operations.filter((op) => {
        const classes = new Set(fuzzCases(op).map((c) => c.inputClass));
        return classes.has('valid') && (!op.secured || classes.has('unauthenticated'));
      });
      expect(covered.map((op) => op.id)).toEqual(operations.map((op) => op.id));
    });

    it('sees a written row in its counts (so "nothing half-written" can fail)', async () => {
      const rows = await RowCounter.create(app.get(DataSource));
      expect(rows.tables).toEqual(expect.arrayContaining(['app.conversations', 'memory.items']));
      const user = await startFullGuest(app);
      // Every counted table is watched, so reusing counts while nothing was inserted or deleted is safe.
      expect(await rows.watched()).toEqual(rows.tables);
      const before = await rows.snapshot();
      await createConversation(app, user);
      expect(rows.changes(before, await rows.snapshot())).toEqual(['app.conversations +1']);
      // An update changes no count; a delete is seen as well as an insert.
      const unchanged = await rows.snapshot();
      await app
        .get(DataSource)
        .query(`DELETE FROM app.conversations WHERE user_id = $1`, [user.id]);
      expect(rows.changes(unchanged, await rows.snapshot())).toEqual(['app.conversations -1']);
    });

    it('answers every request without a 5xx, refuses with problem+json and writes nothing when it refuses', async () => {
      const result = await runOpenApiFuzz(app, {
        seed: fuzzSeed(),
        randomRuns: options.randomRuns,
      });
      console.log(reproductions(result));
      // The suite cannot pass by covering nothing: every operation received requests.
      expect([...result.exercised].sort()).toEqual([...result.documented].sort());
      expect(distinctFailures(result.failures)).toEqual([]);
    }, 900_000);
  });
}
