/**
 * Text to match literally inside a LIKE / ILIKE pattern: `%`, `_` and the
 * escape character itself lose their meaning. Every pattern built from client
 * input goes through it, with `ESCAPE '\'` in the SQL (LIKE_ESCAPE).
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The ESCAPE clause that goes with `escapeLike`. */
export const LIKE_ESCAPE = "ESCAPE '\\'";
