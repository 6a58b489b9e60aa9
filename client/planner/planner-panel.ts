import { h } from '../dom.js';
import { formatDate, formatInt, formatRatio } from '../format.js';
import type { Lang, MessageKey } from '../i18n.js';
import { renderTimeline } from '../report/report-chart.js';
import type { CoverageBody, Pick, Recommendations, Timeline } from './planner-api.js';
import { radiiText } from './planner-layers.js';
import { paceKey } from './planner-query.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

const num = (n: number, lang: Lang, digits: number) =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n);

/** (1) The work list: rank, operator, code, area, why (in the current language), with the CSV / XLSX downloads. */
export function renderWorkList(t: T, lang: Lang, rec: Recommendations, picks: readonly Pick[], urls: { csv: string; xlsx: string }, focus: (p: Pick) => void): HTMLElement {
  const rows = picks.map((p) => {
    const tr = h('tr', { tabindex: 0, 'data-code': p.code, 'data-rank': p.rank, onclick: () => focus(p),
      onkeydown: (e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); focus(p); } } },
    h('td', { class: 'num' }, p.rank), h('td', {}, p.operator), h('td', {}, p.code), h('td', {}, p.areaName), h('td', { class: 'plan-why' }, p.reason[lang]));
    return tr;
  });
  return h('section', { class: 'plan-box', 'data-testid': 'plan-worklist' },
    h('h2', {}, t('planWorkList'), h('span', { class: 'count' }, ` · ${formatInt(picks.length, lang)}`)),
    h('p', { class: 'hint' }, t('planWorkListHint')),
    h('div', { class: 'plan-downloads' },
      h('a', { class: 'button', href: urls.csv, download: '', 'data-testid': 'plan-csv' }, t('planCsv')),
      h('a', { class: 'button', href: urls.xlsx, download: '', 'data-testid': 'plan-xlsx' }, t('planXlsx'))),
    rec.totals.newSitesToBuild > 0 ? h('p', { class: 'plan-warn' }, t('planNewSites', { n: formatInt(rec.totals.newSitesToBuild, lang) })) : null,
    picks.length === 0 ? h('p', {}, t('planNone')) : h('div', { class: 'plan-scroll' }, h('table', { class: 'plan-table' },
      h('thead', {}, h('tr', {}, ...(['planRank', 'operator', 'code', 'colArea', 'planWhy'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, ...rows))));
}

/** (3) The covered share per area, labelled as modelled with the radii. */
export function renderCoverage(t: T, lang: Lang, cov: CoverageBody, areas: readonly string[]): HTMLElement {
  const rows = areas.length > 1 ? cov.areas.filter((a) => areas.includes(a.code)) : cov.areas;
  return h('section', { class: 'plan-box', 'data-testid': 'plan-coverage' },
    h('h2', {}, t('planCoverageTitle'), ' ', h('span', { class: 'plan-modelled' }, `(${t('planModelled')})`)),
    h('p', { class: 'hint', 'data-testid': 'plan-coverage-radii' }, t('planRadii', { radii: radiiText(cov.radiiKm['5G']) })),
    h('p', { class: 'plan-total' }, `${t('planCoveredShare')}: `, h('strong', {}, formatRatio(cov.totals.share, lang))),
    h('div', { class: 'plan-scroll short' }, h('table', { class: 'plan-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('colArea')), h('th', { scope: 'col', class: 'num' }, t('planCoveredShare')))),
      h('tbody', {}, ...rows.map((a) => h('tr', { 'data-code': a.code }, h('td', {}, a.name), h('td', { class: 'num' }, formatRatio(a.share, lang))))))));
}

/** (4) The timeline (the report's chart: ratio, milestones, dashed target) and the pace. */
export function renderTimelineBox(t: T, lang: Lang, tl: Timeline & { area?: { code: string; name: string } | null }, setName: string): HTMLElement {
  const p = tl.pace;
  const chart = renderTimeline(tl, lang);
  chart.setAttribute('aria-label', t('planTimeline'));
  return h('section', { class: 'plan-box', 'data-testid': 'plan-timeline' },
    h('h2', {}, t('planTimeline'), ' · ', tl.area ? tl.area.name : setName),
    h('div', { class: 'plan-chart' }, chart),
    h('ul', { class: 'plan-chart-legend' },
      h('li', {}, h('span', { class: 'key key-ratio' }), t('planChartRatio')),
      h('li', {}, h('span', { class: 'key key-target' }), `${t('planChartTarget')} ${tl.target.label}`),
      h('li', {}, h('span', { class: 'key key-milestone' }), t('planChartMilestone'))),
    h('dl', { class: 'plan-pace' },
      h('dt', {}, t('colRatio')), h('dd', {}, formatRatio(p.ratio, lang)),
      h('dt', {}, t('planRunRate')), h('dd', { 'data-testid': 'plan-rate' }, t('planPerDay', { n: num(p.perDay, lang, 2) })),
      h('dt', {}, t('planProjected')), h('dd', { 'data-testid': 'plan-projected' }, p.projectedOn ? formatDate(p.projectedOn, lang) : t('planNever')),
      h('dt', {}, t('colStatus')), h('dd', {}, badge(t, p.status, 'plan-status'))),
    tl.operators.length > 1 ? h('table', { class: 'plan-table plan-operators', 'data-testid': 'plan-operators' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('operator')), h('th', { scope: 'col', class: 'num' }, t('colRatio')),
        h('th', { scope: 'col', class: 'num' }, t('planPerDayShort')), h('th', { scope: 'col' }, t('planProjected')), h('th', { scope: 'col' }, t('colStatus')))),
      h('tbody', {}, ...tl.operators.map((o) => h('tr', { 'data-operator': o.operator },
        h('td', {}, o.operator), h('td', { class: 'num' }, formatRatio(o.ratio, lang)), h('td', { class: 'num' }, num(o.perDay, lang, 2)),
        h('td', {}, o.projectedOn ? formatDate(o.projectedOn, lang) : t('planNever')), h('td', {}, badge(t, o.status)))))) : null);
}

const badge = (t: T, status: string, testid?: string) =>
  h('span', { class: `plan-badge pace-${status}`, 'data-testid': testid, 'data-status': status }, t(paceKey(status)));
