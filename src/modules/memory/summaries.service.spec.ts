import { jest } from '@jest/globals';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { QueueService } from '../../platform/queue/queue.service.js';
import type { JobSnapshot } from '../../platform/queue/queue.types.js';
import type { FeatureFlagsService } from '../feature-flags/feature-flags.service.js';
import type { ConsentGate } from './consent-gate.js';
import type { ConversationSummaries } from './conversation-summaries.js';
import { SummariesService, summaryJobId } from './summaries.service.js';
import type { SummaryLedger } from './summary-ledger.js';
import type { SummaryPayload, SummaryWriter } from './summary-writer.service.js';

const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const CONVERSATION = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

const unexpected = (name: string) => () => {
  throw new Error(`unexpected call to ${name}`);
};

function setup(parts: {
  owner?: boolean;
  enqueue?: () => Promise<string>;
  getJob?: () => Promise<JobSnapshot | undefined>;
  consent?: () => Promise<void>;
  lake?: boolean;
}) {
  const owners = { isOwner: jest.fn(async () => parts.owner ?? true) };
  const queue = {
    enqueue: jest.fn(parts.enqueue ?? unexpected('enqueue')),
    getJob: jest.fn(parts.getJob ?? unexpected('getJob')),
  };
  const writer = { persist: jest.fn<SummaryWriter['persist']>(unexpected('persist')) };
  const ledger = { track: jest.fn() };
  const consent = { assertProcessingAllowed: jest.fn(parts.consent ?? (async () => undefined)) };
  const flags = { isEnabledForUser: jest.fn(async () => parts.lake ?? true) };
  const service = new SummariesService(
    owners as unknown as ConversationSummaries,
    queue as unknown as QueueService,
    writer as unknown as SummaryWriter,
    ledger as unknown as SummaryLedger,
    consent as unknown as ConsentGate,
    flags as unknown as FeatureFlagsService,
  );
  return { service, owners, queue, writer, ledger, consent, flags };
}

