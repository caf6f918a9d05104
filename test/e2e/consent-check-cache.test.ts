import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SessionScope } from '../../src/modules/auth/entities/app-session.entity.js';
import type { AuthContext } from '../../src/modules/auth/auth-context.js';
import { consentAllowedKey } from '../../src/modules/consent/consent-check.cache.js';
import { MemorySearchService } from '../../src/modules/memory/memory-search.service.js';
import { SearchService } from '../../src/modules/rag/search/search.service.js';
import { CacheService } from '../../src/platform/cache/cache.service.js';
import { linkChild } from '../factories/collectives.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig, testRedisPrefix } from '../support/app.js';
import { waitUntil } from '../support/wait.js';

/**
 * The consent gate of RAG and memory search reads the shared cache; a consent
 * change on one instance drops it on every instance, so the next search on
 * another one asks the database again and is refused.
 */
describe('the cached consent check across two instances', () => {
  let a: NestExpressApplication;
  let b: NestExpressApplication;
  let parent: TestUser;
  let teen: TestUser;
  const contextOf = (user: TestUser): AuthContext => ({
    userId: user.id,
    sessionId: user.tokens.session.id,
    scope: SessionScope.Full,
    roles: [],
    accountType: 'guest' as never,
    jti: 'test',
    exp: 0,
  });

  beforeAll(async () => {
    const env = { REDIS_KEY_PREFIX: testRedisPrefix('consent'), DATA_DIR: tempDir() };
    a = await startTestApp(testConfig('server', env));
    b = await startTestApp(testConfig('server', env));
    parent = await startFullGuest(a);
    teen = await linkChild(a, parent);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('remembers "allowed" after one search and forgets it everywhere when consent is revoked', async () => {
    await b.get(SearchService).search(contextOf(teen), { query: 'lava', k: 1 });
    const allowed = await b.get(CacheService).get(consentAllowedKey(teen.id));
    expect(allowed).toHaveProperty('epoch');
    // Served from the cache now: memory search on the same instance needs no database read for it.
    await b.get(MemorySearchService).search(teen.id, { query: 'lava', k: 1 });

    await request(a.getHttpServer())
      .delete(`/v1/consent/children/${teen.id}`)
      .set(parent.auth)
      .expect(204);
    await waitUntil(
      async () => (await b.get(CacheService).get(consentAllowedKey(teen.id))) === undefined,
      { what: 'the cached consent dropped on the other instance', timeoutMs: 5_000 },
    );
    await expect(
      b.get(SearchService).search(contextOf(teen), { query: 'lava', k: 1 }),
    ).rejects.toMatchObject({ code: 'consent-required' });
    await expect(
      b.get(MemorySearchService).search(teen.id, { query: 'lava', k: 1 }),
    ).rejects.toMatchObject({ code: 'consent-required' });
    // A refusal is never remembered.
    expect(await b.get(CacheService).get(consentAllowedKey(teen.id))).toBeUndefined();
    // A check that read the database before the revocation and writes its "allowed" after
    // the key was dropped carries the old epoch: it does not count.
    await b.get(CacheService).set(consentAllowedKey(teen.id), allowed, 60);
    await expect(
      b.get(SearchService).search(contextOf(teen), { query: 'lava', k: 1 }),
    ).rejects.toMatchObject({ code: 'consent-required' });
  });
});
