import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** Human sizes such as `1mb`, `512kb` or a byte count. */
const byteSize = z
  .string()
  .regex(/^\d+(b|kb|mb|gb)?$/i, 'expected a size such as 1mb, 512kb or a byte count')
  .transform((v) => {
    const m = /^(\d+)(b|kb|mb|gb)?$/i.exec(v)!;
    const unit = (m[2] ?? 'b').toLowerCase();
    const factor = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[unit]!;
    return Number(m[1]) * factor;
  });

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `expected a ${protocols.join(' or ')} URL`,
    );

const optionalUrl = (protocols: string[]) =>
  z.preprocess((v) => (v === '' ? undefined : v), url(protocols).optional());

const identityProvider = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    issuer: z.string().min(1),
    audience: z.string().min(1),
    jwks_url: z.url().optional(),
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).optional(),
  })
  .refine(
    (idp) => Boolean(idp.jwks_url) !== Boolean(idp.jwks),
    'each provider needs exactly one of jwks_url or jwks',
  );

export type IdentityProviderConfig = z.infer<typeof identityProvider>;

/**
 * The configuration contract (PRODUCT.md): every variable Parley reads, with its
 * embedded-mode default. Production-only requirements are checked in `loadConfig`.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(65),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  DATA_DIR: z.string().min(1).default('./data'),

  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  /** The owner role that runs migrations; DATABASE_URL is then the runtime role. */
  DATABASE_MIGRATION_URL: optionalUrl(['postgres:', 'postgresql:']),
  /** The role migrations grant DML to; by default DATABASE_URL's user when the URLs differ. */
  DATABASE_RUNTIME_ROLE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/, 'a PostgreSQL role name (letters, digits, _ and $)')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30000),
  MIGRATIONS_RUN: bool.default(true),

  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  REDIS_KEY_PREFIX: z.string().default('parley:'),
  RUN_PROCESSORS: z.enum(['auto', 'true', 'false']).default('auto'),

  S3_BUCKET: optionalString,
  S3_ENDPOINT: optionalUrl(['http:', 'https:']),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: bool.optional(),
  BLOB_URL_TTL_SECONDS: z.coerce.number().int().min(1).max(604800).default(300),
  /** Artifacts: the largest file, per-user quotas, and how long an unreferenced blob is kept. */
  ARTIFACT_MAX_BYTES: byteSize.default(100 * 1024 ** 2),
  ARTIFACT_QUOTA_BYTES: byteSize.default(1024 ** 3),
  ARTIFACT_QUOTA_COUNT: z.coerce.number().int().min(1).default(1000),
  ARTIFACT_BLOB_GRACE_SECONDS: z.coerce.number().int().min(0).default(3600),
  ARTIFACT_ALLOW_HTML: bool.default(false),
  /** Documents and charts: the largest version content and the largest chart specification. */
  DOCUMENT_MAX_BYTES: byteSize.default(512 * 1024),
  CHART_SPEC_MAX_BYTES: byteSize.default(256 * 1024),

  /** Retention policies (the hourly maintenance run); 0 turns a policy off. */
  RETENTION_GUEST_INACTIVE_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  RETENTION_ARCHIVED_CONVERSATION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  RETENTION_CHECKPOINTS_PER_THREAD: z.coerce.number().int().min(0).max(100000).default(20),
  RETENTION_FINISHED_STREAM_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  RETENTION_ENDED_SESSION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  RETENTION_LOGIN_ATTEMPT_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  RETENTION_FAILED_JOB_DAYS: z.coerce.number().int().min(0).max(3650).default(14),
  RETENTION_SEMANTIC_CACHE_HOURS: z.coerce.number().int().min(1).max(24).default(24),
  /** How long a built export archive stays downloadable. */
  EXPORT_ARCHIVE_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),

  EMBEDDINGS_URL: optionalUrl(['http:', 'https:']),
  EMBEDDINGS_MODEL: z.string().default('parley-local-384'),
  EMBEDDINGS_API_KEY: optionalString,
  EMBEDDINGS_DIMENSIONS: z.coerce.number().int().min(1).max(4096).default(384),
  /** `auto`: HNSW through pgvector where the server has it; `exact`: always an exact scan. */
  RAG_VECTOR_MODE: z.enum(['auto', 'exact']).default('auto'),
  RAG_HNSW_M: z.coerce.number().int().min(2).max(100).default(16),
  RAG_HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(4).max(1000).default(64),
  /** HNSW's candidate list per search (at least twice the rows a search asks for); recall rises with it. */
  RAG_HNSW_EF_SEARCH: z.coerce.number().int().min(1).max(1000).default(100),
  /** Splitter defaults for new collections, in tokens (cl100k_base). */
  RAG_CHUNK_SIZE: z.coerce.number().int().min(16).max(8192).default(400),
  RAG_CHUNK_OVERLAP: z.coerce.number().int().min(0).max(4096).default(50),
  /** Texts per call to the embedder during ingest. */
  RAG_EMBED_BATCH_SIZE: z.coerce.number().int().min(1).max(2048).default(64),
  /** The largest text or Markdown file a RAG document may be uploaded as. */
  RAG_UPLOAD_MAX_BYTES: byteSize.default(5 * 1024 ** 2),
  /** Cosine distance within which a cached query's results answer a new one; 0: exact repeats only. */
  RAG_SEMANTIC_CACHE_DISTANCE: z.coerce.number().min(0).max(1).default(0.05),
  /** Per request to EMBEDDINGS_URL, and attempts on 429/5xx/timeouts. */
  EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  EMBEDDINGS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),

  JWT_PRIVATE_KEY: optionalString,
  JWT_PUBLIC_KEY: optionalString,
  JWT_KEY_ID: optionalString,
  JWT_ISSUER: z.string().default('parley'),
  JWT_AUDIENCE: z.string().default('parley-api'),
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900),
  ENCRYPTION_KEY: optionalString,

  ADMIN_EMAILS: csv,
  TERMS_VERSION: z.string().min(1).max(32).default('2026-01'),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** DELETE /v1/me without a password: the session must have signed in this recently. */
  ERASE_REAUTH_SECONDS: z.coerce.number().int().min(0).max(86400).default(600),
  IDENTITY_PROVIDERS: z
    .string()
    .default('[]')
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected a JSON array of identity providers' });
        return z.NEVER;
      }
    })
    .pipe(z.array(identityProvider)),
  /** LDAP sign-in (POST /v1/auth/ldap/login); off while LDAP_URL is unset. */
  LDAP_URL: optionalUrl(['ldap:', 'ldaps:']),
  LDAP_STARTTLS: bool.default(false),
  LDAP_CA_FILE: optionalString,
  LDAP_BIND_DN: optionalString,
  LDAP_BIND_PASSWORD: optionalString,
  LDAP_SEARCH_BASE: optionalString,
  LDAP_SEARCH_FILTER: z
    .string()
    .trim()
    .default('(uid={{username}})')
    .refine(
      (v) => v.startsWith('(') && v.endsWith(')') && v.includes('{{username}}'),
      'expected a parenthesised LDAP filter containing {{username}}',
    ),
  LDAP_ID_ATTRIBUTE: z.string().trim().min(1).default('entryUUID'),
  LDAP_EMAIL_ATTRIBUTE: z.string().trim().min(1).default('mail'),
  LDAP_NAME_ATTRIBUTE: z.string().trim().min(1).default('cn'),
  LDAP_ADMIN_GROUP_DN: optionalString,
  LDAP_GROUP_SEARCH_BASE: optionalString,
  LDAP_GROUP_SEARCH_FILTER: z
    .string()
    .trim()
    .default('(member={{dn}})')
    .refine(
      (v) => v.startsWith('(') && v.endsWith(')') && v.includes('{{dn}}'),
      'expected a parenthesised LDAP filter containing {{dn}}',
    ),
  LDAP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  /** argon2id cost; below OWASP's baseline only in NODE_ENV=test (checked in loadConfig). */
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).max(1048576).default(19456),
  ARGON2_TIME_COST: z.coerce.number().int().min(1).max(10).default(2),
  /** Requests per minute per client address; 0 turns a limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  MAIL_FROM: z.string().min(3).default('Parley <no-reply@parley.local>'),
  /** The deployment feature flags are evaluated for (a flag's `environment`). */
  PARLEY_ENVIRONMENT: z.enum(['development', 'staging', 'production']).default('development'),
  /** The language localized content falls back to last (a BCP 47 tag, stored canonical: `de-AT`). */
  CONTENT_DEFAULT_LANGUAGE: z
    .string()
    .default('en')
    .refine(
      (v) => {
        try {
          return v.length <= 35 && Intl.getCanonicalLocales(v).length === 1;
        } catch {
          return false;
        }
      },
      { message: 'must be a BCP 47 language tag such as en or de-AT' },
    )
    .transform((v) => Intl.getCanonicalLocales(v)[0]!),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: csv,
  JSON_BODY_LIMIT: byteSize.default(1024 * 1024),
  /** POST /v1/conversations/{id}/messages/batch: a whole history (up to 1000 messages) in one body. */
  MESSAGE_BATCH_BODY_LIMIT: byteSize.default(16 * 1024 * 1024),
  TRUST_PROXY: bool.default(false),
  /** Worker processes serve /metrics and /health/live here when set (they have no API). */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10000),
  /** Blocking Redis connections an instance shares among all its stream readers. */
  STREAM_READER_CONNECTIONS: z.coerce.number().int().min(1).max(64).default(4),
  /** Lifetime of a stream ticket (`?ticket=` for EventSource, which cannot send headers). */
  STREAM_TICKET_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

export type Env = z.infer<typeof envSchema>;
