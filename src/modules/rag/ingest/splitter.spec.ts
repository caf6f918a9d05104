import { chunkKey, splitText, splitterId } from './splitter.js';

const SETTINGS = { chunkSize: 40, chunkOverlap: 5 };

describe('splitText', () => {
  it('splits into chunks of at most chunk_size tokens, in order', async () => {
    const paragraph = (n: number) =>
      `Paragraph ${n} talks about volcanoes, magma chambers and how lava cools into basalt rock.`;
    const text = Array.from({ length: 8 }, (_, i) => paragraph(i)).join('\n\n');
    const chunks = await splitText(text, SETTINGS);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
    for (const c of chunks) expect(c.tokenCount).toBeLessThanOrEqual(40);
    expect(chunks[0]!.content).toContain('Paragraph 0');
  });

  it('gives no chunk for blank text', async () => {
    expect(await splitText('   \n\n  ', SETTINGS)).toEqual([]);
  });
});

describe('chunkKey', () => {
  it('is stable for the same text, settings and model', () => {
    expect(chunkKey('lava', SETTINGS, 'm')).toBe(chunkKey('lava', SETTINGS, 'm'));
    expect(chunkKey('lava', SETTINGS, 'm')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the text, either splitter setting or the model', () => {
    const base = chunkKey('lava', SETTINGS, 'm');
    expect(chunkKey('magma', SETTINGS, 'm')).not.toBe(base);
    expect(chunkKey('lava', { ...SETTINGS, chunkSize: 41 }, 'm')).not.toBe(base);
    expect(chunkKey('lava', { ...SETTINGS, chunkOverlap: 6 }, 'm')).not.toBe(base);
    expect(chunkKey('lava', SETTINGS, 'other')).not.toBe(base);
  });

  it('names the tokenizer and settings in the splitter id', () => {
    expect(splitterId(SETTINGS)).toBe('recursive-character/cl100k_base/40/5');
  });
});
