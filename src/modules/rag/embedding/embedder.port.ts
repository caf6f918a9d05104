/**
 * What turns texts into vectors. The built-in local embedder is the offline
 * default; an OpenAI-compatible endpoint plugs in behind the same port.
 */
export interface Embedder {
  /** `local`, `openai`: stored on each collection with the model. */
  readonly provider: string;
  readonly model: string;
  readonly dimensions: number;
  /** One vector per text, in order, each of `dimensions` numbers. */
  embed(texts: string[]): Promise<number[][]>;
}

export const EMBEDDER = Symbol('EMBEDDER');
