import fs from 'node:fs';
import S3rver from 's3rver';
import { tempDir } from './app.js';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** What the S3 blob driver needs in the environment to use this server. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * A private s3rver on a free port with one bucket, its data in a temporary
 * folder. It checks request signatures (credentials S3RVER/S3RVER) but not
 * presigned URL expiry.
 */
export async function startLocalS3(bucket = 'parley-test'): Promise<LocalS3> {
  const directory = tempDir('parley-s3-');
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
