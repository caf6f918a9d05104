import {
  languageChain,
  variantChain,
  type ContentValue,
  type ContentVariant,
} from './content-catalog.js';

/** One category's entries from one source, by language, then variant, then key. */
export type ContentLayer = ReadonlyMap<
  string,
  ReadonlyMap<ContentVariant, ReadonlyMap<string, ContentValue>>
>;

export interface ResolvedContent {
  data: Record<string, ContentValue>;
  /** The most specific language of the chain that supplied a key (the default when none did). */
  language: string;
  /** The languages looked in, most specific first. */
  fallbacks: string[];
}

/**
 * Resolves a category key by key. For each key the first hit wins, in this
 * order: language (most specific first), then variant (the requested one, then
 * `all`), then source (database override, then shipped file). So a German
 * teenager gets German text before English text written for teenagers, and an
 * override replaces exactly the entry it names.
 */
export function resolveContent(
  layers: { overrides: ContentLayer; shipped: ContentLayer },
  language: string,
  variant: ContentVariant,
  defaultLanguage: string,
): ResolvedContent {
  const chain = languageChain(language, defaultLanguage);
  const data: Record<string, ContentValue> = {};
  let resolved: string | null = null;
  for (const lang of chain) {
    for (const v of variantChain(variant)) {
      for (const layer of [layers.overrides, layers.shipped]) {
        const entries = layer.get(lang)?.get(v);
        if (!entries) continue;
        for (const [key, value] of entries) {
          if (Object.hasOwn(data, key)) continue;
          data[key] = value;
          resolved ??= lang;
        }
      }
    }
  }
  return { data, language: resolved ?? defaultLanguage, fallbacks: chain };
}
