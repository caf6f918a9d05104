import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { fullSession, post } from './b8-auth.js';
import { compare, median, startServer } from './harness.js';

const MB = 1024 * 1024;
const SIZE = 50 * MB;
const BUCKET = 'parley-bench';

/** Fresh content each time: an identical upload would be deduplicated and store nothing. */
function content(): Buffer {
  const bytes = randomBytes(SIZE);
  // Not a known file signature, and not UTF-8 past it: sniffed as application/octet-stream.
  bytes.write('PARLEY-B10\n', 0, 'latin1');
  return bytes;
}

/** A FULL session and a conversation of it, through the public API. */
async function conversationOf(base: string): Promise<{ token: string; conversation: string }> {
  const token = await fullSession(base);
  const conversation = (await post(`${base}/v1/conversations`, { title: 'B10' }, token))
    .id as string;
  return { token, conversation };
}

/** Seconds for one multipart upload through POST /v1/conversations/{id}/artifacts. */
async function upload(base: string, token: string, conversation: string): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([content()]), 'bench.bin');
  const started = performance.now();
  const res = await fetch(`${base}/v1/conversations/${conversation}/artifacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const stored = (await res.json()) as Record<string, unknown>;
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(stored)}`);
  if (stored.size !== SIZE || stored.deduplicated !== false) {
    throw new Error(`unexpected upload answer: ${JSON.stringify(stored)}`);
  }
  return seconds;
}

/**
 * B10: a 50 MB file uploaded through the API (streamed to a temporary file while
 * hashed and sniffed, then stored in S3) against a raw S3 PutObject of the same
 * size to the same store (s3rver), in MB/s; and how much the API process's RSS
 * rises during an upload, sampled in that process.
 */
export async function b10(rounds: number) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-b10-s3-'));
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await s3rver.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const server = await startServer('parley-app', {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    ARTIFACT_MAX_BYTES: '64mb',
    ARTIFACT_QUOTA_BYTES: '2gb',
  });
  const s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  try {
    const { token, conversation } = await conversationOf(server.url);
    // One upload first, so that the RSS measured next is growth, not start-up.
    await upload(server.url, token, conversation);
    const growth: number[] = [];
    const r = await compare(
      rounds,
      async () => {
        await post(`${server.url}/v1/bench/rss`, {});
        const seconds = await upload(server.url, token, conversation);
        const { base, peak } = (await (await fetch(`${server.url}/v1/bench/rss`)).json()) as {
          base: number;
          peak: number;
        };
        growth.push((peak - base) / MB);
        return SIZE / MB / seconds;
      },
      async () => {
        const body = content();
        const started = performance.now();
        await s3.send(
          new PutObjectCommand({
            Bucket: BUCKET,
            Key: `raw/${randomBytes(8).toString('hex')}`,
            Body: body,
            ContentLength: body.length,
          }),
        );
        return SIZE / MB / ((performance.now() - started) / 1000);
      },
    );
    const ratio = r.ours / r.peer;
    const rss = median(growth);
    return [
      {
        id: 'B10',
        workload: '50 MB multipart upload via POST …/artifacts / raw S3 PutObject, s3rver (MB/s)',
        ours: `${r.ours.toFixed(1)} MB/s`,
        peer: `${r.peer.toFixed(1)} MB/s`,
        ratio,
        target: '>= 0.80',
        pass: ratio >= 0.8,
      },
      {
        id: 'B10-rss',
        workload: 'API process RSS growth during a 50 MB upload (median) / the 20 MB ceiling',
        ours: `${rss.toFixed(1)} MB`,
        peer: '20 MB',
        ratio: rss / 20,
        target: '< 1.00',
        pass: rss < 20,
      },
    ];
  } finally {
    s3.destroy();
    await server.stop();
    await s3rver.close();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
