import { createHash } from 'node:crypto';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';

export const TOKENIZER = 'cl100k_base';

/** The ranks ship inside js-tiktoken: nothing is downloaded at run time. */
let encoder: Tiktoken | undefined;

/**
 * Byte-pair encoding is quadratic in the length of one run without spaces, so
 * long text is counted in slices: up to SLICE characters cut at whitespace, or
 * HARD_CUT characters where a run has none. A pathological document (100k
 * letters in a row) then costs about a second, not minutes. A cut may count a
 * token more than the whole would, which only ever makes a chunk smaller.
 */
const SLICE = 256;
const HARD_CUT = 32;
const PIECES = new RegExp(`\\s+|\\S{1,${HARD_CUT}}`, 'g');

/**
 * cl100k cuts text into pieces with this expression and encodes each piece on
 * its own, so a text's count is the sum of its pieces' counts. Pieces of up to
 * SHORT characters (words, mostly) are counted once and remembered: the
 * splitter measures every paragraph, line and word it merges, several times.
 */
const PRE_TOKENS = new RegExp(cl100k.pat_str, 'gu');
const SHORT = 24;
const MAX_REMEMBERED = 50_000;
const remembered = new Map<string, number>();

function countPiece(piece: string): number {
  encoder ??= new Tiktoken(cl100k);
  if (piece.length > SHORT) return encoder.encode(piece).length;
  let n = remembered.get(piece);
  if (n === undefined) {
    n = encoder.encode(piece).length;
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(piece, n);
  }
  return n;
}

/** What `encoder.encode(slice).length` answers, piece by piece. */
function countSlice(slice: string): number {
  let total = 0;
  for (const [piece] of slice.matchAll(PRE_TOKENS)) total += countPiece(piece);
  return total;
}

export function countTokens(text: string): number {
  if (text.length <= SHORT) return countSlice(text);
  let total = 0;
  let slice = '';
  for (const piece of text.match(PIECES) ?? []) {
    // A non-space piece after a non-space end continues a long run: cut there.
    const continuesRun = slice !== '' && !/\s/.test(piece[0]!) && !/\s$/.test(slice);
    if (slice.length + piece.length > SLICE || continuesRun) {
      total += countSlice(slice);
      slice = '';
    }
    slice += piece;
  }
  if (slice) total += countSlice(slice);
  return total;
}

const tokens = countTokens;

export interface SplitterSettings {
  chunkSize: number;
  chunkOverlap: number;
}

export interface SplitChunk {
  ordinal: number;
  content: string;
  tokenCount: number;
}

/** Names everything that shapes a chunk's text, so a change of any of it changes every key. */
export function splitterId(settings: SplitterSettings): string {
  return `recursive-character/${TOKENIZER}/${settings.chunkSize}/${settings.chunkOverlap}`;
}

/**
 * sha256 over the chunk's text, the splitter settings and the embedding model:
 * the same text split the same way and embedded by the same model has the same
 * key, whatever document it is in, so its embedding can be reused.
 */
export function chunkKey(content: string, settings: SplitterSettings, model: string): string {
  return createHash('sha256')
    .update(`${splitterId(settings)}\n${model}\n`)
    .update(content)
    .digest('hex');
}

/** Splits on paragraphs, then lines, then words, counting cl100k tokens. */
export async function splitText(text: string, settings: SplitterSettings): Promise<SplitChunk[]> {
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: settings.chunkSize,
    chunkOverlap: settings.chunkOverlap,
    lengthFunction: tokens,
  });
  const pieces = (await splitter.splitText(text)).filter((p) => p.trim().length > 0);
  return pieces.map((content, ordinal) => ({ ordinal, content, tokenCount: tokens(content) }));
}
