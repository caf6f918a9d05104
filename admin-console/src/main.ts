import { analyticsView } from './analytics.js';
import { ApiError, signIn, signOut, whenSignedOut, type Me } from './api.js';
import { contentView } from './content.js';
import { field, h, input, replace, report, statusLine } from './dom.js';
import { flagsView } from './flags.js';
import { queuesView } from './queues.js';

const app = document.getElementById('app')!;
const who = document.getElementById('who')!;

const VIEWS: [string, (root: HTMLElement) => void | Promise<void>][] = [
  ['Flags', flagsView],
  ['Content', contentView],
  ['Analytics', analyticsView],
  ['Queues', queuesView],
];

function signInForm(message?: string): void {
  who.textContent = '';
  const status = statusLine();
  const form = h(
    'form',
    { 'aria-label': 'Sign in' },
    h('h2', {}, 'Sign in'),
    input('email', 'Email', { type: 'email', autocomplete: 'username', required: true }),
    input('password', 'Password', {
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    }),
    h('button', { type: 'submit' }, 'Sign in'),
    status,
  );
  if (message) {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = message;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void report(status, async () => {
      let me: Me;
      try {
        me = await signIn(field(form, 'email'), field(form, 'password'));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          throw new Error('Wrong email or password.', { cause: err });
        }
        throw err;
      }
      if (!me.roles.includes('admin')) {
        await signOut();
        throw new Error(
          'This account is not an admin: the console is only for administrators. Ask an admin to grant you the role.',
        );
      }
      consoleFor(me);
    });
  });
  replace(app, h('section', {}, form));
}

function consoleFor(me: Me): void {
  who.textContent = me.email ?? me.id;
  const out = h('button', { type: 'button' }, 'Sign out');
  out.addEventListener('click', () => void signOut().finally(() => signInForm()));
  who.appendChild(document.createTextNode(' '));
  who.appendChild(out);
  const view = h('div');
  const tabs = VIEWS.map(([name, render]) => {
    const tab = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false' }, name);
    tab.addEventListener('click', () => {
      for (const t of tabs) t.setAttribute('aria-selected', String(t === tab));
      void render(view);
    });
    return tab;
  });
  replace(app, h('nav', { role: 'tablist' }, ...tabs), view);
  tabs[0]!.click();
}

whenSignedOut(() => signInForm('Your session ended: sign in again.'));
signInForm();
