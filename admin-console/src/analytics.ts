import { api } from './api.js';
import { barChart, totals } from './charts.js';
import { field, h, input, replace, report, select, statusLine } from './dom.js';

type Counts = Record<string, number>;

interface Summary {
  from: string;
  to: string;
  period: string;
  data: {
    start: string;
    conversations: number;
    moods: Counts;
    strategies: Counts;
    categories: { messages: Counts; moods: Counts; strategies: Counts; answer_types: Counts };
  }[];
}

/** The analytics summary as charts: conversations per period, then totals by category. */
export function analyticsView(root: HTMLElement): void {
  const status = statusLine();
  const charts = h('div');
  const form = h(
    'form',
    { class: 'inline', 'aria-label': 'Analytics period' },
    input('days', 'Last days', { type: 'number', min: 1, max: 366, value: 30 }),
    select('period', 'Per', ['day', 'week', 'month']),
    h('button', { type: 'submit' }, 'Show'),
  );
  const load = async () => {
    const days = Number(field(form, 'days')) || 30;
    const to = new Date();
    const from = new Date(to.getTime() - days * 86_400_000);
    const query = new URLSearchParams({
      from: from.toISOString(),
      to: to.toISOString(),
      period: field(form, 'period'),
    });
    const summary = await api<Summary>('GET', `/v1/admin/analytics/summary?${query}`);
    const periods = summary.data;
    replace(
      charts,
      periods.length === 0 ? h('p', {}, 'No analyses in this period.') : null,
      barChart(
        'Conversations per period',
        periods.map((p) => ({ label: p.start.slice(0, 10), value: p.conversations })),
      ),
      barChart('Moods', totals(periods.map((p) => p.moods))),
      barChart('Strategies', totals(periods.map((p) => p.strategies))),
      barChart('Answer types', totals(periods.map((p) => p.categories.answer_types))),
      barChart('Message categories', totals(periods.map((p) => p.categories.messages))),
    );
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void report(status, load);
  });
  replace(root, h('section', {}, h('h2', {}, 'Analytics'), form, status, charts));
  void report(status, load);
}
