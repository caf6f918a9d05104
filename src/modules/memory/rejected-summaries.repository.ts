import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface NewRejectedSummary {
  jobId: string;
  userId: string;
  conversationId: string;
  asOf: string;
  reason: string;
  summaryJson: string | null;
}

@Injectable()
export class RejectedSummariesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The same job rejected again (a retry, the ledger after the worker) keeps its first record. */
  async insertIfAbsent(row: NewRejectedSummary): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO memory.rejected_summaries
         (job_id, user_id, conversation_id, as_of, reason, summary_json)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (job_id) DO NOTHING`,
      [row.jobId, row.userId, row.conversationId, row.asOf, row.reason, row.summaryJson],
    );
  }
}
