import { jest } from '@jest/globals';
import type { AppConfig } from '../../platform/config/config.js';
import { progressOf } from '../../platform/queue/queue.driver.js';
import type { QueueService } from '../../platform/queue/queue.service.js';
import type { JobSnapshot } from '../../platform/queue/queue.types.js';
import { UnstorableSummary } from './storable.js';
import { SummaryLedger } from './summary-ledger.js';
import type { SummaryRejections } from './summary-rejections.js';
import type { SummaryPayload, SummaryWriter } from './summary-writer.service.js';

const payload = (summary: string): SummaryPayload => ({
  userId: 'u',
  conversationId: 'c',
  summary,
  asOf: '2026-01-01T00:00:00.000Z',
  acceptedAt: 0,
});

function ledgerWith(getJob: (id: string) => Promise<JobSnapshot | undefined>) {
  const config = { queue: { driver: 'bullmq' } } as AppConfig;
  const queue = {
    progress: jest.fn(async (_name: string, ids: string[]) =>
      Promise.all(ids.map(async (id) => progressOf(await getJob(id)))),
    ),
  };
  const writer = { persist: jest.fn(async (_p: SummaryPayload) => ({})) };
  const rejections = {
    record: jest.fn(async (_id: string, _p: SummaryPayload, _err: unknown) => undefined),
  };
  const ledger = new SummaryLedger(
    config,
    queue as unknown as QueueService,
    writer as unknown as SummaryWriter,
    rejections as unknown as SummaryRejections,
  );
  const sweep = () => (ledger as unknown as { sweep(): Promise<void> }).sweep();
  return { ledger, writer, rejections, sweep };
}

const job = (status: JobSnapshot['status']) => ({ status }) as JobSnapshot;

describe('SummaryLedger', () => {
  it('forgets finished jobs, keeps unfinished ones, and writes those Redis lost', async () => {
    const states: Record<string, JobSnapshot | undefined> = {
      done: job('completed'),
      failed: job('failed'),
      waiting: job('waiting'),
      lost: undefined,
    };
    const { ledger, writer, sweep } = ledgerWith(async (id) => states[id]);
    for (const id of Object.keys(states)) ledger.track(id, payload(id));
    await sweep();
    expect(writer.persist.mock.calls.map(([p]) => p.summary)).toEqual(['lost']);
    expect(ledger.size()).toBe(1);
  });

  it('writes everything it holds when the queue cannot be reached, and at shutdown', async () => {
    const { ledger, writer, sweep } = ledgerWith(async () => {
      throw new Error('ECONNREFUSED');
    });
    ledger.track('a', payload('a'));
    ledger.track('b', payload('b'));
    await sweep();
    expect(writer.persist).toHaveBeenCalledTimes(2);
    expect(ledger.size()).toBe(0);

    ledger.track('c', payload('c'));
    await ledger.beforeApplicationShutdown();
    expect(writer.persist).toHaveBeenCalledTimes(3);
  });

  it('keeps what the database refused, for the next sweep', async () => {
    const { ledger, writer, sweep } = ledgerWith(async () => undefined);
    writer.persist.mockImplementationOnce(async () => {
      throw new Error('database down');
    });
    ledger.track('a', payload('a'));
    await sweep();
    expect(ledger.size()).toBe(1);
    await sweep();
    expect(ledger.size()).toBe(0);
  });

  it.each([
    ['while the queue is unreachable', 'sweep'],
    ['at shutdown', 'shutdown'],
  ])(
    'records a summary that can never be stored and writes every other one %s',
    async (_when, path) => {
      const { ledger, writer, rejections, sweep } = ledgerWith(async () => {
        throw new Error('ECONNREFUSED');
      });
      const refusal = new UnstorableSummary('The summary contains a NUL character.');
      const dataError = Object.assign(new Error('invalid input syntax for type json'), {
        driverError: { code: '22P02' },
      });
      writer.persist.mockImplementation(async (p) => {
        if (p.summary === 'nul') throw refusal;
        if (p.summary === 'surrogate') throw dataError;
        return {};
      });
      for (const id of ['a', 'nul', 'b', 'surrogate', 'c']) ledger.track(id, payload(id));
      if (path === 'sweep') await sweep();
      else await ledger.beforeApplicationShutdown();
      expect(writer.persist.mock.calls.map(([p]) => p.summary)).toEqual([
        'a',
        'nul',
        'b',
        'surrogate',
        'c',
      ]);
      expect(rejections.record.mock.calls).toEqual([
        ['nul', payload('nul'), refusal],
        ['surrogate', payload('surrogate'), dataError],
      ]);
      // Rejected ones are not tried again: nothing is left.
      expect(ledger.size()).toBe(0);
    },
  );

  it('keeps summaries the database could not take yet, and stops after three such in a row', async () => {
    const { ledger, writer, rejections, sweep } = ledgerWith(async () => {
      throw new Error('ECONNREFUSED');
    });
    writer.persist.mockImplementation(async () => {
      throw new Error('connection terminated');
    });
    for (const id of ['a', 'b', 'c', 'd', 'e']) ledger.track(id, payload(id));
    await sweep();
    expect(writer.persist).toHaveBeenCalledTimes(3);
    expect(rejections.record).not.toHaveBeenCalled();
    expect(ledger.size()).toBe(5);
  });

  it('forgets at once what a processor here settled, so a queue fault never writes it again', async () => {
    const { ledger, writer, sweep } = ledgerWith(async () => {
      throw new Error('ECONNREFUSED');
    });
    ledger.track('stored', payload('stored'));
    ledger.track('waiting', payload('waiting'));
    ledger.settle('stored');
    await sweep();
    expect(writer.persist.mock.calls.map(([p]) => p.summary)).toEqual(['waiting']);
  });

  it('tracks nothing on the local queue, whose jobs are rows already', () => {
    const ledger = new SummaryLedger(
      { queue: { driver: 'local' } } as AppConfig,
      {} as QueueService,
      {} as SummaryWriter,
      {} as SummaryRejections,
    );
    ledger.track('a', payload('a'));
    expect(ledger.size()).toBe(0);
  });
});
