import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentCategory, ContentVariant } from './content-catalog.js';
import { ContentFileError, loadContentFiles, SHIPPED_CONTENT_DIR } from './content-files.js';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-content-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function failure(files: Record<string, string>): ContentFileError {
  const dir = tree(files);
  try {
    loadContentFiles(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentFileError);
    return err as ContentFileError;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('the files were accepted');
}

describe('shipped content files', () => {
  it('load, with every category in en and de', () => {
    const content = loadContentFiles(SHIPPED_CONTENT_DIR);
    for (const category of Object.values(ContentCategory)) {
      for (const language of ['en', 'de']) {
        const all = content.get(category)!.get(language)?.get(ContentVariant.All);
        expect({ category, language, keys: (all?.size ?? 0) > 0 }).toEqual({
          category,
          language,
          keys: true,
        });
      }
    }
    expect(
      content
        .get(ContentCategory.UiMessages)!
        .get('de')!
        .get(ContentVariant.All)!
        .get('button.send'),
    ).toBe('Senden');
  });
});

describe('content file validation', () => {
  it('names the file and line of a YAML syntax error', () => {
    const err = failure({ 'en/prompts.yaml': 'all:\n  a: ok\n  b: [unclosed\n' });
    expect(err.file).toMatch(/en\/prompts\.yaml$/);
    expect(err.line).toBeGreaterThanOrEqual(3);
    expect(err.message).toMatch(/en\/prompts\.yaml:\d+: /);
  });

  it('names the line of a duplicate key, an unknown variant, a bad key and a bad value', () => {
    expect(failure({ 'en/tools.yaml': 'all:\n  a: x\n  a: y\n' }).line).toBe(3);
    const variant = failure({ 'de/ui_messages.yaml': 'all:\n  a: x\nkids:\n  a: y\n' });
    expect([variant.line, variant.message]).toEqual([3, expect.stringMatching(/unknown variant/)]);
    const key = failure({ 'en/prompts.yaml': 'all:\n  ok: x\n  Bad Key: y\n' });
    expect([key.line, key.message]).toEqual([3, expect.stringMatching(/bad key/)]);
    const value = failure({ 'en/prompts.yaml': 'teenager:\n  a: x\n  b: [1, 2]\n' });
    expect([value.line, value.message]).toEqual([3, expect.stringMatching(/teenager\.b/)]);
    expect(failure({ 'en/prompts.yaml': '- a\n- b\n' }).line).toBe(1);
  });

  it('refuses files and directories that are not <language>/<category>.yaml', () => {
    expect(failure({ 'en/jokes.yaml': 'all: {}\n' }).message).toMatch(/expected <category>\.yaml/);
    expect(failure({ 'en_US/prompts.yaml': 'all: {}\n' }).message).toMatch(/language tag/);
    expect(failure({ 'de-at/prompts.yaml': 'all: {}\n' }).message).toMatch(/canonical/);
    expect(failure({ 'en/prompts.yml': 'all: {}\n' }).file).toMatch(/prompts\.yml$/);
  });

  it('accepts empty files and empty variants', () => {
    const dir = tree({ 'en/prompts.yaml': '', 'de-AT/tools.yaml': 'all:\nparent: {}\n' });
    const content = loadContentFiles(dir);
    expect(content.get(ContentCategory.Tools)!.get('de-AT')!.get(ContentVariant.All)!.size).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
