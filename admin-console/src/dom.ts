/** A few DOM helpers. Text goes in as text, never as HTML. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Record<string, string | number> = {}, text?: string) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The value of a named control of a form. */
export function field(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  return control?.value.trim() ?? '';
}

export function select(name: string, label: string, options: readonly string[], value?: string) {
  return h(
    'label',
    {},
    label,
    h(
      'select',
      { name },
      ...options.map((o) => h('option', { value: o, selected: o === value }, o)),
    ),
  );
}

export function input(name: string, label: string, attrs: Attrs = {}) {
  return h('label', {}, label, h('input', { name, ...attrs }));
}

/** Runs `work`, reporting its failure (or its success message) in `status`. */
export async function report(status: Element, work: () => Promise<string | void>): Promise<void> {
  status.className = 'status';
  status.removeAttribute('role');
  status.textContent = '…';
  try {
    status.textContent = (await work()) ?? '';
  } catch (err) {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = err instanceof Error ? err.message : String(err);
  }
}

export const statusLine = () => h('p', { class: 'status', 'aria-live': 'polite' });

/** Text as typed, or a JSON object when the text is one. */
export function parseValue(text: string): string | Record<string, unknown> {
  if (text.trimStart().startsWith('{')) {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  }
  return text;
}

export const showValue = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value, null, 2);
