import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escapeLike, LIKE_ESCAPE } from '../../platform/database/like.js';
import { MemoryItem } from './entities/memory-item.entity.js';

const LIVE = `(expires_at IS NULL OR expires_at > now())`;
const COLUMNS = `user_id AS "userId", namespace, key, value, text, expires_at AS "expiresAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The condition "in this namespace or under it", its values appended to `params`. */
function underPrefix(prefix: string | undefined, params: unknown[]): string {
  if (!prefix) return '';
  params.push(prefix, `${escapeLike(prefix)}.%`);
  return ` AND (namespace = $${params.length - 1} OR namespace LIKE $${params.length} ${LIKE_ESCAPE})`;
}

export interface UpsertItem {
  userId: string;
  namespace: string;
  key: string;
  value: unknown;
  text: string | null;
  expiresAt: Date | null;
}

/** Every statement names the user: no query can reach another user's memory. */
@Injectable()
export class MemoryItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement; `created` tells an insert (or the revival of an expired item) from an update. */
  async upsert(item: UpsertItem): Promise<{ item: MemoryItem; created: boolean }> {
    const rows = (await this.dataSource.query(
      `INSERT INTO memory.items AS m (user_id, namespace, key, value, text, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       ON CONFLICT (user_id, namespace, key) DO UPDATE
         SET value = EXCLUDED.value, text = EXCLUDED.text, expires_at = EXCLUDED.expires_at,
             embedding = CASE WHEN m.text IS NOT DISTINCT FROM EXCLUDED.text THEN m.embedding END,
             embedding_profile = CASE WHEN m.text IS NOT DISTINCT FROM EXCLUDED.text
                                      THEN m.embedding_profile END,
             updated_at = now(),
             created_at = CASE WHEN m.expires_at <= now() THEN now() ELSE m.created_at END
       RETURNING ${COLUMNS}, (xmax = 0) AS inserted,
                 (m.created_at = m.updated_at) AS fresh`,
      [
        item.userId,
        item.namespace,
        item.key,
        JSON.stringify(item.value),
        item.text,
        item.expiresAt,
      ],
    )) as (MemoryItem & { inserted: boolean; fresh: boolean })[];
    const { inserted, fresh, ...stored } = rows[0]!;
    return { item: stored as MemoryItem, created: inserted || fresh };
  }

  /**
   * Upserts an item that carries its own time in `value.as_of` (ISO-8601 UTC,
   * which sorts as text), unless the stored one is newer: a late, older write
   * changes nothing, and the same write twice is harmless. Whether it applied.
   */
  async upsertUnlessNewer(item: UpsertItem & { asOf: string }): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO memory.items AS m (user_id, namespace, key, value, text, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, NULL)
       ON CONFLICT (user_id, namespace, key) DO UPDATE
         SET value = EXCLUDED.value, text = EXCLUDED.text, expires_at = NULL, updated_at = now(),
             embedding = CASE WHEN m.text IS NOT DISTINCT FROM EXCLUDED.text THEN m.embedding END,
             embedding_profile = CASE WHEN m.text IS NOT DISTINCT FROM EXCLUDED.text
                                      THEN m.embedding_profile END
         WHERE m.expires_at <= now()
            OR coalesce(m.value ->> 'as_of', '') COLLATE "C" <= $6::text COLLATE "C"
       RETURNING 1 AS applied`,
      [item.userId, item.namespace, item.key, JSON.stringify(item.value), item.text, item.asOf],
    )) as unknown[];
    return rows.length > 0;
  }

  async findLive(userId: string, namespace: string, key: string): Promise<MemoryItem | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM memory.items
        WHERE user_id = $1 AND namespace = $2 AND key = $3 AND ${LIVE}`,
      [userId, namespace, key],
    )) as MemoryItem[];
    return rows[0] ?? null;
  }

  /** Whether a live item was there to delete (an expired one is already gone to the caller). */
  /**
   * Whether a live item was deleted. An expired one is already gone for the
   * client (404) and is left to the retention prune: a refusal writes nothing.
   */
  async delete(userId: string, namespace: string, key: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `DELETE FROM memory.items WHERE user_id = $1 AND namespace = $2 AND key = $3 AND ${LIVE}`,
      [userId, namespace, key],
    )) as [unknown, number];
    return count > 0;
  }

  /** A page of live items in (namespace, key) order, under a namespace prefix when given. */
  async page(
    userId: string,
    prefix: string | undefined,
    limit: number,
    after?: [string, string],
  ): Promise<MemoryItem[]> {
    const params: unknown[] = [userId, limit + 1];
    let where = `user_id = $1 AND ${LIVE}${underPrefix(prefix, params)}`;
    if (after) {
      params.push(after[0], after[1]);
      where += ` AND (namespace, key) > ($${params.length - 1}, $${params.length})`;
    }
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM memory.items WHERE ${where} ORDER BY namespace, key LIMIT $2`,
      params,
    )) as MemoryItem[];
  }

  /** The text of a live item still waiting for an embedding of `profile`, or null. */
  async textToEmbed(
    userId: string,
    namespace: string,
    key: string,
    profile: string,
  ): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `SELECT text FROM memory.items
        WHERE user_id = $1 AND namespace = $2 AND key = $3 AND ${LIVE} AND text IS NOT NULL
          AND embedding_profile IS DISTINCT FROM $4`,
      [userId, namespace, key, profile],
    )) as { text: string }[];
    return rows[0]?.text ?? null;
  }

  /** Stores the embedding of `text`, unless the item changed (or went) meanwhile. */
  async setEmbedding(
    userId: string,
    namespace: string,
    key: string,
    text: string,
    embedding: number[],
    profile: string,
  ): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE memory.items SET embedding = $5::real[], embedding_profile = $6
        WHERE user_id = $1 AND namespace = $2 AND key = $3 AND text = $4`,
      [userId, namespace, key, text, `{${embedding.join(',')}}`, profile],
    )) as [unknown, number];
    return count > 0;
  }

  /**
   * The user's live items embedded with `profile`, nearest first, under a
   * namespace prefix when given: an exact scan of one user's rows (the
   * primary key leads with the user), the same in every vector mode.
   */
  async nearest(
    userId: string,
    prefix: string | undefined,
    vector: number[],
    profile: string,
    k: number,
  ): Promise<(MemoryItem & { score: number })[]> {
    const params: unknown[] = [userId, `{${vector.join(',')}}`, profile, k];
    const where = `user_id = $1 AND ${LIVE} AND embedding_profile = $3${underPrefix(prefix, params)}`;
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, 1 - rag.cosine_distance(embedding, $2::real[]) AS score
         FROM memory.items WHERE ${where}
        ORDER BY rag.cosine_distance(embedding, $2::real[]), namespace, key LIMIT $4`,
      params,
    )) as (MemoryItem & { score: number })[];
    return rows.map((r) => ({ ...r, score: Number(r.score) }));
  }

  /** Erasure: every item of the user, expired ones included. */
  async deleteAllOfUser(userId: string): Promise<number> {
    const [, count] = (await this.dataSource.query(`DELETE FROM memory.items WHERE user_id = $1`, [
      userId,
    ])) as [unknown, number];
    return count;
  }

  /** Retention: expired items of every user. */
  async deleteExpired(): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `DELETE FROM memory.items WHERE expires_at <= now()`,
    )) as [unknown, number];
    return count;
  }
}
