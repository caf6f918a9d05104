import { jest } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { chunkKey, countTokens, splitText, splitterId } from './splitter.js';

const SETTINGS = { chunkSize: 40, chunkOverlap: 5 };

/** The longest text the tokenizer is handed from now on (the work is quadratic in it). */
function longestEncoded(): () => number {
  const encode = jest.spyOn(Tiktoken.prototype, 'encode');
  return () => {
    const longest = Math.max(0, ...encode.mock.calls.map(([text]) => text.length));
    encode.mockRestore();
    return longest;
  };
}

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

  it('splits a long run without spaces in bounded slices, still within chunk_size', async () => {
    const encoded = longestEncoded();
    const chunks = await splitText('a'.repeat(100_000), { chunkSize: 400, chunkOverlap: 50 });
    // Byte-pair encoding is quadratic in a run's length: encoded whole, this run takes minutes.
    expect(encoded()).toBeLessThanOrEqual(256);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.tokenCount).toBeLessThanOrEqual(400);
    expect(chunks.map((c) => c.content).join('').length).toBeGreaterThanOrEqual(100_000);
  });

  it('counts tokens of long text as the tokenizer does, give or take a slice boundary', () => {
    const text = 'Lava flows downhill and cools into rock. '.repeat(100);
    const whole = new Tiktoken(cl100k).encode(text).length;
    const counted = countTokens(text);
    expect(counted).toBeGreaterThanOrEqual(whole);
    // At most one extra token per slice (32 characters at the least).
    expect(counted).toBeLessThanOrEqual(whole + Math.ceil(text.length / 32));
  });

  it('counts ordinary text exactly as the tokenizer does, words remembered or not', () => {
    const encoder = new Tiktoken(cl100k);
    const texts = [
      "It's 1234567 o'clock:  lava\n\n  flows\t(downhill) -- fast!!",
      'Ünïcödé wörds, 数字 and emoji 🌋 erupt\r\n\r\nagain   and again ',
      'Magma magma MAGMA magma. ',
    ];
    for (const text of texts) {
      expect(countTokens(text)).toBe(encoder.encode(text).length);
      // A second count, from remembered pieces, agrees.
      expect(countTokens(text)).toBe(encoder.encode(text).length);
    }
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

describe('countTokens on hostile text', () => {
  it('encodes only bounded slices when long runs alternate with spaces', async () => {
    const encoded = longestEncoded();
    countTokens(`${'b'.repeat(220)} `.repeat(450));
    const pieces = Array.from(
      { length: 450 },
      (_, i) => `${String.fromCharCode(97 + (i % 26)).repeat(250)}`,
    );
    expect(
      (await splitText(pieces.join(' '), { chunkSize: 400, chunkOverlap: 0 })).length,
    ).toBeGreaterThan(10);
    expect(encoded()).toBeLessThanOrEqual(256);
  });
});
