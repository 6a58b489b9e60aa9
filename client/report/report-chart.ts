import type { Timeline } from './report-api.js';
import { svg } from './report-dom.js';
import { formatDate, type Lang } from './report-i18n.js';

const W = 900, H = 300, PAD = { l: 50, r: 20, t: 15, b: 40 };

/** The ratio at month ends (line) against the milestones (diamonds) and the target (dashed). */
export function renderTimeline(tl: Timeline, lang: Lang): SVGSVGElement {
  const dates = [...tl.series.map((p) => p.date), ...tl.milestones.map((m) => m.dueOn)].sort();
  const t0 = Date.parse(dates[0]!), t1 = Math.max(Date.parse(dates.at(-1)!), t0 + 86_400_000);
  const maxRatio = Math.max(tl.target.bp / 10000, ...tl.milestones.map((m) => m.bp / 10000), ...tl.series.map((p) => p.ratio ?? 0)) * 1.1;
  const x = (d: string) => (PAD.l + ((Date.parse(d) - t0) / (t1 - t0)) * (W - PAD.l - PAD.r)).toFixed(1);
  const y = (r: number) => (H - PAD.b - (r / maxRatio) * (H - PAD.t - PAD.b)).toFixed(1);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' });
  for (let k = 0; k <= 4; k++) {
    const r = (maxRatio * k) / 4;
    root.append(svg('line', { x1: PAD.l, x2: W - PAD.r, y1: y(r), y2: y(r), class: 'grid' }),
      svg('text', { x: PAD.l - 6, y: Number(y(r)) + 4, 'text-anchor': 'end', class: 'axis' }, `${Math.round(r * 100)}%`));
  }
  root.append(svg('line', { x1: PAD.l, x2: W - PAD.r, y1: y(tl.target.bp / 10000), y2: y(tl.target.bp / 10000), class: 'target' }));
  const points = tl.series.filter((p) => p.ratio !== null).map((p) => `${x(p.date)},${y(p.ratio!)}`);
  if (points.length) root.append(svg('polyline', { points: points.join(' '), class: 'ratio' }));
  for (const m of tl.milestones) {
    const cx = Number(x(m.dueOn)), cy = Number(y(m.bp / 10000));
    root.append(svg('path', { d: `M${cx},${cy - 6}L${cx + 6},${cy}L${cx},${cy + 6}L${cx - 6},${cy}Z`, class: 'milestone' }, svg('title', {}, `${formatDate(lang, m.dueOn)}: ${m.label}`)),
      svg('text', { x: cx, y: cy - 9, 'text-anchor': 'middle', class: 'axis' }, m.label));
  }
  const first = tl.series[0]?.date, last = tl.series.at(-1)?.date;
  if (first) root.append(svg('text', { x: x(first), y: H - PAD.b + 18, 'text-anchor': 'start', class: 'axis' }, formatDate(lang, first)));
  if (last && last !== first) root.append(svg('text', { x: x(last), y: H - PAD.b + 18, 'text-anchor': 'end', class: 'axis' }, formatDate(lang, last)));
  return root;
}
