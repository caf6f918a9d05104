import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import path from 'node:path';
import type { AppConfig } from '../config/config.js';
import { SecretsService } from '../config/secrets.service.js';
import type { ReadinessProbe } from '../observability/readiness.js';
import { BlobDownloadController } from './blob-download.controller.js';
import { BlobDownloadService } from './blob-download.service.js';
import { BLOB_STORE, type BlobStore } from './blob-store.port.js';
import { BLOB_URL_SIGNER, BlobUrlSigner } from './blob-url-signer.js';
import { FilesystemBlobStore } from './filesystem-blob.store.js';
import { S3BlobStore, createS3Client } from './s3-blob.store.js';

export const BLOB_READINESS = Symbol('BLOB_READINESS');

export async function createBlobStore(
  config: AppConfig,
  signer: BlobUrlSigner,
): Promise<BlobStore> {
  const ttl = config.blobs.urlTtlSeconds;
  if (config.blobs.driver === 's3') {
    return new S3BlobStore(createS3Client(config), config.env.S3_BUCKET!, ttl);
  }
  return new FilesystemBlobStore({
    root: path.join(config.dataDir, 'blobs'),
    signer,
    publicUrl: config.env.PUBLIC_URL ?? `http://localhost:${config.env.PORT}`,
    defaultTtlSeconds: ttl,
  }).init();
}

/**
 * The blob store for every module (`@Inject(BLOB_STORE)`), the route that serves
 * the filesystem driver's signed links, and a readiness probe. The link signing
 * key is SecretsService's `urlSigningKey`, derived from ENCRYPTION_KEY (itself
 * generated under DATA_DIR when not configured).
 */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(BLOB_STORE) private readonly store: BlobStore) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      controllers: [BlobDownloadController],
      providers: [
        {
          provide: BLOB_URL_SIGNER,
          inject: [SecretsService],
          useFactory: (secrets: SecretsService) => new BlobUrlSigner(secrets.urlSigningKey),
        },
        {
          provide: BLOB_STORE,
          inject: [BLOB_URL_SIGNER],
          useFactory: (signer: BlobUrlSigner) => createBlobStore(config, signer),
        },
        BlobDownloadService,
        {
          provide: BLOB_READINESS,
          inject: [BLOB_STORE],
          useFactory: (store: BlobStore): ReadinessProbe => ({
            name: 'blob_store',
            // Conversations keep working without blobs; only uploads and downloads fail.
            critical: false,
            check: async () => {
              await store.ping();
              return { driver: store.driver };
            },
          }),
        },
      ],
      exports: [BLOB_STORE, BLOB_READINESS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
