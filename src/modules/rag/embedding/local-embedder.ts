import type { Embedder } from './embedder.port.js';

export const LOCAL_DIMENSIONS = 384;
/** The local embedder's model name at a size: `parley-local-384` by default. */
export const localModel = (dimensions: number) => `parley-local-${dimensions}`;
export const LOCAL_MODEL = localModel(LOCAL_DIMENSIONS);

/** Words too common to say anything about a text's topic. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by for from has have he her his i in is it its of on or our she ' +
    'so that the their them they this to was we were what when which who will with you your'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A deterministic, offline embedder that still means something on real text:
 * hashed word unigrams and bigrams and character 3-5-grams of each word
 * (which catch inflections: "erupts" and "eruption"), signed hashing so
 * collisions cancel rather than pile up, sublinear term frequency, and unit
 * length so the dot product is the cosine.
 */
export class LocalEmbedder implements Embedder {
  readonly provider = 'local';
  readonly model: string;

  constructor(readonly dimensions = LOCAL_DIMENSIONS) {
    this.model = localModel(dimensions);
  }

  embed(texts: string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((text) => this.vector(text)));
  }

  vector(text: string): number[] {
    // feature -> [weight of its kind, occurrences]
    const features = new Map<string, [number, number]>();
    const add = (feature: string, weight: number) => {
      const seen = features.get(feature);
      if (seen) seen[1] += 1;
      else features.set(feature, [weight, 1]);
    };
    const words = (text.normalize('NFKC').toLowerCase().match(WORD) ?? []).filter(
      (w) => !STOP_WORDS.has(w),
    );
    words.forEach((word, i) => {
      add(`w:${word}`, 1);
      if (i > 0) add(`b:${words[i - 1]} ${word}`, 0.5);
      const padded = `<${word}>`;
      for (let n = 3; n <= 5; n++) {
        for (let j = 0; j + n <= padded.length; j++) add(`c:${padded.slice(j, j + n)}`, 0.2);
      }
    });
    const v = new Array<number>(this.dimensions).fill(0);
    for (const [feature, [weight, tf]] of features) {
      const h = fnv1a(feature);
      const sign = h & 0x80000000 ? -1 : 1;
      v[(h & 0x7fffffff) % this.dimensions]! += sign * weight * (1 + Math.log(tf));
    }
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    return norm === 0 ? v : v.map((x) => x / norm);
  }
}

/** 32-bit FNV-1a over UTF-16 code units, mixed once more so low bits spread. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
