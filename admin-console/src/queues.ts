import { api } from './api.js';
import { barChart } from './charts.js';
import { h, replace, report, statusLine } from './dom.js';

interface QueueStats {
  driver: string;
  data: {
    name: string;
    waiting: number;
    active: number;
    delayed: number;
    failed: number;
    failed_jobs: {
      id: string;
      name: string;
      attempts_made: number;
      max_attempts: number;
      last_error: string | null;
      failed_at: string | null;
    }[];
  }[];
}

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Queue depth by state, and the latest failed jobs of each queue. */
export function queuesView(root: HTMLElement): void {
  const status = statusLine();
  const body = h('div');
  const refresh = h('button', { type: 'button' }, 'Refresh');
  const load = async () => {
    const stats = await api<QueueStats>('GET', '/v1/admin/queues');
    const failed = stats.data.flatMap((q) => q.failed_jobs.map((job) => ({ queue: q.name, job })));
    replace(
      body,
      h('p', {}, `Driver: ${stats.driver}`),
      h(
        'table',
        { 'aria-label': 'Queue depth' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Queue'), ...STATES.map((s) => h('th', {}, s)))),
        h(
          'tbody',
          {},
          ...stats.data.map((q) =>
            h('tr', {}, h('td', {}, q.name), ...STATES.map((s) => h('td', {}, q[s]))),
          ),
        ),
      ),
      barChart(
        'Jobs waiting per queue',
        stats.data.map((q) => ({ label: q.name, value: q.waiting + q.delayed })),
      ),
      h('h3', {}, 'Failed jobs'),
      failed.length === 0
        ? h('p', {}, 'No failed jobs.')
        : h(
            'table',
            { 'aria-label': 'Failed jobs' },
            h(
              'tbody',
              {},
              ...failed.map(({ queue, job }) =>
                h(
                  'tr',
                  {},
                  h('td', {}, queue),
                  h('td', {}, h('code', {}, job.name), h('br'), job.id),
                  h('td', {}, `${job.attempts_made}/${job.max_attempts} attempts`),
                  h('td', {}, job.failed_at ?? ''),
                  h('td', {}, h('pre', {}, job.last_error ?? '')),
                ),
              ),
            ),
          ),
    );
  };
  refresh.addEventListener('click', () => report(status, load));
  replace(root, h('section', {}, h('h2', {}, 'Queues'), refresh, status, body));
  void report(status, load);
}
