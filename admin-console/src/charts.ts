import { svg } from './dom.js';

export interface Bar {
  label: string;
  value: number;
}

const BAR = 22;
const LABEL_WIDTH = 140;
const WIDTH = 560;

/** A horizontal bar chart, one bar per entry, drawn as plain SVG. */
export function barChart(title: string, bars: Bar[]): SVGSVGElement {
  const height = Math.max(1, bars.length) * BAR + 24;
  const chart = svg('svg', {
    class: 'chart',
    role: 'img',
    'aria-label': title,
    width: WIDTH,
    height,
    viewBox: `0 0 ${WIDTH} ${height}`,
  }) as SVGSVGElement;
  chart.appendChild(svg('title', {}, title));
  chart.appendChild(svg('text', { x: 0, y: 14, 'font-weight': 'bold' }, title));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL_WIDTH - 40;
  bars.forEach((bar, i) => {
    const y = 24 + i * BAR;
    const width = Math.max(1, (bar.value / max) * span);
    chart.appendChild(svg('text', { x: 0, y: y + 14 }, bar.label));
    const rect = svg('rect', { x: LABEL_WIDTH, y: y + 3, width, height: BAR - 6 });
    rect.appendChild(svg('title', {}, `${bar.label}: ${bar.value}`));
    chart.appendChild(rect);
    chart.appendChild(svg('text', { x: LABEL_WIDTH + width + 4, y: y + 14 }, String(bar.value)));
  });
  return chart;
}

/** Adds up counts by key over several periods. */
export function totals(counts: Record<string, number>[]): Bar[] {
  const sum = new Map<string, number>();
  for (const c of counts) for (const [k, v] of Object.entries(c)) sum.set(k, (sum.get(k) ?? 0) + v);
  return [...sum].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
}
