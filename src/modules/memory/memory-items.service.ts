import { Injectable } from '@nestjs/common';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.js';
import { ConsentService } from '../consent/consent.service.js';
import { MemoryItemDto } from './dto/memory-item.dto.js';
import { KEY_PATTERN, MAX_VALUE_BYTES, NAMESPACE_PATTERN, searchableText } from './memory-keys.js';
import { MemoryItemsRepository } from './memory-items.repository.js';
import { MemorySearchService } from './memory-search.service.js';

/** Items are listed in (namespace, key) order: the cursor is the last pair. */
const MEMORY_ITEM_CURSOR = [{ pattern: NAMESPACE_PATTERN }, { pattern: KEY_PATTERN }] as const;

export interface PutItem {
  namespace: string;
  key: string;
  value: unknown;
  ttlSeconds?: number;
}

/** A user's namespaced key-value memory. Every method takes the owner: there is no other way in. */
@Injectable()
export class MemoryItemsService {
  constructor(
    private readonly items: MemoryItemsRepository,
    private readonly consent: ConsentService,
    private readonly search: MemorySearchService,
  ) {}

  async put(userId: string, input: PutItem): Promise<{ item: MemoryItemDto; created: boolean }> {
    const size = Buffer.byteLength(JSON.stringify(input.value));
    if (size > MAX_VALUE_BYTES) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The value is too large.', {
        errors: [
          { field: 'value', message: `value must be at most ${MAX_VALUE_BYTES} bytes as JSON` },
        ],
      });
    }
    await this.consent.assertProcessingAllowed(userId);
    const { item, created } = await this.items.upsert({
      userId,
      namespace: input.namespace,
      key: input.key,
      value: input.value,
      text: searchableText(input.value),
      expiresAt: input.ttlSeconds ? new Date(Date.now() + input.ttlSeconds * 1000) : null,
    });
    if (item.text !== null) await this.search.queueEmbedding(userId, input.namespace, input.key);
    return { item: MemoryItemDto.from(item), created };
  }

  async get(userId: string, namespace: string, key: string): Promise<MemoryItemDto> {
    const item = await this.items.findLive(userId, namespace, key);
    if (!item) throw DomainError.notFound('Memory item');
    return MemoryItemDto.from(item);
  }

  async delete(userId: string, namespace: string, key: string): Promise<void> {
    if (!(await this.items.delete(userId, namespace, key))) {
      throw DomainError.notFound('Memory item');
    }
  }

  async list(
    userId: string,
    prefix: string | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<MemoryItemDto>> {
    const after = cursor ? decodeCursor(cursor, MEMORY_ITEM_CURSOR) : undefined;
    const rows = await this.items.page(userId, prefix, limit, after);
    return toPage(rows, limit, (r) => [r.namespace, r.key], MemoryItemDto.from);
  }

  deleteAllOfUser(userId: string): Promise<number> {
    return this.items.deleteAllOfUser(userId);
  }

  deleteExpired(): Promise<number> {
    return this.items.deleteExpired();
  }
}
