import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { uuidv7 } from '../../platform/database/uuid.js';
import { ConversationAnalytics } from './entities/conversation-analytics.entity.js';
import type { Period } from './dto/analytics.dto.js';

/** The four categorization tables, by the name of their list in the API. */
export const CATEGORY_TABLES = {
  messages: 'app.conversation_messages_categorized',
  moods: 'app.conversation_moods_categorized',
  strategies: 'app.conversation_strategies_categorized',
  answer_types: 'app.conversation_answer_types_categorized',
} as const;
export type CategoryList = keyof typeof CATEGORY_TABLES;

export interface SummaryRow {
  start: Date;
  /** `total`, `mood`, `strategy`, or a category list (`messages`, …). */
  dimension: string;
  value: string | null;
  count: number;
}

@Injectable()
export class AnalyticsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    row: Omit<ConversationAnalytics, 'createdAt' | 'conversation' | 'owner'>,
    categories: Record<CategoryList, string[]>,
    manager: EntityManager,
  ): Promise<Date> {
    await manager.getRepository(ConversationAnalytics).insert(row);
    for (const [list, table] of Object.entries(CATEGORY_TABLES) as [CategoryList, string][]) {
      const labels = categories[list];
      if (labels.length === 0) continue;
      await manager.query(
        `INSERT INTO ${table} (id, analytics_id, category)
         SELECT id, $1, category FROM unnest($2::uuid[], $3::varchar[]) AS t(id, category)`,
        [row.id, labels.map(() => uuidv7()), labels],
      );
    }
    const [{ created_at }] = (await manager.query(
      `SELECT created_at FROM app.conversation_analytics WHERE id = $1`,
      [row.id],
    )) as [{ created_at: Date }];
    return created_at;
  }

  /**
   * Counts per period in one grouped statement: analyses, moods, strategies,
   * and the labels of each categorization table. Periods start at 00:00 UTC.
   */
  async summary(from: Date, to: Date, period: Period): Promise<SummaryRow[]> {
    const categories = Object.entries(CATEGORY_TABLES)
      .map(
        ([list, table]) => `
      UNION ALL
      SELECT a.start, '${list}', c.category, count(*) FROM a
        JOIN ${table} c ON c.analytics_id = a.id
        GROUP BY a.start, c.category`,
      )
      .join('');
    const rows = (await this.db.query(
      `WITH a AS (
         SELECT id, mood, strategy, date_trunc($3, created_at, 'UTC') AS start
           FROM app.conversation_analytics
          WHERE created_at >= $1 AND created_at < $2
       )
       SELECT start, 'total' AS dimension, NULL AS value, count(*) AS count FROM a GROUP BY start
       UNION ALL
       SELECT start, 'mood', mood, count(*) FROM a GROUP BY start, mood
       UNION ALL
       SELECT start, 'strategy', strategy, count(*) FROM a GROUP BY start, strategy
       ${categories}
       ORDER BY 1, 2, 3`,
      [from, to, period],
    )) as { start: Date; dimension: string; value: string | null; count: string }[];
    return rows.map((r) => ({ ...r, start: new Date(r.start), count: Number(r.count) }));
  }

  /** Rows of one conversation's analyses, for the erase receipt (the rows cascade). */
  async eraseConversation(conversationId: string, manager: EntityManager): Promise<number> {
    const [, count] = (await manager.query(
      `DELETE FROM app.conversation_analytics WHERE conversation_id = $1`,
      [conversationId],
    )) as [unknown, number];
    return count;
  }
}
