import { Module } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { ConsentModule } from '../consent/consent.module.js';
import { UsersModule } from '../users/users.module.js';
import { EmbeddingCache } from './cache/embedding-cache.js';
import { RagCacheProcessor } from './cache/rag-cache.processor.js';
import { RagCacheWriter } from './cache/rag-cache.writer.js';
import { SemanticCacheRepository } from './cache/semantic-cache.repository.js';
import { ChunksRepository } from './chunks.repository.js';
import { RagCollectionsController } from './collections.controller.js';
import { CollectionsRepository } from './collections.repository.js';
import { CollectionsService } from './collections.service.js';
import { RagDocumentsController } from './documents.controller.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import { EmbedderRegistry } from './embedding/embedder-registry.js';
import { EMBEDDER } from './embedding/embedder.port.js';
import { LocalEmbedder } from './embedding/local-embedder.js';
import { OpenAiEmbedder } from './embedding/openai-embedder.js';
import { withTestFaults } from './embedding/test-faults.js';
import { IngestProcessor } from './ingest/ingest.processor.js';
import { IngestService } from './ingest/ingest.service.js';
import { RagMetrics } from './rag-metrics.js';
import { ProfilesRepository } from './reembed/profiles.repository.js';
import { ReembedProcessor } from './reembed/reembed.processor.js';
import { ReembedService } from './reembed/reembed.service.js';
import { ChunkSearchRepository } from './search/chunk-search.repository.js';
import { RagSearchController } from './search/search.controller.js';
import { SearchService } from './search/search.service.js';
import { VectorIndexes } from './search/vector-indexes.js';

/** The retrieval knowledge base: collections per audience, documents ingested by a job, search. */
@Module({
  imports: [UsersModule, ConsentModule],
  controllers: [RagCollectionsController, RagDocumentsController, RagSearchController],
  providers: [
    // The built-in embedder, or an OpenAI-compatible endpoint when EMBEDDINGS_URL is set.
    {
      provide: EMBEDDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const e = config.embeddings;
        if (!e.url) return withTestFaults(new LocalEmbedder());
        return withTestFaults(
          new OpenAiEmbedder({
            url: e.url,
            model: e.model,
            apiKey: e.apiKey,
            dimensions: e.dimensions,
            batchSize: config.rag.embedBatchSize,
            timeoutMs: e.timeoutMs,
            maxAttempts: e.maxAttempts,
          }),
        );
      },
    },
    EmbedderRegistry,
    CollectionsRepository,
    DocumentsRepository,
    ChunksRepository,
    ChunkSearchRepository,
    VectorIndexes,
    RagMetrics,
    CollectionsService,
    DocumentsService,
    IngestService,
    IngestProcessor,
    SearchService,
    EmbeddingCache,
    SemanticCacheRepository,
    RagCacheWriter,
    RagCacheProcessor,
    ProfilesRepository,
    ReembedService,
    ReembedProcessor,
  ],
  exports: [SearchService, CollectionsService, SemanticCacheRepository, EmbeddingCache, EMBEDDER],
})
export class RagModule {}
