import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import {
  dataSourceOptions,
  openDataSource,
  resolveDatabaseTarget,
  withEmbeddedLifecycle,
} from './data-source.js';
import {
  migrateWithLock,
  assertCodeNotOlderThanSchema,
  SchemaNewerThanCodeError,
} from './migrator.js';
import { VectorSupportService } from './vector-support.service.js';

/**
 * The data source: PostgreSQL at DATABASE_URL, or the embedded engine under
 * DATA_DIR. Migrations are applied before the application starts serving.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            const target = await resolveDatabaseTarget(config);
            // Kept on the options object so the DataSource factory below can reach it.
            return {
              ...dataSourceOptions(config, target),
              embedded: target.embedded,
              // A server may still be starting (compose, orchestration): retry a few
              // times. The embedded engine and a too-old build never get better.
              retryAttempts: config.database.mode === 'server' ? 5 : 0,
              retryDelay: 2000,
              toRetry: (err: unknown) => !(err instanceof SchemaNewerThanCodeError),
            } as never;
          },
          dataSourceFactory: async (options) => {
            const { embedded, ...rest } = options as typeof options & {
              embedded?: Awaited<ReturnType<typeof resolveDatabaseTarget>>['embedded'];
            };
            const dataSource = new DataSource(rest);
            try {
              await dataSource.initialize();
              if (config.env.MIGRATIONS_RUN && config.database.migrationUrl) {
                await migrateAsOwner(config);
                await assertCodeNotOlderThanSchema(dataSource);
              } else if (config.env.MIGRATIONS_RUN) await migrateWithLock(dataSource);
              else await assertCodeNotOlderThanSchema(dataSource);
            } catch (err) {
              if (dataSource.isInitialized) await dataSource.destroy();
              await embedded?.stop();
              throw err;
            }
            return withEmbeddedLifecycle(dataSource, embedded);
          },
        }),
      ],
      providers: [VectorSupportService, DatabaseStartupLog],
      exports: [VectorSupportService],
    };
  }
}

/** Migrations (and the runtime role's grants) over a connection of their own, as the owner. */
async function migrateAsOwner(config: AppConfig): Promise<void> {
  const owner = await openDataSource(config, config.database.migrationUrl);
  try {
    await migrateWithLock(owner, { runtimeRole: config.database.runtimeRole });
  } finally {
    await owner.destroy();
  }
}

@Injectable()
class DatabaseStartupLog implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly vectors: VectorSupportService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const vector = await this.vectors.mode();
    this.logger.log(
      `database mode=${this.config.database.mode} vector=${vector}` +
        (this.config.database.mode === 'embedded' ? ` data_dir=${this.config.dataDir}` : ''),
    );
  }
}
