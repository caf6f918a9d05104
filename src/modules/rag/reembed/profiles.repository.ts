import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ProfileStatus,
  type RagEmbeddingProfile,
} from '../entities/rag-embedding-profile.entity.js';

const COLUMNS = `id, collection_id AS "collectionId", provider, model, dimensions, distance, status,
  chunks_done AS "chunksDone", chunks_total AS "chunksTotal", error,
  created_at AS "createdAt", updated_at AS "updatedAt", activated_at AS "activatedAt"`;

export type NewProfile = Pick<
  RagEmbeddingProfile,
  'id' | 'collectionId' | 'provider' | 'model' | 'dimensions'
>;

/** Embedding profiles of model changes and the vectors they are built from. */
@Injectable()
export class ProfilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when the collection has a model change building already. */
  async insertBuilding(p: NewProfile): Promise<RagEmbeddingProfile | null> {
    const rows = (await this.dataSource.query(
      `INSERT INTO rag.embedding_profiles (id, collection_id, provider, model, dimensions, status,
         chunks_total)
       SELECT $1, $2, $3, $4, $5, '${ProfileStatus.Building}',
              (SELECT count(*) FROM rag.chunks WHERE collection_id = $2)
       ON CONFLICT (collection_id) WHERE status = '${ProfileStatus.Building}' DO NOTHING
       RETURNING ${COLUMNS}`,
      [p.id, p.collectionId, p.provider, p.model, p.dimensions],
    )) as RagEmbeddingProfile[];
    return rows[0] ?? null;
  }

  async find(
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<RagEmbeddingProfile | null> {
    const rows = (await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM rag.embedding_profiles WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as RagEmbeddingProfile[];
    return rows[0] ?? null;
  }

  /** Each collection's latest model change that is not live (building or failed), by collection id. */
  async pendingOf(collectionIds: string[]): Promise<Map<string, RagEmbeddingProfile>> {
    if (collectionIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (collection_id) ${COLUMNS} FROM rag.embedding_profiles
        WHERE collection_id = ANY($1::uuid[])
        ORDER BY collection_id, created_at DESC, id DESC`,
      [collectionIds],
    )) as RagEmbeddingProfile[];
    return new Map(
      rows
        .filter((r) => r.status === ProfileStatus.Building || r.status === ProfileStatus.Failed)
        .map((r) => [r.collectionId, r]),
    );
  }

  /** Chunks of the collection without a vector of the profile yet, a batch in id order. */
  missing(
    profileId: string,
    collectionId: string,
    limit: number,
    manager?: EntityManager,
  ): Promise<{ id: string; content: string }[]> {
    return (manager ?? this.dataSource).query(
      `SELECT c.id, c.content FROM rag.chunks c
        WHERE c.collection_id = $2
          AND NOT EXISTS (SELECT 1 FROM rag.profile_vectors v
                           WHERE v.profile_id = $1 AND v.chunk_id = c.id)
        ORDER BY c.id LIMIT $3`,
      [profileId, collectionId, limit],
    ) as Promise<{ id: string; content: string }[]>;
  }

  /** Vectors for chunks; a chunk deleted meanwhile is skipped (its row would go with it anyway). */
  async addVectors(
    profileId: string,
    vectors: { chunkId: string; chunkKey: string; embedding: number[] }[],
  ): Promise<void> {
    if (vectors.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO rag.profile_vectors (profile_id, chunk_id, chunk_key, embedding)
       SELECT $1, v.chunk_id, v.chunk_key,
              (SELECT array_agg(e.x::real ORDER BY e.n)
                 FROM jsonb_array_elements_text(v.embedding) WITH ORDINALITY AS e(x, n))
         FROM jsonb_to_recordset($2::jsonb) AS v(chunk_id uuid, chunk_key text, embedding jsonb)
        WHERE EXISTS (SELECT 1 FROM rag.chunks c WHERE c.id = v.chunk_id)
       ON CONFLICT (profile_id, chunk_id) DO NOTHING`,
      [
        profileId,
        JSON.stringify(
          vectors.map((v) => ({
            chunk_id: v.chunkId,
            chunk_key: v.chunkKey,
            embedding: v.embedding,
          })),
        ),
      ],
    );
  }

  /** Progress as it stands: vectors made of chunks there are. */
  async updateProgress(profileId: string, collectionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE rag.embedding_profiles SET updated_at = now(),
              chunks_done = (SELECT count(*) FROM rag.profile_vectors WHERE profile_id = $1),
              chunks_total = (SELECT count(*) FROM rag.chunks WHERE collection_id = $2)
        WHERE id = $1 AND status = '${ProfileStatus.Building}'`,
      [profileId, collectionId],
    );
  }

  /**
   * The switch, inside the caller's transaction (collection locked): every
   * chunk takes the profile's vector and chunk key, the collection the
   * profile, the previous live profile is superseded, the vectors go.
   */
  async switchTo(p: RagEmbeddingProfile, manager: EntityManager): Promise<number> {
    const [, moved] = (await manager.query(
      `UPDATE rag.chunks c SET embedding = v.embedding, chunk_key = v.chunk_key
         FROM rag.profile_vectors v
        WHERE v.profile_id = $1 AND v.chunk_id = c.id AND c.collection_id = $2`,
      [p.id, p.collectionId],
    )) as [unknown, number];
    await manager.query(
      `UPDATE rag.collections SET embedding_provider = $2, embedding_model = $3,
              embedding_dimensions = $4, updated_at = now() WHERE id = $1`,
      [p.collectionId, p.provider, p.model, p.dimensions],
    );
    await manager.query(
      `UPDATE rag.embedding_profiles SET status = '${ProfileStatus.Superseded}', updated_at = now()
        WHERE collection_id = $1 AND status = '${ProfileStatus.Live}'`,
      [p.collectionId],
    );
    await manager.query(
      `UPDATE rag.embedding_profiles SET status = '${ProfileStatus.Live}', activated_at = now(),
              updated_at = now(), chunks_done = $2, chunks_total = $2, error = NULL
        WHERE id = $1`,
      [p.id, moved],
    );
    await manager.query(`DELETE FROM rag.profile_vectors WHERE profile_id = $1`, [p.id]);
    return moved;
  }

  /** A failed model change: its vectors go, the live profile never changed. */
  async markFailed(profileId: string, error: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE rag.embedding_profiles SET status = '${ProfileStatus.Failed}', error = $2,
                updated_at = now()
          WHERE id = $1 AND status = '${ProfileStatus.Building}'`,
        [profileId, error.slice(0, 2000)],
      );
      await manager.query(`DELETE FROM rag.profile_vectors WHERE profile_id = $1`, [profileId]);
    });
  }

  async recordError(profileId: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE rag.embedding_profiles SET error = $2, updated_at = now()
        WHERE id = $1 AND status = '${ProfileStatus.Building}'`,
      [profileId, error.slice(0, 2000)],
    );
  }
}
