import { createHash } from 'node:crypto';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';

export const TOKENIZER = 'cl100k_base';

/** The ranks ship inside js-tiktoken: nothing is downloaded at run time. */
let encoder: Tiktoken | undefined;
function tokens(text: string): number {
  encoder ??= new Tiktoken(cl100k);
  return encoder.encode(text).length;
}

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
