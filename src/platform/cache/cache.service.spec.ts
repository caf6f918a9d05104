import { jest } from '@jest/globals';
import type { CacheStore } from './cache.port.js';
import { CacheService } from './cache.service.js';

function strictStore(overrides: Partial<CacheStore> = {}) {
  let invalidate: (keys: string[]) => void = () => {
    throw new Error('no listener');
  };
  const unexpected = (name: string) => () => {
    throw new Error(`unexpected call to ${name}`);
  };
  const store: CacheStore = {
    get: jest.fn(unexpected('get')),
    set: jest.fn(unexpected('set')),
    getMany: jest.fn(unexpected('getMany')),
    setMany: jest.fn(unexpected('setMany')),
    del: jest.fn(unexpected('del')),
    keys: jest.fn(unexpected('keys')),
    publishInvalidation: jest.fn(unexpected('publishInvalidation')),
    onInvalidation: jest.fn((listener: (keys: string[]) => void) => {
      invalidate = listener;
    }),
    ping: jest.fn(unexpected('ping')),
    close: jest.fn(unexpected('close')),
    ...overrides,
  } as CacheStore;
  return { store, invalidate: (keys: string[]) => invalidate(keys) };
}

describe('CacheService', () => {
  it('serves a value it just wrote from its near cache without asking the store', async () => {
    const { store } = strictStore({ set: jest.fn(async () => {}) });
    const cache = new CacheService(store);
    await cache.set('k', { a: 1 }, 60);
    expect(await cache.get('k')).toEqual({ a: 1 });
    expect(store.set).toHaveBeenCalledWith('k', '{"a":1}', 60);
  });

  it('reads through to the store on a near miss, then keeps the value', async () => {
    const get = jest.fn(async () => '"v"');
    const { store } = strictStore({ get });
    const cache = new CacheService(store);
    expect(await cache.get('k')).toBe('v');
    expect(await cache.get('k')).toBe('v');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('drops a near entry when another instance invalidates the key', async () => {
    const get = jest.fn(async () => '2');
    const { store, invalidate } = strictStore({ set: jest.fn(async () => {}), get });
    const cache = new CacheService(store);
    await cache.set('k', 1, 60);
    invalidate(['k']);
    expect(await cache.get('k')).toBe(2);
  });

  it('deletes from the store and publishes the invalidation', async () => {
    const del = jest.fn(async () => 1);
    const publishInvalidation = jest.fn(async () => {});
    const { store } = strictStore({ del, publishInvalidation });
    const cache = new CacheService(store);
    expect(await cache.del('a', 'b')).toBe(1);
    expect(del).toHaveBeenCalledWith(['a', 'b']);
    expect(publishInvalidation).toHaveBeenCalledWith(['a', 'b']);
  });

  it('treats an unreachable store as a miss on read and a no-op on write', async () => {
    const down = async () => {
      throw new Error('connection refused');
    };
    const { store } = strictStore({ get: jest.fn(down), set: jest.fn(down) });
    const cache = new CacheService(store);
    await expect(cache.set('k', 1, 60)).resolves.toBeUndefined();
    await expect(cache.get('k')).resolves.toBeUndefined();
  });

  it('fails an invalidation loudly when the store cannot take it', async () => {
    const { store } = strictStore({
      del: jest.fn(async () => {
        throw new Error('connection refused');
      }),
    });
    await expect(new CacheService(store).del('k')).rejects.toThrow('connection refused');
  });

  it('remembers an absence only when asked, and a broadcast write replaces it', async () => {
    const get = jest.fn(async () => undefined);
    const set = jest.fn(async () => {});
    const publishInvalidation = jest.fn(async () => {});
    const { store } = strictStore({ get, set, publishInvalidation });
    const cache = new CacheService(store);
    expect(await cache.get('plain')).toBeUndefined();
    expect(await cache.get('plain')).toBeUndefined();
    expect(get).toHaveBeenCalledTimes(2);
    expect(await cache.get('jti', { rememberMiss: true })).toBeUndefined();
    expect(await cache.get('jti', { rememberMiss: true })).toBeUndefined();
    expect(get).toHaveBeenCalledTimes(3);
    await cache.set('jti', true, 60, { broadcast: true });
    expect(publishInvalidation).toHaveBeenCalledWith(['jti']);
    expect(await cache.get('jti', { rememberMiss: true })).toBe(true);
  });

  it('fails a broadcast write loudly when the store cannot take it', async () => {
    const { store } = strictStore({
      set: jest.fn(async () => {
        throw new Error('connection refused');
      }),
    });
    await expect(new CacheService(store).set('k', 1, 60, { broadcast: true })).rejects.toThrow(
      'connection refused',
    );
  });

  it('reads and writes many keys in one store call each, and reads an outage as misses', async () => {
    const getMany = jest.fn(async (keys: string[]) =>
      keys.map((k) => (k === 'a' ? '[1]' : undefined)),
    );
    const setMany = jest.fn(async () => {});
    const { store } = strictStore({ getMany, setMany });
    const cache = new CacheService(store);
    expect(await cache.getMany(['a', 'b'])).toEqual([[1], undefined]);
    expect(getMany).toHaveBeenCalledTimes(1);
    await cache.setMany(
      [
        { key: 'a', value: [2] },
        { key: 'b', value: 3 },
      ],
      60,
    );
    expect(setMany).toHaveBeenCalledWith(
      [
        { key: 'a', value: '[2]' },
        { key: 'b', value: '3' },
      ],
      60,
    );
    const down = new CacheService(
      strictStore({
        getMany: jest.fn(async () => {
          throw new Error('connection refused');
        }),
      }).store,
    );
    expect(await down.getMany(['a', 'b'])).toEqual([undefined, undefined]);
  });
});