describe('SummariesService.accept', () => {
  it('enqueues under a stable id and tracks the job until a worker finishes it', async () => {
    const { service, queue, ledger } = setup({ enqueue: async () => 'x' });
    const input = { conversationId: CONVERSATION, summary: 's', asOf: '2026-01-01T00:00:00Z' };
    const first = await service.accept(USER, input);
    const again = await service.accept(USER, input);
    expect(first).toEqual({
      job_id: again.job_id,
      status: 'queued',
      conversation_id: CONVERSATION,
      as_of: '2026-01-01T00:00:00.000Z',
    });
    expect(first.job_id).toMatch(/^summary\.[0-9a-f-]{36}\.[A-Za-z0-9]{24}$/);
    expect(queue.enqueue).toHaveBeenCalledWith(
      'memory-lake.persist-summary',
      expect.objectContaining({ userId: USER, summary: 's', asOf: '2026-01-01T00:00:00.000Z' }),
      { jobId: first.job_id },
    );
    expect(ledger.track).toHaveBeenCalledTimes(2);
  });

  it('answers 404 for a conversation that is not the caller’s, before enqueueing', async () => {
    const { service, queue } = setup({ owner: false });
    await expect(
      service.accept(USER, { conversationId: CONVERSATION, summary: 's' }),
    ).rejects.toThrow(DomainError);
    expect(queue.enqueue).not.toHaveBeenCalled();
  });

  it('refuses with feature-disabled when the memory-lake flag is off, before enqueueing', async () => {
    const { service, queue, flags } = setup({ lake: false });
    await expect(
      service.accept(USER, { conversationId: CONVERSATION, summary: 's' }),
    ).rejects.toMatchObject({ code: ErrorCode.FeatureDisabled });
    expect(flags.isEnabledForUser).toHaveBeenCalledWith('memory-lake', USER, true);
    expect(queue.enqueue).not.toHaveBeenCalled();
  });

  it('rejects a summary dated in the future', async () => {
    const { service, owners } = setup({});
    const asOf = new Date(Date.now() + 3_600_000).toISOString();
    await expect(
      service.accept(USER, { conversationId: CONVERSATION, summary: 's', asOf }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    expect(owners.isOwner).not.toHaveBeenCalled();
  });

  it.each([
    ['a NUL', 'before\u0000after'],
    ['a lone high surrogate', 'broken \ud83d here'],
    ['a lone low surrogate', '\ude00 broken'],
  ])('refuses a summary with %s before accepting it', async (_what, summary) => {
    const { service, owners, queue } = setup({});
    await expect(
      service.accept(USER, { conversationId: CONVERSATION, summary }),
    ).rejects.toMatchObject({
      code: 'validation-failed',
      extensions: { errors: [{ field: 'summary', message: expect.any(String) }] },
    });
    expect(owners.isOwner).not.toHaveBeenCalled();
    expect(queue.enqueue).not.toHaveBeenCalled();
  });

  it('accepts paired surrogates (emoji) and other control characters', async () => {
    const { service } = setup({ enqueue: async () => 'x' });
    const accepted = await service.accept(USER, {
      conversationId: CONVERSATION,
      summary: 'smile \ud83d\ude00 tab\t bell\u0007',
    });
    expect(accepted.status).toBe('queued');
  });

  it('answers 403 for a user whose data may not be processed, before enqueueing', async () => {
    const { service, queue, consent } = setup({
      consent: async () => {
        throw new DomainError(ErrorCode.ConsentRequired, 'Consent is missing: parental_consent.');
      },
    });
    await expect(
      service.accept(USER, { conversationId: CONVERSATION, summary: 's' }),
    ).rejects.toMatchObject({ code: 'consent-required' });
    expect(consent.assertProcessingAllowed).toHaveBeenCalledWith(USER);
    expect(queue.enqueue).not.toHaveBeenCalled();
  });

  it('fails only the request whose data the queue refused; the queue stays in use', async () => {
    let calls = 0;
    const { service, queue, writer } = setup({
      enqueue: async () => {
        if (++calls === 1) {
          throw Object.assign(new Error('unsupported Unicode escape sequence'), {
            driverError: { code: '22P05' },
          });
        }
        return 'x';
      },
    });
    await expect(
      service.accept(USER, { conversationId: CONVERSATION, summary: 'refused' }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    const next = await service.accept(USER, { conversationId: CONVERSATION, summary: 'fine' });
    expect(next.status).toBe('queued');
    expect(queue.enqueue).toHaveBeenCalledTimes(2);
    expect(writer.persist).not.toHaveBeenCalled();
  });

  it('stores the summary itself when the queue fails, and skips the queue for a while', async () => {
    const { service, queue, writer, ledger } = setup({
      enqueue: async () => {
        throw new Error('connection refused');
      },
    });
    writer.persist.mockImplementation(async () => ({
      conversation_found: true,
      memory_updated: true,
      rolling_summary_updated: true,
    }));
    const a = await service.accept(USER, { conversationId: CONVERSATION, summary: 'a' });
    const b = await service.accept(USER, { conversationId: CONVERSATION, summary: 'b' });
    expect([a.status, b.status]).toEqual(['stored', 'stored']);
    expect(a.job_id).toBeNull();
    expect(queue.enqueue).toHaveBeenCalledTimes(1);
    expect(writer.persist).toHaveBeenCalledTimes(2);
    expect(ledger.track).not.toHaveBeenCalled();
  });
});

describe('SummariesService.job', () => {
  const payload: SummaryPayload = {
    userId: USER,
    conversationId: CONVERSATION,
    summary: 's',
    asOf: '2026-01-01T00:00:00.000Z',
    acceptedAt: 0,
  };
  const snapshot: JobSnapshot = {
    id: summaryJobId(payload),
    name: 'memory-lake.persist-summary',
    queue: 'memory-lake',
    status: 'failed',
    data: payload,
    attemptsMade: 5,
    maxAttempts: 5,
    result: null,
    lastError: 'boom',
  };

  it('shows the owner the job, its attempts and its error', async () => {
    const { service } = setup({ getJob: async () => snapshot });
    expect(await service.job(USER, snapshot.id)).toMatchObject({
      status: 'failed',
      attempts_made: 5,
      last_error: 'boom',
      conversation_id: CONVERSATION,
    });
  });

  it('hides another user’s job as missing', async () => {
    const { service } = setup({ getJob: async () => snapshot });
    await expect(service.job('someone-else', snapshot.id)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('answers 503 when the queue cannot be asked', async () => {
    const { service } = setup({
      getJob: async () => {
        throw new Error('down');
      },
    });
    await expect(service.job(USER, snapshot.id)).rejects.toMatchObject({
      code: 'service-unavailable',
    });
  });
});
