import { api, path } from './api.js';
import {
  field,
  h,
  input,
  parseValue,
  replace,
  report,
  select,
  showValue,
  statusLine,
} from './dom.js';

type Value = string | Record<string, unknown>;

interface Page {
  category: string;
  language: string;
  variant: string;
  data: { key: string; shipped?: Value; override?: Value }[];
}

const CATEGORIES = ['prompts', 'prompt_snippets', 'ui_messages', 'context_questions', 'tools'];
const VARIANTS = ['all', 'teenager', 'parent'];

/** Localized content: each key's shipped value beside its override, which can be set or removed. */
export function contentView(root: HTMLElement): void {
  const status = statusLine();
  const table = h('div');
  const form = h(
    'form',
    { class: 'inline', 'aria-label': 'Content address' },
    select('category', 'Category', CATEGORIES),
    input('language', 'Language', { value: 'en', required: true }),
    select('variant', 'Variant', VARIANTS),
    h('button', { type: 'submit' }, 'Show'),
  );
  const load = async () => {
    const at = ['category', 'language', 'variant'].map((n) => field(form, n));
    const page = await api<Page>('GET', `/v1/admin/content/${path(...at)}`);
    replace(table, entryTable(page, load, status));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void report(status, load);
  });
  replace(root, h('section', {}, h('h2', {}, 'Localized content'), form, status, table));
  void report(status, load);
}

function entryTable(page: Page, reload: () => Promise<void>, status: Element) {
  const url = (key: string) =>
    `/v1/admin/content/${path(page.category, page.language, page.variant, key)}`;
  const row = (key: string, shipped: Value | null, override: Value | null, isNew = false) => {
    const keyInput = isNew ? h('input', { 'aria-label': 'New key', placeholder: 'new.key' }) : null;
    const text = h(
      'textarea',
      { 'aria-label': `Override of ${key || 'the new key'}` },
      showValue(override),
    );
    const save = h('button', { type: 'button' }, 'Save');
    save.addEventListener('click', () =>
      report(status, async () => {
        const name = keyInput ? keyInput.value.trim() : key;
        await api('PUT', url(name), { value: parseValue(text.value) });
        await reload();
        return `Saved ${name}`;
      }),
    );
    const remove = h('button', { type: 'button', disabled: override === null }, 'Remove');
    remove.addEventListener('click', () =>
      report(status, async () => {
        await api('DELETE', url(key));
        await reload();
        return `Removed the override of ${key}`;
      }),
    );
    return h(
      'tr',
      {},
      h('td', {}, keyInput ?? h('code', {}, key)),
      h('td', {}, h('pre', {}, shipped === null ? '—' : showValue(shipped))),
      h('td', {}, text),
      h('td', {}, save, isNew ? null : remove),
    );
  };
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...['Key', 'Shipped', 'Override', ''].map((t) => h('th', {}, t)))),
    h(
      'tbody',
      {},
      ...page.data.map((e) => row(e.key, e.shipped ?? null, e.override ?? null)),
      row('', null, null, true),
    ),
  );
}
