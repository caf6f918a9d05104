import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { Actors, AuditService } from '../audit/audit.service.js';
import {
  canonicalLanguage,
  CONTENT_CATEGORIES,
  ContentVariant,
  type ContentCategory,
  type ContentValue,
} from './content-catalog.js';
import type { ShippedContent } from './content-files.js';
import { ContentRepository, type ContentAddress } from './content.repository.js';
import { ContentStore } from './content-store.js';
import {
  AdminContentPageDto,
  ContentOverrideDto,
  ResolvedContentDto,
  type ContentScopeParams,
} from './dto/content.dto.js';
import { resolveContent } from './resolve.js';

export const SHIPPED_CONTENT = Symbol('SHIPPED_CONTENT');
const TARGET = 'content';

/**
 * Localized content: the shipped YAML files (read and validated at boot)
 * merged key by key with operators' database overrides. Overrides are audited
 * and every instance sees a change at once (ContentStore).
 */
@Injectable()
export class ContentService {
  private readonly defaultLanguage: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SHIPPED_CONTENT) private readonly shipped: ShippedContent,
    private readonly rows: ContentRepository,
    private readonly store: ContentStore,
    private readonly audit: AuditService,
  ) {
    this.defaultLanguage = config.env.CONTENT_DEFAULT_LANGUAGE;
  }

  async resolve(
    name: string,
    language: string | undefined,
    variant: ContentVariant = ContentVariant.All,
  ): Promise<ResolvedContentDto> {
    const category = name as ContentCategory;
    if (!CONTENT_CATEGORIES.includes(category)) throw DomainError.notFound('Content category');
    const tag = (language && canonicalLanguage(language)) || this.defaultLanguage;
    const overrides = await this.store.overrides(category);
    const resolved = resolveContent(
      { overrides, shipped: this.shipped.get(category)! },
      tag,
      variant,
      this.defaultLanguage,
    );
    return { ...resolved, category, variant };
  }

  /**
   * For operators: every key the shipped files give at this address (after the
   * fallbacks) or an override sets exactly here, with both values side by side.
   */
  async entries(at: ContentScopeParams): Promise<AdminContentPageDto> {
    const language = canonicalLanguage(at.language)!;
    const shipped = resolveContent(
      { overrides: new Map(), shipped: this.shipped.get(at.category)! },
      language,
      at.variant,
      this.defaultLanguage,
    ).data;
    const overrides = (await this.store.overrides(at.category)).get(language)?.get(at.variant);
    const keys = [...new Set([...Object.keys(shipped), ...(overrides?.keys() ?? [])])].sort();
    return {
      category: at.category,
      language,
      variant: at.variant,
      data: keys.map((key) => {
        const override = overrides?.get(key);
        return {
          key,
          ...(Object.hasOwn(shipped, key) ? { shipped: shipped[key] } : {}),
          ...(override === undefined ? {} : { override }),
        };
      }),
    };
  }

  async put(actorId: string, at: ContentAddress, value: ContentValue): Promise<ContentOverrideDto> {
    const entry = { ...at, language: canonicalLanguage(at.language)! };
    const row = await this.db.transaction(async (manager) => {
      const before = await this.rows.findForUpdate(entry, manager);
      const written = await this.rows.upsert(entry, value, manager);
      await this.audit.record(
        {
          actor: Actors.user(actorId),
          action: before ? 'content.update' : 'content.create',
          target: { type: TARGET, id: targetId(entry) },
          before: before ? { value: before.value } : null,
          after: { value },
        },
        manager,
      );
      return written;
    });
    await this.store.publishChange(entry.category);
    return ContentOverrideDto.from(row);
  }

  async remove(actorId: string, at: ContentAddress): Promise<void> {
    const entry = { ...at, language: canonicalLanguage(at.language)! };
    await this.db.transaction(async (manager) => {
      const before = await this.rows.findForUpdate(entry, manager);
      if (!before) throw DomainError.notFound('Content override');
      await this.rows.delete(entry, manager);
      await this.audit.record(
        {
          actor: Actors.user(actorId),
          action: 'content.delete',
          target: { type: TARGET, id: targetId(entry) },
          before: { value: before.value },
        },
        manager,
      );
    });
    await this.store.publishChange(entry.category);
  }
}

const targetId = (at: ContentAddress) => `${at.category}/${at.language}/${at.variant}/${at.key}`;
