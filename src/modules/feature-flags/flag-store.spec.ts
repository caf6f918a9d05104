import { jest } from '@jest/globals';
import type { CacheService } from '../../platform/cache/cache.service.js';
import type { FeatureFlag } from './entities/feature-flag.entity.js';
import type { FeatureFlagsRepository } from './feature-flags.repository.js';
import { FLAGS_CHANGED_KEY, FlagStore } from './flag-store.js';

const flag = (name: string, version = 1) => ({ name, version }) as FeatureFlag;

function setup(reads: (() => Promise<FeatureFlag[]>)[]) {
  let listener: ((keys: string[]) => void) | undefined;
  const findAll = jest.fn(async () => {
    const next = reads.shift();
    if (!next) throw new Error('unexpected read');
    return next();
  });
  const cache = {
    onInvalidation: jest.fn((l: (keys: string[]) => void) => (listener = l)),
    // As the platform does: the invalidation reaches this instance too.
    del: jest.fn(async (...keys: string[]) => {
      listener?.(keys);
      return 0;
    }),
  };
  const store = new FlagStore(
    { findAll } as unknown as FeatureFlagsRepository,
    cache as unknown as CacheService,
  );
  store.onModuleInit();
  return { store, findAll, cache, hear: (keys: string[]) => listener!(keys) };
}

describe('FlagStore', () => {
  it('reads the flags once, then serves them from memory', async () => {
    const { store, findAll } = setup([async () => [flag('a')]]);
    expect([...(await store.all()).keys()]).toEqual(['a']);
    await store.all();
    expect(findAll).toHaveBeenCalledTimes(1);
  });

  it('reads again when any instance announces a change, and tells its streams', async () => {
    const { store, findAll, hear } = setup([async () => [flag('a')], async () => [flag('a', 2)]]);
    await store.all();
    const seen = new Promise<void>((resolve) => store.changed$.subscribe(() => resolve()));
    hear(['unrelated']);
    hear([FLAGS_CHANGED_KEY]);
    await seen;
    expect((await store.all()).get('a')!.version).toBe(2);
    expect(findAll).toHaveBeenCalledTimes(2);
  });

  it('does not keep a read that began before a change', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { store, findAll } = setup([
      async () => {
        await gate;
        return [flag('a', 1)];
      },
      async () => [flag('a', 2)],
      async () => [flag('a', 2)],
    ]);
    const first = store.all();
    await store.publishChange();
    release();
    expect((await first).get('a')!.version).toBe(2);
    expect(findAll.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('reads again once its copy is 30 s old, in case an announcement was lost', async () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const { store, findAll } = setup([async () => [flag('a')], async () => [flag('b')]]);
      await store.all();
      jest.setSystemTime(29_000);
      expect([...(await store.all()).keys()]).toEqual(['a']);
      jest.setSystemTime(31_000);
      expect([...(await store.all()).keys()]).toEqual(['b']);
      expect(findAll).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('still reads again itself when the announcement cannot be sent', async () => {
    const { store, cache } = setup([async () => [flag('a')], async () => [flag('a', 2)]]);
    await store.all();
    cache.del.mockRejectedValueOnce(new Error('redis away'));
    await store.publishChange();
    expect((await store.all()).get('a')!.version).toBe(2);
  });
});
