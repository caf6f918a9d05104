import { jest } from '@jest/globals';
import type { AppConfig } from '../../platform/config/config.js';
import type { QueueService } from '../../platform/queue/queue.service.js';
import type { JobSnapshot } from '../../platform/queue/queue.types.js';
import { SummaryLedger } from './summary-ledger.js';
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
  const queue = { getJob: jest.fn((_name: string, id: string) => getJob(id)) };
  const writer = { persist: jest.fn(async (_p: SummaryPayload) => ({})) };
  const ledger = new SummaryLedger(
    config,
    queue as unknown as QueueService,
    writer as unknown as SummaryWriter,
  );
  const sweep = () => (ledger as unknown as { sweep(): Promise<void> }).sweep();
  return { ledger, writer, sweep };
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

  it('tracks nothing on the local queue, whose jobs are rows already', () => {
    const ledger = new SummaryLedger(
      { queue: { driver: 'local' } } as AppConfig,
      {} as QueueService,
      {} as SummaryWriter,
    );
    ledger.track('a', payload('a'));
    expect(ledger.size()).toBe(0);
  });
});
