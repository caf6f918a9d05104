import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import {
  canonicalLanguage,
  CONTENT_CATEGORIES,
  CONTENT_KEY,
  CONTENT_KEY_MAX,
  CONTENT_VARIANTS,
  isContentValue,
  type ContentCategory,
  type ContentValue,
  type ContentVariant,
} from './content-catalog.js';

/**
 * The shipped content: `content/<language>/<category>.yaml`, each file a map of
 * variants (`all`, `teenager`, `parent`) to maps of keys to values. Beside the
 * compiled code, `content/` sits three levels up in both `src/` and `dist/src/`.
 */
export const SHIPPED_CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));

/** Entries by category, then language, then variant, then key. */
export type ShippedContent = Map<
  ContentCategory,
  Map<string, Map<ContentVariant, Map<string, ContentValue>>>
>;

/** A shipped file that cannot be used: it names the file and the line, and stops the boot. */
export class ContentFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    problem: string,
  ) {
    super(`${line === null ? file : `${file}:${line}`}: ${problem}`);
    this.name = 'ContentFileError';
  }
}

/** Reads and validates every file under `dir`; throws ContentFileError at the first bad one. */
export function loadContentFiles(dir: string): ShippedContent {
  const content: ShippedContent = new Map(CONTENT_CATEGORIES.map((c) => [c, new Map()]));
  if (!fs.existsSync(dir))
    throw new ContentFileError(dir, null, 'the content directory is missing');
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    const where = path.join(dir, entry.name);
    if (!entry.isDirectory())
      throw new ContentFileError(where, null, 'expected a language directory');
    const language = canonicalLanguage(entry.name);
    if (language !== entry.name) {
      throw new ContentFileError(
        where,
        null,
        'the directory must be named by a canonical language tag (en, de, de-AT)',
      );
    }
    for (const file of fs.readdirSync(where, { withFileTypes: true }).sort(byName)) {
      const filePath = path.join(where, file.name);
      const category = file.name.replace(/\.yaml$/, '') as ContentCategory;
      if (
        !file.isFile() ||
        !file.name.endsWith('.yaml') ||
        !CONTENT_CATEGORIES.includes(category)
      ) {
        throw new ContentFileError(
          filePath,
          null,
          `expected <category>.yaml, the category one of ${CONTENT_CATEGORIES.join(', ')}`,
        );
      }
      content
        .get(category)!
        .set(language, parseContentFile(filePath, fs.readFileSync(filePath, 'utf8')));
    }
  }
  return content;
}

/** One file's variants; `file` names it in errors. */
export function parseContentFile(
  file: string,
  text: string,
): Map<ContentVariant, Map<string, ContentValue>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | null | undefined, offset?: number) => {
    const at = offset ?? node?.range?.[0];
    return at === undefined ? null : lines.linePos(at).line;
  };
  const [error] = doc.errors;
  if (error)
    throw new ContentFileError(file, lineOf(null, error.pos[0]), error.message.split('\n')[0]!);
  const variants = new Map<ContentVariant, Map<string, ContentValue>>();
  if (doc.contents === null) return variants;
  const js = doc.toJS({ maxAliasCount: 100 }) as Record<string, Record<string, unknown> | null>;
  if (!isMap(doc.contents)) {
    throw new ContentFileError(
      file,
      lineOf(doc.contents),
      `expected a map of variants (${CONTENT_VARIANTS.join(', ')})`,
    );
  }
  for (const pair of doc.contents.items) {
    const variantNode = pair.key as Node;
    const variant = isScalar(variantNode) ? (variantNode.value as ContentVariant) : null;
    if (variant === null || !CONTENT_VARIANTS.includes(variant)) {
      throw new ContentFileError(
        file,
        lineOf(variantNode),
        `unknown variant; expected one of ${CONTENT_VARIANTS.join(', ')}`,
      );
    }
    const entries = new Map<string, ContentValue>();
    const body = pair.value as Node | null;
    if (body !== null && !(isScalar(body) && body.value === null)) {
      if (!isMap(body))
        throw new ContentFileError(
          file,
          lineOf(body),
          `variant ${variant}: expected a map of keys to values`,
        );
      for (const item of body.items) {
        const keyNode = item.key as Node;
        const key = isScalar(keyNode) ? keyNode.value : null;
        if (typeof key !== 'string' || key.length > CONTENT_KEY_MAX || !CONTENT_KEY.test(key)) {
          throw new ContentFileError(
            file,
            lineOf(keyNode),
            `bad key: keys are dotted lower-case words (${CONTENT_KEY.source}), at most ${CONTENT_KEY_MAX} characters`,
          );
        }
        const valueNode = item.value as Node | null;
        const value = js[variant]?.[key];
        if (!isContentValue(value)) {
          throw new ContentFileError(
            file,
            lineOf(valueNode ?? keyNode),
            `${variant}.${key}: a value is text or a map`,
          );
        }
        entries.set(key, value);
      }
    }
    variants.set(variant, entries);
  }
  return variants;
}

const byName = (a: fs.Dirent, b: fs.Dirent) => a.name.localeCompare(b.name);
