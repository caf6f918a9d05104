import { canonicalLanguage, ContentVariant, languageChain } from './content-catalog.js';
import { resolveContent, type ContentLayer } from './resolve.js';

const layer = (
  entries: Record<string, Partial<Record<ContentVariant, Record<string, string>>>>,
): ContentLayer =>
  new Map(
    Object.entries(entries).map(([lang, variants]) => [
      lang,
      new Map(
        Object.entries(variants).map(([v, keys]) => [
          v as ContentVariant,
          new Map(Object.entries(keys)),
        ]),
      ),
    ]),
  );

const shipped = layer({
  en: {
    all: { greeting: 'Hello', farewell: 'Bye', help: 'Help' },
    teenager: { greeting: 'Hey' },
  },
  de: { all: { greeting: 'Hallo', farewell: 'Tschüss' }, parent: { farewell: 'Auf Wiedersehen' } },
});

describe('language chain', () => {
  it('walks from the region to the language to the default, without repeats', () => {
    expect(languageChain('de-AT', 'en')).toEqual(['de-AT', 'de', 'en']);
    expect(languageChain('en-GB', 'en')).toEqual(['en-GB', 'en']);
    expect(languageChain('en', 'en')).toEqual(['en']);
    expect(languageChain('zh-Hant-TW', 'en')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh', 'en']);
  });

  it('canonicalizes tags and refuses malformed ones', () => {
    expect(canonicalLanguage('de-at')).toBe('de-AT');
    expect(canonicalLanguage('EN')).toBe('en');
    expect(canonicalLanguage('not a tag')).toBeNull();
    expect(canonicalLanguage('')).toBeNull();
    expect(canonicalLanguage('a'.repeat(40))).toBeNull();
  });
});

describe('resolveContent', () => {
  const none = layer({});

  it('falls back key by key along the language chain', () => {
    const out = resolveContent({ overrides: none, shipped }, 'de-AT', ContentVariant.All, 'en');
    expect(out).toEqual({
      data: { greeting: 'Hallo', farewell: 'Tschüss', help: 'Help' },
      language: 'de',
      fallbacks: ['de-AT', 'de', 'en'],
    });
  });

  it('prefers the requested variant, then all, within each language before the next language', () => {
    expect(
      resolveContent({ overrides: none, shipped }, 'de', ContentVariant.Parent, 'en').data,
    ).toEqual({ greeting: 'Hallo', farewell: 'Auf Wiedersehen', help: 'Help' });
    // German text for everyone beats English text for teenagers.
    expect(
      resolveContent({ overrides: none, shipped }, 'de', ContentVariant.Teenager, 'en').data
        .greeting,
    ).toBe('Hallo');
    expect(
      resolveContent({ overrides: none, shipped }, 'en', ContentVariant.Teenager, 'en').data
        .greeting,
    ).toBe('Hey');
  });

  it('puts a database override over the file entry it names, and adds new keys', () => {
    const overrides = layer({ de: { all: { farewell: 'Servus', extra: 'Neu' } } });
    const out = resolveContent({ overrides, shipped }, 'de-AT', ContentVariant.Parent, 'en');
    // The parent entry of the file is more specific than the override for all.
    expect(out.data).toEqual({
      greeting: 'Hallo',
      farewell: 'Auf Wiedersehen',
      extra: 'Neu',
      help: 'Help',
    });
    const forAll = resolveContent({ overrides, shipped }, 'de', ContentVariant.All, 'en');
    expect(forAll.data.farewell).toBe('Servus');
  });

  it('answers the default language when nothing in the chain has content', () => {
    expect(resolveContent({ overrides: none, shipped }, 'fr', ContentVariant.All, 'en')).toEqual({
      data: { greeting: 'Hello', farewell: 'Bye', help: 'Help' },
      language: 'en',
      fallbacks: ['fr', 'en'],
    });
    expect(
      resolveContent({ overrides: none, shipped: none }, 'fr', ContentVariant.All, 'en'),
    ).toEqual({ data: {}, language: 'en', fallbacks: ['fr', 'en'] });
  });
});
