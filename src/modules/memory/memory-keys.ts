/**
 * Namespaces are dot-separated segments (`profile.preferences`), keys are
 * single names. Both are restricted to characters that need no escaping in
 * URLs or logs (LIKE patterns still escape `_`: see escapeLike).
 */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9_:-]{1,64}(\.[A-Za-z0-9_:-]{1,64}){0,7}$/;
export const KEY_PATTERN = /^[A-Za-z0-9_:@.-]{1,256}$/;
/** A namespace prefix may stop after a dot-free segment only: `a.b` matches `a.b` and `a.b.c`, not `a.bc`. */
export const PREFIX_PATTERN = NAMESPACE_PATTERN;

export const MAX_VALUE_BYTES = 64 * 1024;

/** The text a value contributes to memory search. */
export function searchableText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'text' in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === 'string') return text;
  }
  return null;
}
