import { bandColour, progressBand } from '../../geo/colour-scale.js';
import { h } from '../dom.js';
import type { AreaFigures, Figures } from '../figures.js';
import { formatInt, formatRatio } from '../format.js';
import type { Lang, MessageKey } from '../i18n.js';
import type { SortKey, ViewState } from '../state.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

const COLUMNS: { key: SortKey; label: MessageKey; numeric: boolean }[] = [
  { key: 'name', label: 'colArea', numeric: false },
  { key: 'n4g', label: 'col4g', numeric: true },
  { key: 'n5g', label: 'col5g', numeric: true },
  { key: 'ratio', label: 'colRatio', numeric: true },
  { key: 'required', label: 'colRequired', numeric: true },
  { key: 'needed', label: 'colNeeded', numeric: true },
  { key: 'status', label: 'colStatus', numeric: false },
];

export const statusLabel = (t: T, status: string) =>
  t(status === 'met' ? 'statusMet' : status === 'behind' ? 'statusBehind' : 'statusNoBaseline');

/**
 * The area table: sortable by every column (buttons in the headings, aria-sort), rows
 * reachable by keyboard (one tab stop, arrow keys, Home/End; Enter or Space selects).
 */
export function renderAreaTable(
  t: T, lang: Lang, s: ViewState, rows: AreaFigures[], figures: Figures, bp: number,
  on: { sort(key: SortKey): void; select(code: string): void },
): HTMLElement {
  const head = h('tr', {}, ...COLUMNS.map((c) => {
    const active = s.sort.key === c.key;
    return h('th', { scope: 'col', class: c.numeric ? 'num' : '', 'aria-sort': active ? (s.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' },
      h('button', { type: 'button', class: 'sort', 'data-sort': c.key, onclick: () => on.sort(c.key) },
        t(c.label), h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (s.sort.dir === 'asc' ? '▲' : '▼') : '↕')));
  }));
  const focusIndex = Math.max(0, rows.findIndex((r) => r.code === s.selected));
  const body = h('tbody', {}, ...rows.map((r, i) => {
    const band = progressBand(r.n4g, r.n5g, bp);
    const tr = h('tr', { tabindex: i === focusIndex ? 0 : -1, 'data-code': r.code, 'aria-selected': String(r.code === s.selected),
      class: r.code === s.selected ? 'is-selected' : '' },
      h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${bandColour(band)}` }), h('span', { class: 'area-name' }, r.name)),
      h('td', { class: 'num' }, formatInt(r.n4g, lang)),
      h('td', { class: 'num' }, formatInt(r.n5g, lang)),
      h('td', { class: 'num' }, formatRatio(r.ratio, lang)),
      h('td', { class: 'num' }, formatInt(r.required, lang)),
      h('td', { class: 'num needed' }, formatInt(r.needed, lang)),
      h('td', {}, h('span', { class: `status status-${r.status}` }, statusLabel(t, r.status))));
    tr.addEventListener('click', () => on.select(r.code));
    return tr;
  }));
  body.addEventListener('keydown', (e) => moveFocus(e, body, on.select));
  const foot = s.areas.length ? null : h('tfoot', {},
    h('tr', { class: 'unassigned' },
      h('th', { scope: 'row' }, t('unassigned')),
      h('td', { class: 'num' }, formatInt(figures.unassigned.n4g, lang)),
      h('td', { class: 'num' }, formatInt(figures.unassigned.n5g, lang)),
      h('td', { class: 'num' }, formatRatio(figures.unassigned.ratio, lang)),
      h('td', { colspan: 3 })));
  return h('table', { class: 'area-table', 'data-testid': 'area-table' },
    h('caption', { class: 'sr-only' }, t('tableTitle'), '. ', t('tableHint')), h('thead', {}, head), body, foot);
}

function moveFocus(e: KeyboardEvent, body: HTMLElement, select: (code: string) => void): void {
  const rows = [...body.querySelectorAll<HTMLTableRowElement>('tr')];
  const current = rows.indexOf(document.activeElement as HTMLTableRowElement);
  if (current < 0) return;
  const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: rows.length - 1 }[e.key];
  if (next !== undefined) {
    e.preventDefault();
    const target = rows[Math.max(0, Math.min(rows.length - 1, next))]!;
    rows.forEach((r) => r.setAttribute('tabindex', r === target ? '0' : '-1'));
    target.focus();
  } else if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    const code = rows[current]!.dataset.code;
    if (code) select(code);
  }
}
