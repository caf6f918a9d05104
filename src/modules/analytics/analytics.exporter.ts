import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows } from '../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

const CATEGORIES = (table: string) =>
  `(SELECT coalesce(array_agg(category ORDER BY category), '{}') FROM app.${table} t
     WHERE t.analytics_id = a.id)`;

/** What the agent recorded about the user's conversations, with its categories. */
@Injectable()
export class AnalyticsExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('conversation_analytics')
  analytics({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ id: string }>(this.db, userId, {
      select: `a.id, a.conversation_id, a.mood, a.strategy, a.summary, a.chatbot_version,
               a.language, a.bullying_message, a.created_at,
               ${CATEGORIES('conversation_messages_categorized')} AS message_categories,
               ${CATEGORIES('conversation_moods_categorized')} AS mood_categories,
               ${CATEGORIES('conversation_strategies_categorized')} AS strategy_categories,
               ${CATEGORIES('conversation_answer_types_categorized')} AS answer_types`,
      from: 'app.conversation_analytics a',
      where: 'a.owner_id = $1',
      orderBy: 'a.id',
      cursor: (r) => r.id,
    });
  }
}
