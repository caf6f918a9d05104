import { api, path } from './api.js';
import { field, h, input, replace, report, select, statusLine } from './dom.js';

interface Flag {
  name: string;
  description: string | null;
  is_enabled: boolean;
  environment: string;
  visibility: string;
  variant: string;
  targeting_rules: unknown;
  version: number;
}

interface Evaluation {
  value: boolean;
  variant: string;
  reason: string;
  rule_id: string | null;
  error_code: string | null;
  flag_version: number;
}

const ENVIRONMENTS = ['all', 'development', 'staging', 'production'];
const VISIBILITIES = ['all', 'frontend', 'backend'];
const VARIANTS = ['all', 'teenager', 'parent'];
const SAMPLE_ATTRIBUTES = ['user_id', 'user_type', 'age_class', 'country', 'language', 'origin'];

const admin = (name: string) => `/v1/admin/feature-flags/${path(name)}`;

/** Flags: toggle, edit, evaluate for a sample caller, create. */
export async function flagsView(root: HTMLElement): Promise<void> {
  const list = h('section', { 'aria-label': 'Feature flags' });
  const detail = h('div');
  const status = statusLine();
  const reload = async () => {
    const { data } = await api<{ data: Flag[] }>('GET', '/v1/admin/feature-flags');
    replace(list, h('h2', {}, 'Feature flags'), flagTable(data, reload, detail, status));
  };
  replace(root, status, list, detail, createForm(reload, status));
  await report(status, reload);
}

function flagTable(
  flags: Flag[],
  reload: () => Promise<void>,
  detail: HTMLElement,
  status: Element,
) {
  if (flags.length === 0) return h('p', {}, 'No flags yet.');
  const rows = flags.map((flag) => {
    const toggle = h('input', {
      type: 'checkbox',
      checked: flag.is_enabled,
      'aria-label': `Enable ${flag.name}`,
      'data-flag': flag.name,
    });
    toggle.addEventListener('change', () =>
      report(status, async () => {
        await api('PATCH', admin(flag.name), { is_enabled: toggle.checked });
        await reload();
        return `${flag.name} ${toggle.checked ? 'enabled' : 'disabled'}`;
      }),
    );
    const edit = h('button', { type: 'button' }, 'Edit');
    edit.addEventListener('click', () => replace(detail, flagEditor(flag, reload)));
    return h(
      'tr',
      {},
      h('td', {}, toggle),
      h('td', {}, h('strong', {}, flag.name), h('br'), flag.description ?? ''),
      h('td', {}, flag.environment),
      h('td', {}, flag.visibility),
      h('td', {}, flag.variant),
      h('td', {}, `v${flag.version}`),
      h('td', {}, edit),
    );
  });
  const head = ['On', 'Flag', 'Environment', 'Visibility', 'Variant', 'Version', ''];
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', {}, t)))),
    h('tbody', {}, ...rows),
  );
}

function flagEditor(flag: Flag, reload: () => Promise<void>) {
  const status = statusLine();
  const rules = h(
    'textarea',
    { name: 'targeting_rules', 'aria-label': 'Targeting rules (JSON)', rows: 8 },
    JSON.stringify(flag.targeting_rules, null, 2),
  );
  const form = h(
    'form',
    { 'aria-label': `Edit ${flag.name}` },
    input('description', 'Description', { value: flag.description ?? '' }),
    select('environment', 'Environment', ENVIRONMENTS, flag.environment),
    select('visibility', 'Visibility', VISIBILITIES, flag.visibility),
    select('variant', 'Variant', VARIANTS, flag.variant),
    h('label', {}, 'Targeting rules (JSON)', rules),
    h('button', { type: 'submit' }, 'Save'),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void report(status, async () => {
      const saved = await api<Flag>('PATCH', admin(flag.name), {
        description: field(form, 'description') || null,
        environment: field(form, 'environment'),
        visibility: field(form, 'visibility'),
        variant: field(form, 'variant'),
        targeting_rules: JSON.parse(rules.value) as unknown,
      });
      await reload();
      return `Saved: version ${saved.version}`;
    });
  });
  return h('section', {}, h('h2', {}, `Flag ${flag.name}`), form, sampleEvaluation(flag.name));
}

function sampleEvaluation(name: string) {
  const result = h('pre', { 'aria-label': 'Evaluation' });
  const status = statusLine();
  const form = h(
    'form',
    { class: 'inline', 'aria-label': 'Sample caller' },
    ...SAMPLE_ATTRIBUTES.map((a) => input(a, a)),
    select('audience', 'audience', ['frontend', 'backend']),
    h('button', { type: 'submit' }, 'Evaluate'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void report(status, async () => {
      const context = Object.fromEntries(
        SAMPLE_ATTRIBUTES.map((a) => [a, field(form, a)]).filter(([, v]) => v !== ''),
      );
      const ev = await api<Evaluation>('POST', `${admin(name)}/evaluate`, {
        context,
        audience: field(form, 'audience'),
      });
      result.textContent =
        `${ev.value ? 'ON' : 'OFF'} — reason ${ev.reason}` +
        (ev.rule_id ? `, decided at ${ev.rule_id}` : '') +
        (ev.error_code ? `, ${ev.error_code}` : '') +
        ` (flag version ${ev.flag_version})`;
    });
  });
  return h('div', {}, h('h3', {}, 'How a sample caller evaluates'), form, status, result);
}

function createForm(reload: () => Promise<void>, status: Element) {
  const form = h(
    'form',
    { class: 'inline', 'aria-label': 'New flag' },
    input('name', 'New flag name', { required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*' }),
    input('description', 'Description'),
    h('button', { type: 'submit' }, 'Create'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void report(status, async () => {
      const name = field(form, 'name');
      await api('POST', '/v1/admin/feature-flags', {
        name,
        description: field(form, 'description') || null,
      });
      form.reset();
      await reload();
      return `Created ${name}`;
    });
  });
  return h('section', {}, h('h2', {}, 'New flag'), form);
}
