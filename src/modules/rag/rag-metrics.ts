import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsService } from '../../platform/observability/metrics.service.js';

/**
 * Ingest progress on /metrics: texts sent to the embedder and chunks reused
 * (counted where jobs run), and documents and chunks by state (read from the
 * database at scrape time, so every instance reports the same).
 */
@Injectable()
export class RagMetrics implements OnApplicationBootstrap {
  private embedded?: Counter<'model'>;
  private reused?: Counter<'model'>;

  constructor(
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const metrics = this.findMetrics();
    if (!metrics) return;
    const registers = [metrics.registry];
    this.embedded = new Counter({
      name: 'parley_rag_embedded_texts_total',
      help: 'Texts sent to the embedder while ingesting documents',
      labelNames: ['model'],
      registers,
    });
    this.reused = new Counter({
      name: 'parley_rag_reused_chunks_total',
      help: 'Chunks whose embedding was already stored under the same chunk key',
      labelNames: ['model'],
      registers,
    });
    const dataSource = this.dataSource;
    new Gauge({
      name: 'parley_rag_documents',
      help: 'Knowledge-base documents by ingest status',
      labelNames: ['status'],
      registers,
      async collect() {
        const rows = (await dataSource
          .query(`SELECT status, count(*)::int AS n FROM rag.documents GROUP BY status`)
          .catch(() => [])) as { status: string; n: number }[];
        this.reset();
        for (const r of rows) this.set({ status: r.status }, r.n);
      },
    });
    new Gauge({
      name: 'parley_rag_ingest_chunks',
      help: 'Chunks of documents being ingested: done and total',
      labelNames: ['state'],
      registers,
      async collect() {
        const rows = (await dataSource
          .query(
            `SELECT coalesce(sum(chunks_done), 0)::int AS done, coalesce(sum(chunks_total), 0)::int AS total
               FROM rag.documents WHERE status IN ('queued', 'processing')`,
          )
          .catch(() => [])) as { done: number; total: number }[];
        this.set({ state: 'done' }, rows[0]?.done ?? 0);
        this.set({ state: 'total' }, rows[0]?.total ?? 0);
      },
    });
  }

  countEmbedded(model: string, n: number): void {
    if (n > 0) this.embedded?.inc({ model }, n);
  }

  countReused(model: string, n: number): void {
    if (n > 0) this.reused?.inc({ model }, n);
  }

  private findMetrics(): MetricsService | undefined {
    try {
      return this.moduleRef.get(MetricsService, { strict: false });
    } catch {
      return undefined;
    }
  }
}
