import type { ReportData } from './report-api.js';
import { h } from './report-dom.js';
import { formatDate, formatNumber, formatPercent, t, type Key, type Lang } from './report-i18n.js';
import { renderMap } from './report-map.js';
import { renderTimeline } from './report-chart.js';

const row = (label: string, value: string | number) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value));
const radiiText = (r: { urban: number; suburban: number; rural: number }) => `${r.urban} / ${r.suburban} / ${r.rural}`;

/** Page 1: what the figures rest on (target, baseline, radii, as-of date) and the key figures. */
export function renderFirstPage(d: ReportData, lang: Lang): HTMLElement {
  const { stats, rec, coverage, timeline } = d;
  const areaRow = d.area ? stats.rows.find((r) => r.code === d.area) : undefined;
  const fig = areaRow ?? stats.totals;
  const pace = d.area ? timeline.areas.find((a) => a.code === d.area) ?? timeline.pace : timeline.pace;
  return h('section', { class: 'first-page' },
    h('h1', {}, t(lang, 'title'), ' — ', areaRow ? `${areaRow.name} (${areaRow.code})` : t(lang, 'setWide')),
    stats.demo ? h('p', { class: 'demo' }, t(lang, 'demo')) : null,
    h('h2', {}, t(lang, 'assumptions')),
    h('table', { class: 'facts' }, h('tbody', {},
      row(t(lang, 'set'), stats.set.name),
      row(t(lang, 'asOf'), formatDate(lang, stats.asOf)),
      row(t(lang, 'target'), `${stats.target.label}${stats.target.name ? ` — ${stats.target.name}` : ''}`),
      row(t(lang, 'dueOn'), formatDate(lang, stats.target.dueOn)),
      row(t(lang, 'baseline'), formatDate(lang, stats.baseline ?? stats.asOf)),
      row(t(lang, 'operator'), stats.operator ?? t(lang, 'allOperators')),
      row(`${t(lang, 'radii')} — 4G`, radiiText(rec.radiiKm['4G'])),
      row(`${t(lang, 'radii')} — 5G`, radiiText(rec.radiiKm['5G'])),
    )),
    h('p', { class: 'method' }, rec.method[lang]),
    h('h2', {}, t(lang, 'figures')),
    h('table', { class: 'facts' }, h('tbody', {},
      row(t(lang, 'n4g'), formatNumber(lang, fig.n4g)),
      row(t(lang, 'n5g'), formatNumber(lang, fig.n5g)),
      row(t(lang, 'ratio'), formatPercent(lang, fig.ratio)),
      row(t(lang, 'required'), formatNumber(lang, fig.required)),
      row(t(lang, 'needed'), formatNumber(lang, fig.needed)),
      row(t(lang, 'coverage5g'), formatPercent(lang, coverage.totals.share)),
      row(t(lang, 'pace'), `${formatNumber(lang, pace.perDay, 2)} ${t(lang, 'perDay')}`),
      row(t(lang, 'projected'), pace.projectedOn ? formatDate(lang, pace.projectedOn) : t(lang, 'never')),
      row(t(lang, 'status'), t(lang, pace.status as Key)),
    )),
  );
}

export function renderMapSection(d: ReportData, lang: Lang): HTMLElement {
  const features = d.area ? d.areas.features.filter((f) => f.id === d.area) : d.areas.features;
  return h('section', { class: 'keep' }, h('h2', {}, t(lang, 'map')), renderMap(features, d.coverage, d.rec.picks, d.stats.target.bp));
}

export function renderAreaTable(d: ReportData, lang: Lang): HTMLElement {
  const rows = d.area ? d.stats.rows.filter((r) => r.code === d.area) : d.stats.rows;
  const cov = new Map(d.coverage.areas.map((a) => [a.code, a]));
  const pace = new Map(d.timeline.areas.map((a) => [a.code, a]));
  const head = ['area', 'n4g', 'n5g', 'ratio', 'needed', 'coverage5g', 'projected', 'status'] as const;
  return h('section', {}, h('h2', {}, t(lang, 'table')), h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, ...head.map((k) => h('th', {}, t(lang, k))))),
    h('tbody', {}, ...rows.map((r) => {
      const p = pace.get(r.code);
      return h('tr', {}, h('td', {}, `${r.name} (${r.code})`), h('td', { class: 'num' }, formatNumber(lang, r.n4g)), h('td', { class: 'num' }, formatNumber(lang, r.n5g)),
        h('td', { class: 'num' }, formatPercent(lang, r.ratio)), h('td', { class: 'num' }, formatNumber(lang, r.needed)),
        h('td', { class: 'num' }, formatPercent(lang, cov.get(r.code)?.share ?? null)),
        h('td', {}, p?.projectedOn ? formatDate(lang, p.projectedOn) : t(lang, 'never')), h('td', {}, p ? t(lang, p.status as Key) : '—'));
    }))));
}

export function renderTimelineSection(d: ReportData, lang: Lang): HTMLElement {
  return h('section', { class: 'keep' }, h('h2', {}, t(lang, 'timeline')), renderTimeline(d.timeline, lang));
}

export function renderWorkList(d: ReportData, lang: Lang): HTMLElement {
  const { picks, totals } = d.rec;
  if (picks.length === 0 && totals.newSitesToBuild === 0) return h('section', {}, h('h2', {}, t(lang, 'worklist')), h('p', {}, t(lang, 'nothing')));
  return h('section', { class: 'worklist' }, h('h2', {}, t(lang, 'worklist')),
    totals.newSitesToBuild > 0 ? h('p', {}, `${t(lang, 'newSites')}: ${formatNumber(lang, totals.newSitesToBuild)}`) : null,
    h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, ...(['area', 'rank', 'operator', 'code', 'name', 'coords', 'why'] as const).map((k) => h('th', {}, t(lang, k))))),
      h('tbody', {}, ...picks.map((p) => h('tr', {},
        h('td', {}, p.areaName), h('td', { class: 'num' }, p.rank), h('td', {}, p.operator), h('td', {}, p.code), h('td', {}, p.name ?? ''),
        h('td', { class: 'num' }, `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`), h('td', {}, p.reason[lang]))))));
}
