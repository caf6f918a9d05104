import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { Audience, type RagCollection } from '../entities/rag-collection.entity.js';

export const COLLECTION_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class CollectionParams {
  @ApiProperty({ example: 'docs_youth', pattern: COLLECTION_NAME.source })
  @Matches(COLLECTION_NAME, { message: 'name must be 1-64 lower-case letters, digits, _ or -' })
  name: string;
}

export class CreateRagCollectionDto extends CollectionParams {
  @ApiProperty({ enum: Audience, description: 'Who may search it: teenagers, parents or all' })
  @IsEnum(Audience)
  audience: Audience;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 16,
    maximum: 8192,
    description: 'Tokens per chunk (cl100k_base); default from RAG_CHUNK_SIZE',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(16)
  @Max(8192)
  chunk_size?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 4096,
    description: 'Tokens shared by neighbouring chunks; default from RAG_CHUNK_OVERLAP',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(4096)
  chunk_overlap?: number;
}

export class RagEmbeddingProfileDto {
  @ApiProperty({ example: 'local' }) provider: string;
  @ApiProperty({ example: 'parley-local-384' }) model: string;
  @ApiProperty({ type: 'integer', example: 384 }) dimensions: number;
  @ApiProperty({ enum: ['cosine'] }) distance: string;
}

export class RagCollectionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Audience }) audience: Audience;
  @ApiProperty({ type: RagEmbeddingProfileDto }) embedding: RagEmbeddingProfileDto;
  @ApiProperty({ type: 'integer' }) chunk_size: number;
  @ApiProperty({ type: 'integer' }) chunk_overlap: number;
  @ApiProperty({ type: 'integer', description: 'Bumped whenever its searchable content changes' })
  generation: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(c: RagCollection): RagCollectionDto {
    return {
      id: c.id,
      name: c.name,
      audience: c.audience,
      embedding: {
        provider: c.embeddingProvider,
        model: c.embeddingModel,
        dimensions: c.embeddingDimensions,
        distance: c.embeddingDistance,
      },
      chunk_size: c.chunkSize,
      chunk_overlap: c.chunkOverlap,
      generation: c.generation,
      created_at: new Date(c.createdAt).toISOString(),
    };
  }
}

export class RagCollectionPageDto {
  @ApiProperty({ type: [RagCollectionDto] }) data: RagCollectionDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

export class ListCollectionsQuery extends PageQueryDto {}

export class RagRemovedRowsDto {
  @ApiProperty({ type: 'integer' }) collections: number;
  @ApiProperty({ type: 'integer' }) documents: number;
  @ApiProperty({ type: 'integer', description: 'Chunks, each with its vector' }) chunks: number;
}

export class RagRemovalReceiptDto {
  @ApiProperty({
    description: 'Rows removed, per table of the rag schema',
    type: RagRemovedRowsDto,
  })
  removed: RagRemovedRowsDto;
}
