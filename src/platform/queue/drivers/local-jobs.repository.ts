import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sweep } from '../../database/sweep.js';
import type { FailedJob, JobSnapshot, QueueDepths, QueueName } from '../queue.types.js';
import { emptyDepths } from '../queue.types.js';

export interface NewLocalJob {
  id: string;
  queue: QueueName;
  name: string;
  jobKey: string;
  data: unknown;
  maxAttempts: number;
  backoffMs: number;
  delayMs: number;
}

export interface ClaimedJob {
  id: string;
  name: string;
  jobKey: string;
  data: unknown;
  /** Runs started, this one included; also the fence that keeps a stale runner's write out. */
  attemptsMade: number;
  maxAttempts: number;
  backoffMs: number;
}

/** A running job, as its runner knows it: the row id and the attempt it runs. */
export interface Lease {
  id: string;
  attempt: number;
}

const MS = `* interval '1 millisecond'`;

/**
 * Every statement is a single autocommit query: in embedded mode all connections
 * share one backend, so a claim must never hold a transaction open while waiting.
 */
@Injectable()
export class LocalJobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertIfAbsent(job: NewLocalJob): Promise<void> {
    await this.rows(
      `INSERT INTO app.queued_jobs
         (id, queue, name, job_key, data, status, max_attempts, backoff_ms, run_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, 'waiting', $6, $7, now() + $8::int ${MS})
       ON CONFLICT (queue, job_key) DO NOTHING`,
      [
        job.id,
        job.queue,
        job.name,
        job.jobKey,
        JSON.stringify(job.data ?? null),
        job.maxAttempts,
        job.backoffMs,
        job.delayMs,
      ],
    );
  }

  /** Takes the next due job, or one whose runner's lease ran out, skipping rows others hold. */
  async claimNext(queues: QueueName[], leaseMs: number): Promise<ClaimedJob | undefined> {
    const [job] = await this.rows<ClaimedJob>(
      `UPDATE app.queued_jobs
          SET status = 'active', attempts_made = attempts_made + 1,
              locked_until = now() + $2::int ${MS}, updated_at = now()
        WHERE id = (
          SELECT id FROM app.queued_jobs
           WHERE queue = ANY($1::varchar[])
             AND ((status = 'waiting' AND run_at <= now())
               OR (status = 'active' AND locked_until < now()))
           ORDER BY run_at, id
           LIMIT 1
           FOR UPDATE SKIP LOCKED)
      RETURNING id, name, job_key AS "jobKey", data, attempts_made AS "attemptsMade",
                max_attempts AS "maxAttempts", backoff_ms AS "backoffMs"`,
      [queues, leaseMs],
    );
    return job;
  }

  async complete(lease: Lease, result: unknown): Promise<void> {
    await this.rows(
      `UPDATE app.queued_jobs
          SET status = 'completed', result = $3::jsonb, locked_until = NULL,
              finished_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'active' AND attempts_made = $2`,
      [lease.id, lease.attempt, JSON.stringify(result ?? null)],
    );
  }

  async retryLater(lease: Lease, error: string, delayMs: number): Promise<void> {
    await this.rows(
      `UPDATE app.queued_jobs
          SET status = 'waiting', last_error = $3, run_at = now() + $4::int ${MS},
              locked_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'active' AND attempts_made = $2`,
      [lease.id, lease.attempt, error, delayMs],
    );
  }

  async markFailed(lease: Lease, error: string): Promise<void> {
    await this.rows(
      `UPDATE app.queued_jobs
          SET status = 'failed', last_error = $3, locked_until = NULL,
              finished_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'active' AND attempts_made = $2`,
      [lease.id, lease.attempt, error],
    );
  }

  async renewLeases(leases: Lease[], leaseMs: number): Promise<void> {
    if (leases.length === 0) return;
    await this.rows(
      `UPDATE app.queued_jobs AS j
          SET locked_until = now() + $3::int ${MS}
         FROM unnest($1::uuid[], $2::int[]) AS l(id, attempt)
        WHERE j.id = l.id AND j.attempts_made = l.attempt AND j.status = 'active'`,
      [leases.map((l) => l.id), leases.map((l) => l.attempt), leaseMs],
    );
  }

  /** Hands jobs whose runner is stopping back to the queue, due at once. */
  async release(leases: Lease[]): Promise<void> {
    if (leases.length === 0) return;
    await this.rows(
      `UPDATE app.queued_jobs AS j
          SET status = 'waiting', locked_until = NULL, run_at = now(), updated_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS l(id, attempt)
        WHERE j.id = l.id AND j.attempts_made = l.attempt AND j.status = 'active'`,
      [leases.map((l) => l.id), leases.map((l) => l.attempt)],
    );
  }

  async promoteDelayed(): Promise<void> {
    await this.rows(
      `UPDATE app.queued_jobs SET run_at = now(), updated_at = now()
        WHERE status = 'waiting' AND run_at > now()`,
    );
  }

  /** Completed jobs are kept a while (their id still deduplicates), then removed in batches. */
  async pruneCompleted(olderThanMs: number): Promise<void> {
    await this.rows(
      `DELETE FROM app.queued_jobs WHERE id IN (
         SELECT id FROM app.queued_jobs
          WHERE status = 'completed' AND finished_at < now() - $1::int ${MS}
          LIMIT 1000)`,
      [olderThanMs],
    );
  }

  /** Erasure: the not-running jobs of a name whose payload field has this value; their ids. */
  async removeWhere(
    queue: QueueName,
    name: string,
    field: string,
    value: string,
  ): Promise<string[]> {
    const rows = await this.rows<{ id: string }>(
      `DELETE FROM app.queued_jobs
        WHERE queue = $1 AND name = $2 AND data->>$3 = $4 AND status <> 'active'
        RETURNING job_key AS id`,
      [queue, name, field, value],
    );
    return rows.map((r) => r.id);
  }

  async countWhere(queue: QueueName, name: string, field: string, value: string): Promise<number> {
    const [row] = await this.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.queued_jobs
        WHERE queue = $1 AND name = $2 AND data->>$3 = $4`,
      [queue, name, field, value],
    );
    return row!.n;
  }

  /** Retention: failed jobs that finished before the cutoff (their errors read, or never). */
  pruneFailed(olderThanMs: number, dryRun: boolean): Promise<number> {
    return sweep(
      this.dataSource,
      {
        table: 'app.queued_jobs',
        where: `status = 'failed' AND finished_at < now() - $1::bigint ${MS}`,
        params: [olderThanMs],
      },
      dryRun,
    );
  }

  async findByKey(queue: QueueName, jobKey: string): Promise<JobSnapshot | undefined> {
    const [job] = await this.rows<JobSnapshot>(
      `SELECT job_key AS id, name, queue, data, result, last_error AS "lastError",
              attempts_made AS "attemptsMade", max_attempts AS "maxAttempts",
              CASE WHEN status = 'waiting' AND run_at > now() THEN 'delayed' ELSE status END AS status
         FROM app.queued_jobs WHERE queue = $1 AND job_key = $2`,
      [queue, jobKey],
    );
    return job;
  }

  async depths(): Promise<QueueDepths> {
    const rows = await this.rows<{ queue: QueueName } & Record<string, number>>(
      `SELECT queue,
              count(*) FILTER (WHERE status = 'waiting' AND run_at <= now())::int AS waiting,
              count(*) FILTER (WHERE status = 'waiting' AND run_at > now())::int AS delayed,
              count(*) FILTER (WHERE status = 'active')::int AS active,
              count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM app.queued_jobs WHERE status <> 'completed' GROUP BY queue`,
    );
    const depths = emptyDepths();
    for (const { queue, waiting, delayed, active, failed } of rows) {
      // Rows of a queue this build no longer knows are not reported.
      if (depths[queue]) depths[queue] = { waiting, delayed, active, failed };
    }
    return depths;
  }

  async failed(queue: QueueName, limit: number): Promise<FailedJob[]> {
    return this.rows<FailedJob>(
      `SELECT job_key AS id, name, queue, attempts_made AS "attemptsMade",
              max_attempts AS "maxAttempts", last_error AS "lastError", finished_at AS "failedAt"
         FROM app.queued_jobs WHERE queue = $1 AND status = 'failed'
        ORDER BY finished_at DESC, id DESC LIMIT $2`,
      [queue, limit],
    );
  }

  /** UPDATE and DELETE answer `[rows, count]` through `DataSource.query`; this always gives rows. */
  private async rows<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return result.records as T[];
    } finally {
      await runner.release();
    }
  }
}
