import { withTimeout } from '../../platform/async/with-timeout.js';
import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { QueueService } from '../../platform/queue/queue.service.js';
import { FeatureFlagsService } from '../feature-flags/feature-flags.service.js';
import { ConsentGate } from './consent-gate.js';
import { CONVERSATION_SUMMARIES, type ConversationSummaries } from './conversation-summaries.js';
import { SummaryAcceptedDto, SummaryJobDto } from './dto/summary.dto.js';
import { isDataError, unstorableText } from './storable.js';
import { SummaryLedger } from './summary-ledger.js';
import { SummaryWriter, type SummaryPayload } from './summary-writer.service.js';

const JOB = 'memory-lake.persist-summary';
/** Operators stop the lake taking summaries by switching this flag off. */
export const MEMORY_LAKE_FLAG = 'memory-lake';
/** An unreachable queue must not hold the request: past this, the summary is written here. */
const ENQUEUE_TIMEOUT_MS = 1500;
/** After the queue failed, summaries go straight to the database this long before it is tried again. */
const QUEUE_RETRY_AFTER_MS = 2000;
/** A summary dated far ahead would shadow every later one. */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface AcceptSummary {
  conversationId: string;
  summary: string;
  asOf?: string;
}

/**
 * The summary hot path: validate (everything the writer will need, so nothing
 * accepted fails later for its data), check ownership and consent (from memory
 * once seen), enqueue, answer. The database is touched only the first time an
 * instance sees the pair or the user, or when the queue is unreachable and the
 * summary is written synchronously instead.
 */
@Injectable()
export class SummariesService {
  private readonly logger = new Logger('MemoryLake');
  private queueDownUntil = 0;

  constructor(
    @Inject(CONVERSATION_SUMMARIES) private readonly owners: ConversationSummaries,
    private readonly queue: QueueService,
    private readonly writer: SummaryWriter,
    private readonly ledger: SummaryLedger,
    private readonly consent: ConsentGate,
    private readonly flags: FeatureFlagsService,
  ) {}

  async accept(userId: string, input: AcceptSummary): Promise<SummaryAcceptedDto> {
    const asOf = this.asOf(input.asOf);
    assertStorable(input.summary);
    if (!(await this.owners.isOwner(userId, input.conversationId))) {
      throw DomainError.notFound('Conversation');
    }
    // A minor without consent hears 403 now, not a 202 whose job is refused later.
    await this.consent.assertProcessingAllowed(userId);
    // Operators can stop the lake taking summaries (`memory-lake` flag); no flag keeps it on.
    if (!(await this.flags.isEnabledForUser(MEMORY_LAKE_FLAG, userId, true))) {
      throw new DomainError(
        ErrorCode.FeatureDisabled,
        'The memory lake is not accepting summaries now.',
      );
    }
    const payload: SummaryPayload = {
      userId,
      conversationId: input.conversationId,
      summary: input.summary,
      asOf,
      acceptedAt: Date.now(),
    };
    const jobId = summaryJobId(payload);
    const base = { conversation_id: input.conversationId, as_of: asOf };
    if (!(await this.enqueue(jobId, payload))) {
      await this.writer.persist(payload);
      return { job_id: null, status: 'stored', ...base };
    }
    this.ledger.track(jobId, payload);
    return { job_id: jobId, status: 'queued', ...base };
  }

  /**
   * Whether the queue took it; while it is known to be down, it is not asked.
   * Only a fault of the queue sends summaries to the direct path: a job the
   * queue's store refused for its data fails this request alone.
   */
  private async enqueue(jobId: string, payload: SummaryPayload): Promise<boolean> {
    if (Date.now() < this.queueDownUntil) return false;
    try {
      await withTimeout(this.queue.enqueue(JOB, payload, { jobId }), ENQUEUE_TIMEOUT_MS);
      return true;
    } catch (err) {
      if (isDataError(err)) {
        throw new DomainError(ErrorCode.ValidationFailed, 'The summary cannot be stored.', {
          errors: [{ field: 'summary', message: 'summary holds characters that cannot be stored' }],
        });
      }
      if (Date.now() >= this.queueDownUntil) {
        this.logger.warn(`queue unreachable (${errorText(err)}); storing summaries directly`);
      }
      this.queueDownUntil = Date.now() + QUEUE_RETRY_AFTER_MS;
      return false;
    }
  }

  async job(userId: string, jobId: string): Promise<SummaryJobDto> {
    let job;
    try {
      job = await this.queue.getJob(JOB, jobId);
    } catch {
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The job queue cannot be reached.');
    }
    const payload = job?.data as SummaryPayload | undefined;
    if (!job || job.name !== JOB || payload?.userId !== userId) {
      throw DomainError.notFound('Summary job');
    }
    return SummaryJobDto.from(job, payload);
  }

  private asOf(given: string | undefined): string {
    const at = given === undefined ? Date.now() : Date.parse(given);
    if (!Number.isFinite(at) || at > Date.now() + MAX_CLOCK_SKEW_MS || at < 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'as_of is out of range.', {
        errors: [
          { field: 'as_of', message: 'as_of must be a time after 1970 and not in the future' },
        ],
      });
    }
    return new Date(at).toISOString();
  }
}

function assertStorable(summary: string): void {
  const reason = unstorableText(summary);
  if (!reason) return;
  throw new DomainError(ErrorCode.ValidationFailed, 'The summary cannot be stored.', {
    errors: [{ field: 'summary', message: `summary ${reason}` }],
  });
}

/**
 * The same summary posted twice maps to the same job: a client retry while the
 * first is still known to the queue enqueues nothing new.
 */
export function summaryJobId(p: SummaryPayload): string {
  const digest = createHash('sha256')
    .update(`${p.userId}\n${p.conversationId}\n${p.asOf}\n${p.summary}`)
    .digest('base64url')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 24);
  return `summary.${p.conversationId}.${digest}`;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
