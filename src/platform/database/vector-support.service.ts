import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type VectorMode = 'pgvector' | 'exact-scan';

/**
 * Whether this server has pgvector. With it, vector search uses HNSW indexes;
 * without it (a stock PostgreSQL), the same schema is searched by exact scan.
 */
@Injectable()
export class VectorSupportService {
  private cached?: VectorMode;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async mode(): Promise<VectorMode> {
    if (this.cached) return this.cached;
    const rows = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS installed`,
    )) as { installed: boolean }[];
    this.cached = rows[0]?.installed ? 'pgvector' : 'exact-scan';
    return this.cached;
  }

  async hasPgvector(): Promise<boolean> {
    return (await this.mode()) === 'pgvector';
  }
}
