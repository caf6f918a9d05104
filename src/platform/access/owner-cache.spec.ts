import { jest } from '@jest/globals';
import type { CacheService } from '../cache/cache.service.js';
import { ErrorCode } from '../http/error-codes.js';
import { OwnerCache } from './owner-cache.js';

const unexpected = (name: string) => () => {
  throw new Error(`unexpected call to ${name}`);
};

function strictCache(overrides: Partial<Record<'get' | 'set' | 'del', unknown>> = {}) {
  const cache = {
    get: jest.fn(unexpected('get')),
    set: jest.fn(unexpected('set')),
    del: jest.fn(unexpected('del')),
    ...overrides,
  };
  return { cache, owners: new OwnerCache(cache as unknown as CacheService) };
}

const neverAsked = jest.fn(async (): Promise<boolean> => {
  throw new Error('the database was asked');
});

describe('OwnerCache', () => {
  it('answers from a cached owner, for the owner and for anyone else, without the database', async () => {
    const { owners } = strictCache({ get: jest.fn(async () => 'alice') });
    expect(await owners.isOwner('conversation', 'alice', 'c1', neverAsked)).toBe(true);
    expect(await owners.isOwner('conversation', 'bob', 'c1', neverAsked)).toBe(false);
    expect(neverAsked).not.toHaveBeenCalled();
  });

  it('asks the database on a miss and remembers only a yes', async () => {
    const set = jest.fn(async () => {});
    const { owners, cache } = strictCache({ get: jest.fn(async () => undefined), set });
    expect(await owners.isOwner('conversation', 'bob', 'c1', async () => false)).toBe(false);
    expect(set).not.toHaveBeenCalled();
    expect(await owners.isOwner('conversation', 'alice', 'c1', async () => true)).toBe(true);
    expect(set).toHaveBeenCalledWith('owner:conversation:c1', 'alice', 86_400);
    expect(cache.get).toHaveBeenCalledWith('owner:conversation:c1');
  });

  it('forgets on every instance, through the cache', async () => {
    const del = jest.fn(async () => 2);
    const { owners } = strictCache({ del });
    await owners.forget('conversation', 'c1', 'c2');
    expect(del).toHaveBeenCalledWith('owner:conversation:c1', 'owner:conversation:c2');
  });

  it('answers 503 when the others cannot be told', async () => {
    const { owners } = strictCache({
      del: jest.fn(async () => {
        throw new Error('connection refused');
      }),
    });
    await expect(owners.forget('conversation', 'c1')).rejects.toMatchObject({
      code: ErrorCode.ServiceUnavailable,
    });
  });
});
