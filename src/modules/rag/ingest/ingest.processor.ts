import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../platform/queue/job-handler.decorator.js';
import { PermanentJobError } from '../../../platform/queue/permanent-job-error.js';
import type { JobContext, JobPayloads } from '../../../platform/queue/queue.types.js';
import { INGEST_ATTEMPTS } from '../documents.service.js';
import { IngestService, type IngestOutcome } from './ingest.service.js';

/** Runs ingest jobs in the worker (in-process in the embedded default). */
@Injectable()
export class IngestProcessor {
  constructor(private readonly ingest: IngestService) {}

  @JobHandler('rag-ingest.document')
  async run(
    payload: JobPayloads['rag-ingest.document'],
    context: JobContext,
  ): Promise<IngestOutcome> {
    try {
      return await this.ingest.ingest(payload.documentId, payload.sha256);
    } catch (err) {
      const final = err instanceof PermanentJobError || context.attempt >= INGEST_ATTEMPTS;
      await this.ingest.recordFailure(payload.documentId, payload.sha256, err, final);
      throw err;
    }
  }
}
