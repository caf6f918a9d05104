import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { isForeignKeyViolation } from '../../platform/database/pg-errors.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { assertFieldFits, invalidField } from '../../platform/http/field-errors.js';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.js';
import { ConsentService } from '../consent/consent.service.js';
import { ChartsRepository } from './charts.repository.js';
import type { ChartDto, CreateChartDto } from './dto/chart.dto.js';
import type { Chart } from './entities/chart.entity.js';

const CHART_CURSOR = ['uuid'] as const;

/** Charts of conversations (seed 000): a JSON specification, size-limited. */
@Injectable()
export class ChartsService {
  private readonly maxBytes: number;

  constructor(
    private readonly charts: ChartsRepository,
    private readonly consent: ConsentService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxBytes = config.env.CHART_SPEC_MAX_BYTES;
  }

  async create(userId: string, conversationId: string, input: CreateChartDto): Promise<ChartDto> {
    assertFieldFits('spec', JSON.stringify(input.spec), this.maxBytes);
    await this.consent.assertProcessingAllowed(userId);
    const chart = await this.charts
      .insert({
        id: uuidv7(),
        conversationId,
        messageId: input.message_id ?? null,
        title: input.title,
        spec: input.spec,
      })
      .catch((err: unknown) => {
        // The conversation was erased between the access check and the insert.
        if (isForeignKeyViolation(err)) throw DomainError.notFound('Conversation');
        throw err;
      });
    if (!chart) throw invalidField('message_id', 'no such message in this conversation');
    return toChartDto(chart);
  }

  async list(
    userId: string,
    conversationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<ChartDto>> {
    const before = cursor ? decodeCursor(cursor, CHART_CURSOR)[0] : undefined;
    const rows = await this.charts.page(conversationId, userId, limit, before);
    return toPage(rows, limit, (r) => [r.id], toChartDto);
  }

  async get(userId: string, id: string): Promise<ChartDto> {
    const chart = await this.charts.findOwned(id, userId);
    if (!chart) throw DomainError.notFound('Chart');
    return toChartDto(chart);
  }

  async delete(userId: string, id: string): Promise<void> {
    if (!(await this.charts.deleteOwned(id, userId))) throw DomainError.notFound('Chart');
  }

  eraseConversation(conversationId: string, manager: EntityManager): Promise<number> {
    return this.charts.deleteByConversation(conversationId, manager);
  }
}

function toChartDto(c: Chart): ChartDto {
  return {
    id: c.id,
    conversation_id: c.conversationId,
    message_id: c.messageId,
    title: c.title,
    spec: c.spec,
    created_at: new Date(c.createdAt).toISOString(),
  };
}
