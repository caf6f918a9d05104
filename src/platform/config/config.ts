import { readFileSync } from 'node:fs';
import path from 'node:path';
import { envSchema, type Env } from './config.schema.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type DatabaseMode = 'embedded' | 'server';

export interface AppConfig {
  env: Env;
  isProduction: boolean;
  dataDir: string;
  database: {
    mode: DatabaseMode;
    url?: string;
    /** Where migrations run (the owner role); the runtime URL when no separate one is set. */
    migrationUrl?: string;
    /** The role migrations grant the runtime privileges to; absent when one role does both. */
    runtimeRole?: string;
    poolSize: number;
    statementTimeoutMs: number;
  };
  redis: { url?: string; keyPrefix: string };
  queue: { driver: 'bullmq' | 'local'; runProcessorsInApi: boolean };
  blobs: { driver: 's3' | 'filesystem'; urlTtlSeconds: number };
  cache: { driver: 'redis' | 'memory' };
  rag: {
    vectorMode: 'auto' | 'exact';
    hnsw: { m: number; efConstruction: number; efSearch: number };
    chunkSize: number;
    chunkOverlap: number;
    embedBatchSize: number;
    semanticCacheDistance: number;
    uploadMaxBytes: number;
  };
  /** An OpenAI-compatible endpoint; unset url: the built-in local embedder. */
  embeddings: {
    url?: string;
    model: string;
    apiKey?: string;
    dimensions: number;
    timeoutMs: number;
    maxAttempts: number;
  };
}

/** Variables production refuses to start without. */
const REQUIRED_IN_PRODUCTION = [
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_PRIVATE_KEY',
  'ENCRYPTION_KEY',
] as const;

/**
 * Validates the environment once, at boot. Every problem names its variable so
 * an operator can fix a deployment from the first line of the log.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.') || '(environment)';
        const value = source[name];
        const shown = value === undefined ? 'missing' : `got "${redactValue(name, value)}"`;
        return `${name}: ${i.message} (${shown})`;
      }),
    );
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  if (isProduction) {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => !env[name]);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((name) => `${name}: required when NODE_ENV=production`));
    }
  }
  const problems: string[] = [];
  if (env.S3_BUCKET && Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  }
  if (env.JWT_PUBLIC_KEY && !env.JWT_PRIVATE_KEY) {
    problems.push('JWT_PRIVATE_KEY: required when JWT_PUBLIC_KEY is set');
  }
  if (env.NODE_ENV !== 'test' && (env.ARGON2_MEMORY_KIB < 19456 || env.ARGON2_TIME_COST < 2)) {
    problems.push(
      'ARGON2_MEMORY_KIB: below the argon2id baseline (19456 KiB, 2 passes); allowed only when NODE_ENV=test',
    );
  }
  if (env.RAG_CHUNK_OVERLAP >= env.RAG_CHUNK_SIZE) {
    problems.push('RAG_CHUNK_OVERLAP: must be smaller than RAG_CHUNK_SIZE');
  }
  if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) {
    problems.push('DATABASE_MIGRATION_URL: needs DATABASE_URL (the runtime role) beside it');
  }
  problems.push(...ldapProblems(env));
  if (problems.length > 0) throw new ConfigError(problems);

  const queueDriver = env.REDIS_URL ? 'bullmq' : 'local';
  return {
    env,
    isProduction,
    dataDir: path.resolve(env.DATA_DIR),
    database: {
      mode: env.DATABASE_URL ? 'server' : 'embedded',
      url: env.DATABASE_URL,
      migrationUrl: env.DATABASE_MIGRATION_URL,
      runtimeRole: runtimeRole(env),
      poolSize: env.DATABASE_POOL_SIZE,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    queue: {
      driver: queueDriver,
      // Without Redis there is no worker process to hand jobs to.
      runProcessorsInApi:
        env.RUN_PROCESSORS === 'auto' ? queueDriver === 'local' : env.RUN_PROCESSORS === 'true',
    },
    blobs: { driver: env.S3_BUCKET ? 's3' : 'filesystem', urlTtlSeconds: env.BLOB_URL_TTL_SECONDS },
    cache: { driver: env.REDIS_URL ? 'redis' : 'memory' },
    rag: {
      vectorMode: env.RAG_VECTOR_MODE,
      hnsw: {
        m: env.RAG_HNSW_M,
        efConstruction: env.RAG_HNSW_EF_CONSTRUCTION,
        efSearch: env.RAG_HNSW_EF_SEARCH,
      },
      chunkSize: env.RAG_CHUNK_SIZE,
      chunkOverlap: env.RAG_CHUNK_OVERLAP,
      embedBatchSize: env.RAG_EMBED_BATCH_SIZE,
      semanticCacheDistance: env.RAG_SEMANTIC_CACHE_DISTANCE,
      uploadMaxBytes: env.RAG_UPLOAD_MAX_BYTES,
    },
    embeddings: {
      url: env.EMBEDDINGS_URL,
      model: env.EMBEDDINGS_MODEL,
      apiKey: env.EMBEDDINGS_API_KEY,
      dimensions: env.EMBEDDINGS_DIMENSIONS,
      timeoutMs: env.EMBEDDINGS_TIMEOUT_MS,
      maxAttempts: env.EMBEDDINGS_MAX_ATTEMPTS,
    },
  };
}

/**
 * The role the runtime connects as, when it is not the one that migrates:
 * DATABASE_RUNTIME_ROLE, else DATABASE_URL's user when DATABASE_MIGRATION_URL
 * names another. Undefined when one role does both (no grants to make).
 */
function runtimeRole(env: Env): string | undefined {
  if (!env.DATABASE_URL || !env.DATABASE_MIGRATION_URL) return undefined;
  const userOf = (u: string) => decodeURIComponent(new URL(u).username);
  const owner = userOf(env.DATABASE_MIGRATION_URL);
  const role = env.DATABASE_RUNTIME_ROLE ?? userOf(env.DATABASE_URL);
  return role && role !== owner ? role : undefined;
}

function ldapProblems(env: Env): string[] {
  if (!env.LDAP_URL) return [];
  const problems: string[] = [];
  if (!env.LDAP_SEARCH_BASE) problems.push('LDAP_SEARCH_BASE: required when LDAP_URL is set');
  if (Boolean(env.LDAP_BIND_DN) !== Boolean(env.LDAP_BIND_PASSWORD)) {
    problems.push('LDAP_BIND_PASSWORD: LDAP_BIND_DN and LDAP_BIND_PASSWORD go together');
  }
  if (env.LDAP_STARTTLS && env.LDAP_URL.startsWith('ldaps:')) {
    problems.push('LDAP_STARTTLS: an ldaps:// URL is already TLS; use ldap:// with StartTLS');
  }
  if (env.LDAP_GROUP_SEARCH_BASE && !env.LDAP_ADMIN_GROUP_DN) {
    problems.push('LDAP_ADMIN_GROUP_DN: required when LDAP_GROUP_SEARCH_BASE is set');
  }
  if (env.LDAP_CA_FILE) {
    try {
      readFileSync(env.LDAP_CA_FILE);
    } catch {
      problems.push(`LDAP_CA_FILE: cannot read ${env.LDAP_CA_FILE}`);
    }
  }
  return problems;
}

const SECRET_NAME = /KEY|SECRET|PASSWORD|TOKEN|URL/i;

function redactValue(name: string, value: string): string {
  return SECRET_NAME.test(name) ? '***' : value.slice(0, 80);
}
