import { LocalEmbedder } from './local-embedder.js';

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('LocalEmbedder', () => {
  const embedder = new LocalEmbedder();

  it('ranks the magma and volcano document first for a question about lava', async () => {
    const documents = [
      'Paying taxes on time avoids penalties from the revenue office.',
      'Magma rises beneath a volcano and erupts onto the surface as lava.',
      'A balanced breakfast includes fruit, grains and some protein.',
      'The football team trained twice a week before the final match.',
      'Photosynthesis turns sunlight, water and carbon dioxide into sugar.',
    ];
    const [query, ...vectors] = await embedder.embed([
      'lava erupts from the volcano',
      ...documents,
    ]);
    const ranked = vectors
      .map((v, i) => ({ i, score: cosine(query!, v) }))
      .sort((a, b) => b.score - a.score);
    expect(ranked[0]!.i).toBe(1);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score + 0.1);
  });

  it('is deterministic, unit length and of the declared size', async () => {
    const [a, b] = await embedder.embed(['Same text.', 'Same text.']);
    expect(a).toEqual(b);
    expect(a).toHaveLength(384);
    expect(cosine(a!, a!)).toBeCloseTo(1, 6);
  });

  it('relates inflected forms through character n-grams', () => {
    const eruption = embedder.vector('eruption');
    expect(cosine(embedder.vector('erupts'), eruption)).toBeGreaterThan(
      cosine(embedder.vector('breakfast'), eruption),
    );
  });

  it('gives an empty text the zero vector instead of NaN', () => {
    expect(embedder.vector('the of and').every((x) => x === 0)).toBe(true);
  });
});
