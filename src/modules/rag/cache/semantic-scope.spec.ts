import { queryWords, semanticScopeKey, type SemanticScope } from './semantic-cache.repository.js';

const base: SemanticScope = {
  collections: [
    { id: 'b', generation: 2, audience: 'parent' },
    { id: 'a', generation: 1, audience: 'all' },
  ],
  audiences: ['parent', 'all'],
  provider: 'local',
  model: 'parley-local-384',
  dimensions: 384,
  k: 5,
  mode: 'vector',
  filter: { grade: 7, year: { gt: 2020 } },
};

describe('semanticScopeKey', () => {
  it('is the same for the same question, whatever the order of collections, audiences or filter keys', () => {
    expect(
      semanticScopeKey({
        ...base,
        collections: [...base.collections].reverse(),
        audiences: ['all', 'parent'],
        filter: { year: { gt: 2020 }, grade: 7 },
      }),
    ).toBe(semanticScopeKey(base));
  });

  it.each<[string, Partial<SemanticScope>]>([
    [
      'a bumped generation',
      { collections: [{ id: 'a', generation: 2, audience: 'all' }, base.collections[0]!] },
    ],
    ['another audience', { audiences: ['teenager', 'all'] }],
    ['another model', { model: 'text-embedding-3-small' }],
    ['another k', { k: 6 }],
    ['another mode', { mode: 'hybrid' }],
    ['another filter', { filter: { grade: 8, year: { gt: 2020 } } }],
    ['no filter', { filter: undefined }],
    ['a threshold', { scoreThreshold: 0.2 }],
    ['other words', { words: 'lava' }],
  ])('differs for %s', (_label, change) => {
    expect(semanticScopeKey({ ...base, ...change })).not.toBe(semanticScopeKey(base));
  });

  it('reads the words of a query as full-text search sees them', () => {
    expect(queryWords('Lava, from the VOLCANO?')).toBe('lava from the volcano');
  });
});
