import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import type { ContentCategory, ContentValue, ContentVariant } from './content-catalog.js';
import { LocalizedContent } from './entities/localized-content.entity.js';

export interface ContentAddress {
  category: ContentCategory;
  language: string;
  variant: ContentVariant;
  key: string;
}

@Injectable()
export class ContentRepository {
  constructor(
    @InjectRepository(LocalizedContent) private readonly rows: Repository<LocalizedContent>,
  ) {}

  findByCategory(category: ContentCategory): Promise<LocalizedContent[]> {
    return this.rows.find({ where: { category } });
  }

  /** Locked for the rest of the transaction: concurrent writes to one entry queue up. */
  findForUpdate(at: ContentAddress, manager: EntityManager): Promise<LocalizedContent | null> {
    return manager
      .getRepository(LocalizedContent)
      .createQueryBuilder('c')
      .where('c.category = :category AND c.language = :language', at)
      .andWhere('c.variant = :variant AND c.key = :key', at)
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Inserts or replaces the entry, returning it as stored. */
  async upsert(
    at: ContentAddress,
    value: ContentValue,
    manager: EntityManager,
  ): Promise<LocalizedContent> {
    const [row] = (await manager.query(
      `INSERT INTO app.localized_content (category, language, variant, key, value)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (category, language, variant, key)
       DO UPDATE SET value = EXCLUDED.value, updated_at = now()
       RETURNING updated_at`,
      [at.category, at.language, at.variant, at.key, JSON.stringify(value)],
    )) as { updated_at: Date }[];
    return { ...at, value, updatedAt: row!.updated_at };
  }

  async delete(at: ContentAddress, manager: EntityManager): Promise<void> {
    await manager.getRepository(LocalizedContent).delete({ ...at });
  }
}
