import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { Audience, type RagCollection } from '../entities/rag-collection.entity.js';
import {
  ProfileStatus,
  type RagEmbeddingProfile,
} from '../entities/rag-embedding-profile.entity.js';

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

export class EmbeddingTargetDto {
  @ApiProperty({ enum: ['local', 'openai'], description: 'openai needs EMBEDDINGS_URL' })
  @IsIn(['local', 'openai'])
  provider: string;

  @ApiProperty({
    example: 'parley-local-256',
    minLength: 1,
    maxLength: 128,
    description: 'local: parley-local-<dimensions>; openai: a model of the configured endpoint',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  model: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4096, example: 256 })
  @IsInt()
  @Min(1)
  @Max(4096)
  dimensions: number;
}

export class UpdateRagCollectionDto {
  @ApiProperty({
    type: EmbeddingTargetDto,
    description:
      'A new embedding profile: every chunk is re-embedded by a job; search uses the current ' +
      'profile until the switch, which happens at once when every chunk is done',
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EmbeddingTargetDto)
  embedding: EmbeddingTargetDto;
}

export class RagReembeddingDto extends RagEmbeddingProfileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: [ProfileStatus.Building, ProfileStatus.Failed] }) status: ProfileStatus;
  @ApiProperty({ type: 'integer', description: 'Chunks re-embedded so far' })
  chunks_done: number;
  @ApiProperty({ type: 'integer' }) chunks_total: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the latest attempt failed' })
  error: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(p: RagEmbeddingProfile): RagReembeddingDto {
    return {
      id: p.id,
      provider: p.provider,
      model: p.model,
      dimensions: p.dimensions,
      distance: p.distance,
      status: p.status,
      chunks_done: p.chunksDone,
      chunks_total: p.chunksTotal,
      error: p.error,
      created_at: new Date(p.createdAt).toISOString(),
    };
  }
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
  @ApiProperty({
    type: RagReembeddingDto,
    nullable: true,
    description: 'A model change under way, or the last one if it failed; null otherwise',
  })
  reembedding: RagReembeddingDto | null;

  static from(c: RagCollection, pending?: RagEmbeddingProfile): RagCollectionDto {
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
      reembedding: pending ? RagReembeddingDto.from(pending) : null,
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
