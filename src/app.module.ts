import { Module, type DynamicModule } from '@nestjs/common';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { ArtifactsModule } from './modules/artifacts/artifacts.module.js';
import { ChartsModule } from './modules/charts/charts.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CollectivesModule } from './modules/collectives/collectives.module.js';
import { ConsentModule } from './modules/consent/consent.module.js';
import { ContentModule } from './modules/content/content.module.js';
import { ConversationsModule } from './modules/conversations/conversations.module.js';
import { ErasureModule } from './modules/erasure/erasure.module.js';
import { FeatureFlagsHttpModule } from './modules/feature-flags/feature-flags-http.module.js';
import { DataExportModule } from './modules/lifecycle/export/data-export.module.js';
import { MaintenanceModule } from './modules/maintenance/maintenance.module.js';
import { MemoryModule } from './modules/memory/memory.module.js';
import { RagModule } from './modules/rag/rag.module.js';
import { StreamsModule } from './modules/streams/streams.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { AccessModule } from './platform/access/access.module.js';
import { CACHE_READINESS, CacheModule } from './platform/cache/cache.module.js';
import type { AppConfig } from './platform/config/config.js';
import { ConfigModule } from './platform/config/config.module.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { DomainEventsModule } from './platform/events/domain-events.js';
import { HttpPlatformModule } from './platform/http/http-platform.module.js';
import { RateLimitModule } from './platform/http/rate-limit.module.js';
import { MailModule } from './platform/mail/mail.module.js';
import { LoggingModule } from './platform/observability/logging.module.js';
import {
  ObservabilityModule,
  READINESS_PROBES,
} from './platform/observability/observability.module.js';
import type { ReadinessProbe } from './platform/observability/readiness.js';
import { QUEUE_READINESS, QueueModule } from './platform/queue/queue.module.js';
import { BLOB_READINESS, StorageModule } from './platform/storage/storage.module.js';

export type ProcessRole = 'api' | 'worker';

/** Composes the service. The worker runs the same modules with HTTP off. */
@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    role: ProcessRole,
    extra: DynamicModule['imports'] = [],
  ): DynamicModule {
    const runProcessors = role === 'worker' || config.queue.runProcessorsInApi;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(config),
        CacheModule.forRoot(config),
        QueueModule.forRoot(config, { runProcessors }),
        StorageModule.forRoot(config),
        HttpPlatformModule,
        DomainEventsModule,
        AccessModule,
        MailModule.forRoot(config),
        RateLimitModule.forRoot(config),
        UsersModule,
        ConsentModule,
        AuthModule,
        CollectivesModule,
        ConversationsModule,
        MemoryModule,
        StreamsModule,
        ArtifactsModule,
        AuditModule,
        FeatureFlagsHttpModule,
        ContentModule,
        AnalyticsModule,
        DocumentsModule,
        ChartsModule,
        RagModule,
        ErasureModule,
        ObservabilityModule.forRoot({
          provide: READINESS_PROBES,
          inject: [CACHE_READINESS, QUEUE_READINESS, BLOB_READINESS],
          useFactory: (...probes: ReadinessProbe[]) => probes,
        }),
        MaintenanceModule,
        DataExportModule,
        ...extra,
      ],
    };
  }
}
