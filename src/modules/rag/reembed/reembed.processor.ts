import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../platform/queue/job-handler.decorator.js';
import { PermanentJobError } from '../../../platform/queue/permanent-job-error.js';
import type { JobContext, JobPayloads } from '../../../platform/queue/queue.types.js';
import { REEMBED_ATTEMPTS, ReembedService, type ReembedOutcome } from './reembed.service.js';

/** Runs model changes in the worker (in-process in the embedded default). */
@Injectable()
export class ReembedProcessor {
  constructor(private readonly reembed: ReembedService) {}

  @JobHandler('rag-ingest.reembed')
  async run(
    payload: JobPayloads['rag-ingest.reembed'],
    context: JobContext,
  ): Promise<ReembedOutcome> {
    try {
      return await this.reembed.run(payload.profileId);
    } catch (err) {
      const final = err instanceof PermanentJobError || context.attempt >= REEMBED_ATTEMPTS;
      await this.reembed.recordFailure(payload.profileId, err, final);
      throw err;
    }
  }
}
