import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ContentCategory, ContentVariant, type ContentValue } from '../content-catalog.js';

/** An operator's override of one shipped entry, or an entry of its own (seed 001's LocalizedContent). */
@Entity({ schema: 'app', name: 'localized_content' })
export class LocalizedContent {
  @PrimaryColumn('varchar', { length: 32 })
  category: ContentCategory;

  /** A canonical BCP 47 tag: `de`, `de-AT`. */
  @PrimaryColumn('varchar', { length: 35 })
  language: string;

  @PrimaryColumn('varchar', { length: 16 })
  variant: ContentVariant;

  @PrimaryColumn('varchar', { length: 100 })
  key: string;

  @Column('jsonb')
  value: ContentValue;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
