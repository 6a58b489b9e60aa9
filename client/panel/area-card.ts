import type { StationProps } from '../api.js';
import { h } from '../dom.js';
import type { AreaFigures, OperatorFigures } from '../figures.js';
import { formatDate, formatInt, formatRatio } from '../format.js';
import type { Lang, MessageKey } from '../i18n.js';
import { statusLabel } from './area-table.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

/** The card of one area: its figures, and the per-operator breakdown once loaded. */
export function renderAreaCard(
  t: T, lang: Lang, r: AreaFigures, operators: OperatorFigures[] | 'loading' | null, close: (() => void) | null,
): HTMLElement {
  const dl = h('dl', { class: 'card-figures' },
    ...([['col4g', formatInt(r.n4g, lang)], ['col5g', formatInt(r.n5g, lang)], ['colRatio', formatRatio(r.ratio, lang)],
      ['colRequired', formatInt(r.required, lang)], ['colNeeded', formatInt(r.needed, lang)]] as const)
      .flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
  let breakdown: HTMLElement | null = null;
  if (operators === 'loading') breakdown = h('p', { class: 'muted' }, t('loading'));
  else if (operators) {
    breakdown = h('table', { class: 'card-ops', 'data-testid': 'card-operators' },
      h('thead', {}, h('tr', {}, ...(['operator', 'col4g', 'col5g', 'colRatio', 'colNeeded'] as const).map((k, i) => h('th', { class: i ? 'num' : '' }, t(k))))),
      h('tbody', {}, ...operators.map((o) => h('tr', {},
        h('th', { scope: 'row' }, o.operatorName),
        h('td', { class: 'num' }, formatInt(o.n4g, lang)), h('td', { class: 'num' }, formatInt(o.n5g, lang)),
        h('td', { class: 'num' }, formatRatio(o.ratio, lang)), h('td', { class: 'num' }, formatInt(o.needed, lang))))));
  }
  return h('div', { class: 'area-card', 'data-testid': 'area-card', role: 'dialog', 'aria-label': r.name },
    h('div', { class: 'card-head' },
      h('div', {}, h('div', { class: 'card-title' }, r.name), h('div', { class: 'muted' }, r.code)),
      h('span', { class: `status status-${r.status}` }, statusLabel(t, r.status)),
      close ? h('button', { type: 'button', class: 'close', 'aria-label': t('close'), onclick: close }, '×') : null),
    dl, breakdown);
}

/** A station's popup: operator, code, technology, status, dates; every value as text. */
export function renderStationPopup(t: T, lang: Lang, p: StationProps): HTMLElement {
  const status = t(p.status === 'on_air' ? 'stOnAir' : p.status === 'planned' ? 'stPlanned' : 'stDecommissioned');
  const rows: [MessageKey, string][] = [
    ['operator', p.operatorName], ['code', p.code], ['technology', p.technology], ['status', status],
    ['commissionedOn', formatDate(p.commissionedOn, lang)], ['decommissionedOn', formatDate(p.decommissionedOn, lang)],
    ['areas', p.areaName ?? t('unassigned')], ['colocated', p.colocated ? t('yes') : t('no')],
  ];
  return h('div', { class: 'station-popup', 'data-testid': 'station-popup' },
    h('div', { class: 'card-title' }, p.name ?? p.code),
    h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])));
}
