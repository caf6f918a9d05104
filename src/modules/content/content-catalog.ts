/** The kinds of localized content Parley serves (seed 001's LocalizedContent categories). */
export enum ContentCategory {
  Prompts = 'prompts',
  PromptSnippets = 'prompt_snippets',
  UiMessages = 'ui_messages',
  ContextQuestions = 'context_questions',
  Tools = 'tools',
}

/** Audiences content is written for; `all` is what every other variant falls back to. */
export enum ContentVariant {
  All = 'all',
  Teenager = 'teenager',
  Parent = 'parent',
}

export const CONTENT_CATEGORIES = Object.values(ContentCategory);
export const CONTENT_VARIANTS = Object.values(ContentVariant);

/** A key within a category: dotted lower-case words (`greeting.first_visit`). */
export const CONTENT_KEY = /^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$/;
export const CONTENT_KEY_MAX = 100;
/** Longest language tag accepted (BCP 47 tags in practice stay far below this). */
export const LANGUAGE_TAG_MAX = 35;

/** A content value: text, or a structured entry (a prompt with its parts, a tool description). */
export type ContentValue = string | { [key: string]: unknown };

export function isContentValue(value: unknown): value is ContentValue {
  return (
    typeof value === 'string' ||
    (typeof value === 'object' && value !== null && !Array.isArray(value))
  );
}

/** `de-at` -> `de-AT`; null when the tag is not a well-formed BCP 47 language tag. */
export function canonicalLanguage(tag: string): string | null {
  if (tag.length === 0 || tag.length > LANGUAGE_TAG_MAX) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}

/**
 * The languages to look in, most specific first: `de-AT` -> `de-AT`, `de`,
 * then the default language. Tags are canonical (`canonicalLanguage`).
 */
export function languageChain(language: string, defaultLanguage: string): string[] {
  const chain: string[] = [];
  const parts = language.split('-');
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('-');
    // A lone script or extension singleton (`x`, `u`) is no language of its own.
    if (n > 1 && parts[n - 1]!.length === 1) continue;
    chain.push(tag);
  }
  if (!chain.includes(defaultLanguage)) chain.push(defaultLanguage);
  return chain;
}

/** The variants to look in: the requested one, then `all`. */
export function variantChain(variant: ContentVariant): ContentVariant[] {
  return variant === ContentVariant.All ? [ContentVariant.All] : [variant, ContentVariant.All];
}
