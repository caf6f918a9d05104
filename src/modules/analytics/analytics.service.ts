import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isForeignKeyViolation } from '../../platform/database/pg-errors.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { ConsentService } from '../consent/consent.service.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { AnalyticsRepository, CATEGORY_TABLES, type CategoryList } from './analytics.repository.js';
import type {
  AnalyticsPeriodDto,
  AnalyticsSummaryDto,
  AnalyticsSummaryQueryDto,
  ConversationAnalyticsDto,
  CreateConversationAnalyticsDto,
} from './dto/analytics.dto.js';

const DAY_MS = 86_400_000;
/** A summary spans at most this much: a wider window is a report, not a dashboard query. */
const MAX_SPAN_DAYS = 3660;

/**
 * Conversation analytics: the agent writes what it extracted from a
 * conversation, acting for the conversation's owner (the owner's session);
 * operators read counts per period.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly analytics: AnalyticsRepository,
    private readonly conversations: ConversationsService,
    private readonly consent: ConsentService,
  ) {}

  async record(
    userId: string,
    input: CreateConversationAnalyticsDto,
  ): Promise<ConversationAnalyticsDto> {
    // Another user's conversation looks exactly like a missing one.
    if (!(await this.conversations.isOwner(userId, input.conversation_id, { fresh: true }))) {
      throw DomainError.notFound('Conversation');
    }
    // A minor's conversation is analysed only with consent (the gate of the service layer).
    await this.consent.assertProcessingAllowed(userId);
    const categories = Object.fromEntries(
      Object.keys(CATEGORY_TABLES).map((list) => [
        list,
        input.categories?.[list as CategoryList] ?? [],
      ]),
    ) as Record<CategoryList, string[]>;
    const id = uuidv7();
    const createdAt = await this.db
      .transaction((manager) =>
        this.analytics.insert(
          {
            id,
            conversationId: input.conversation_id,
            ownerId: userId,
            mood: input.mood,
            strategy: input.strategy,
            summary: input.summary,
            chatbotVersion: input.chatbot_version,
            language: input.language,
            bullyingMessage: input.bullying_message ?? null,
          },
          categories,
          manager,
        ),
      )
      .catch((err: unknown) => {
        // Erased between the check and the insert.
        if (isForeignKeyViolation(err)) throw DomainError.notFound('Conversation');
        throw err;
      });
    return {
      id,
      conversation_id: input.conversation_id,
      mood: input.mood,
      strategy: input.strategy,
      summary: input.summary,
      chatbot_version: input.chatbot_version,
      language: input.language,
      bullying_message: input.bullying_message ?? null,
      categories,
      created_at: createdAt.toISOString(),
    };
  }

  async summary(query: AnalyticsSummaryQueryDto): Promise<AnalyticsSummaryDto> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (!(from < to) || to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `from must be before to, at most ${MAX_SPAN_DAYS} days apart.`,
        { errors: [{ field: 'from', message: 'must be before to, within the maximum span' }] },
      );
    }
    const period = query.period ?? 'day';
    const periods = new Map<string, AnalyticsPeriodDto>();
    for (const row of await this.analytics.summary(from, to, period)) {
      const start = row.start.toISOString();
      let p = periods.get(start);
      if (!p) {
        p = {
          start,
          conversations: 0,
          moods: {},
          strategies: {},
          categories: { messages: {}, moods: {}, strategies: {}, answer_types: {} },
        };
        periods.set(start, p);
      }
      if (row.dimension === 'total') p.conversations = row.count;
      else if (row.dimension === 'mood') p.moods[row.value!] = row.count;
      else if (row.dimension === 'strategy') p.strategies[row.value!] = row.count;
      else p.categories[row.dimension as CategoryList][row.value!] = row.count;
    }
    return { from: from.toISOString(), to: to.toISOString(), period, data: [...periods.values()] };
  }

  eraseConversation(conversationId: string, manager: EntityManager): Promise<number> {
    return this.analytics.eraseConversation(conversationId, manager);
  }
}
