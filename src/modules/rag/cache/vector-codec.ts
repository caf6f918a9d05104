/**
 * Cached embeddings travel and rest as base64 of their float32 values: about a
 * quarter of their JSON size, and decoded by a copy rather than a parse, which
 * is most of what a batch of hits costs. float32 loses nothing search keeps:
 * vectors are compared as `real` / pgvector `vector` (float4) in the database.
 */
export function encodeVector(vector: number[]): string {
  return Buffer.from(Float32Array.from(vector).buffer).toString('base64');
}

/** A cached value as a vector: base64 float32, or a JSON array (entries written before). */
export function decodeVector(value: unknown): number[] | undefined {
  if (Array.isArray(value)) return value as number[];
  if (typeof value !== 'string') return undefined;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length % 4 !== 0) return undefined;
  // A copy into an aligned buffer: the decoded bytes may start at any offset of a shared pool.
  const floats = new Float32Array(bytes.length / 4);
  new Uint8Array(floats.buffer).set(bytes);
  return Array.from(floats);
}
