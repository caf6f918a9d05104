import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.tokens.js';

export type VectorMode = 'pgvector' | 'exact-scan';

/**
 * Whether vector search uses pgvector. With it, searches go through HNSW
 * expression indexes; without it (a stock PostgreSQL, or RAG_VECTOR_MODE=exact),
 * the same schema is searched by an exact scan ordered in the database. The
 * extension is created here when the server offers it but a migration ran
 * before it was installed.
 */
@Injectable()
export class VectorSupportService {
  private readonly logger = new Logger('Vectors');
  private pending?: Promise<VectorMode>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  mode(): Promise<VectorMode> {
    this.pending ??= this.detect().catch((err: unknown) => {
      this.pending = undefined;
      throw err;
    });
    return this.pending;
  }

  async hasPgvector(): Promise<boolean> {
    return (await this.mode()) === 'pgvector';
  }

  private async detect(): Promise<VectorMode> {
    if (this.config.rag.vectorMode === 'exact') return 'exact-scan';
    const rows = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS installed,
              EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS available`,
    )) as { installed: boolean; available: boolean }[];
    if (rows[0]?.installed) return 'pgvector';
    if (!rows[0]?.available) return 'exact-scan';
    try {
      await this.dataSource.query('CREATE EXTENSION IF NOT EXISTS vector');
      return 'pgvector';
    } catch (err) {
      // Creating an extension may need rights this role lacks: exact scan still works.
      this.logger.warn(`pgvector is available but cannot be enabled (${String(err)}); exact scan`);
      return 'exact-scan';
    }
  }
}
