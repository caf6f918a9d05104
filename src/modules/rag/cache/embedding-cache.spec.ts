import { jest } from '@jest/globals';
import type { CacheService } from '../../../platform/cache/cache.service.js';
import type { Embedder } from '../embedding/embedder.port.js';
import { EmbeddingCache } from './embedding-cache.js';
import type { RagCacheWriter } from './rag-cache.writer.js';

const vectorOf = (text: string) => [text.length, 1, 0];

function setup(shared: Record<string, number[]> = {}) {
  const getMany = jest.fn(async (keys: string[]) => keys.map((k) => shared[k]));
  const cache = { getMany } as unknown as CacheService;
  const embeddings = jest.fn();
  const writer = { embeddings } as unknown as RagCacheWriter;
  const embed = jest.fn(async (texts: string[]) => texts.map(vectorOf));
  const embedder: Embedder = { provider: 'local', model: 'm', dimensions: 3, embed };
  return { cache: new EmbeddingCache(cache, writer, embedder), getMany, embed, embeddings };
}

describe('EmbeddingCache', () => {
  it('keys by provider, model, dimensions and sha256 of the text', () => {
    const { cache } = setup();
    expect(cache.key('abc')).toBe(
      'rag:emb:local:m:3:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('embeds only the texts no level holds, once each, and queues them for the shared level', async () => {
    const { cache, getMany, embed, embeddings } = setup();
    const first = await cache.embed(['a', 'bb', 'a']);
    expect(first).toEqual({ vectors: [vectorOf('a'), vectorOf('bb'), vectorOf('a')], hits: 0 });
    expect(getMany).toHaveBeenCalledTimes(1);
    expect(getMany).toHaveBeenCalledWith([cache.key('a'), cache.key('bb')]);
    expect(embed).toHaveBeenCalledWith(['a', 'bb']);
    expect(embeddings).toHaveBeenCalledWith([
      { key: cache.key('a'), vector: vectorOf('a') },
      { key: cache.key('bb'), vector: vectorOf('bb') },
    ]);
  });

  it('answers from the near LRU without the store or the embedder', async () => {
    const { cache, getMany, embed } = setup();
    await cache.embed(['a']);
    getMany.mockClear();
    embed.mockClear();
    expect(await cache.embed(['a'])).toEqual({ vectors: [vectorOf('a')], hits: 1 });
    expect(getMany).not.toHaveBeenCalled();
    expect(embed).not.toHaveBeenCalled();
  });

  it('answers from the shared level in one batched read, never calling the embedder for a hit', async () => {
    const probe = setup();
    const shared = { [probe.cache.key('x')]: [9, 9, 9], [probe.cache.key('y')]: [8, 8, 8] };
    const { cache, getMany, embed, embeddings } = setup(shared);
    expect(await cache.embed(['x', 'y', 'z'])).toEqual({
      vectors: [[9, 9, 9], [8, 8, 8], vectorOf('z')],
      hits: 2,
    });
    expect(getMany).toHaveBeenCalledTimes(1);
    expect(embed).toHaveBeenCalledWith(['z']);
    expect(embeddings).toHaveBeenCalledWith([{ key: cache.key('z'), vector: vectorOf('z') }]);
  });

  it('ignores a shared vector of another size, and refuses an embedder answer of the wrong size', async () => {
    const probe = setup();
    const { cache, embed } = setup({ [probe.cache.key('x')]: [1] });
    expect((await cache.embed(['x'])).hits).toBe(0);
    embed.mockResolvedValueOnce([[1, 2]]);
    await expect(cache.embed(['w'])).rejects.toThrow('wrong size');
  });
});
