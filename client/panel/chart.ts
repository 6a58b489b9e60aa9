import { h, s } from '../dom.js';
import type { AreaFigures } from '../figures.js';
import { formatInt } from '../format.js';
import type { Lang, MessageKey } from '../i18n.js';
import { SYMBOL } from '../map/stations-layer.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

const ROW = 22, LABEL_W = 118, NUM_W = 64, W = 400;

/** Have vs required per area, as plain SVG: a bar for the 5G on air, a tick for the required. */
export function renderChart(t: T, lang: Lang, rows: AreaFigures[], selected: string | null, select: (code: string) => void): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.n5g, r.required)));
  const barW = W - LABEL_W - NUM_W;
  const x = (n: number) => LABEL_W + (n / max) * barW;
  const svg = s('svg', { viewBox: `0 0 ${W} ${rows.length * ROW + 6}`, class: 'chart', role: 'img', 'aria-label': t('chartTitle') });
  rows.forEach((r, i) => {
    const y = i * ROW + 4;
    const g = s('g', { class: `chart-row${r.code === selected ? ' is-selected' : ''}`, 'data-code': r.code },
      s('title', {}, `${r.name}: ${t('chartHave')} ${formatInt(r.n5g, lang)} / ${t('chartRequired')} ${formatInt(r.required, lang)}`),
      s('text', { x: LABEL_W - 6, y: y + 13, 'text-anchor': 'end', class: 'chart-label' }, truncate(r.name, 17)),
      s('rect', { x: LABEL_W, y: y + 3, width: barW, height: 12, class: 'chart-track' }),
      s('rect', { x: LABEL_W, y: y + 3, width: Math.max(0, x(r.n5g) - LABEL_W), height: 12, fill: SYMBOL.g5, rx: 2 }),
      s('line', { x1: x(r.required), x2: x(r.required), y1: y, y2: y + 18, class: 'chart-required' }),
      s('text', { x: W - 2, y: y + 13, 'text-anchor': 'end', class: 'chart-num' }, `${formatInt(r.n5g, lang)} / ${formatInt(r.required, lang)}`));
    g.addEventListener('click', () => select(r.code));
    svg.append(g);
  });
  const key = h('div', { class: 'chart-key' },
    h('span', { class: 'key-bar', style: `background:${SYMBOL.g5}` }), t('chartHave'),
    h('span', { class: 'key-tick' }), t('chartRequired'));
  return h('section', { class: 'chart-box' }, h('h2', {}, t('chartTitle')), key, svg);
}

const truncate = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
