import { h } from '../dom.js';
import { dayOf, formatDate, isoOfDay, parseDate } from '../format.js';
import type { Lang, MessageKey } from '../i18n.js';
import type { StationStatus, Technology, ViewState } from '../state.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;
interface Option { value: string; label: string }

export interface FilterOptions {
  areas: Option[];
  operators: Option[];
  timeline: { first: string | null; last: string | null };
  today: string;
  targetBp: number;
  targetValid: boolean;
  /** Signed out: no station exports (the API refuses them), a link to sign in instead. */
  signInHref: string | null;
}

export interface FilterHandlers {
  change(patch: Partial<ViewState>): void;
  exportStationsCsv(): string;
  exportStationsGeojson(): void;
  exportAreasCsv(): void;
}

/** A dropdown of checkboxes; an empty choice means "all". */
function checklist(id: string, label: string, allLabel: string, options: Option[], chosen: string[], t: T, onChange: (v: string[]) => void) {
  const summaryText = chosen.length === 0 ? allLabel
    : chosen.length === 1 ? options.find((o) => o.value === chosen[0])?.label ?? chosen[0]!
    : `${chosen.length} ${t('selected')}`;
  const boxes = options.map((o) =>
    h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: o.value, checked: chosen.includes(o.value), 'data-testid': `${id}-option`,
        onchange: (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          onChange(on ? [...chosen, o.value] : chosen.filter((c) => c !== o.value));
        } }),
      h('span', {}, o.label)));
  return h('div', { class: 'field' },
    h('span', { class: 'field-label', id: `${id}-label` }, label),
    h('details', { class: 'dropdown', 'data-testid': `${id}-filter` },
      h('summary', { 'aria-labelledby': `${id}-label ${id}-summary`, 'data-testid': `${id}-toggle` }, h('span', { id: `${id}-summary` }, summaryText)),
      h('div', { class: 'dropdown-body', role: 'group', 'aria-labelledby': `${id}-label` },
        chosen.length ? h('button', { type: 'button', class: 'link', 'data-testid': `${id}-all`, onclick: () => onChange([]) }, allLabel) : null,
        ...boxes)));
}

export function renderFilters(t: T, lang: Lang, s: ViewState, o: FilterOptions, on: FilterHandlers): HTMLElement {
  const statusOpts: Option[] = [
    { value: 'on_air', label: t('stOnAir') }, { value: 'planned', label: t('stPlanned') }, { value: 'decommissioned', label: t('stDecommissioned') },
  ];
  const first = o.timeline.first ?? o.today;
  const lastDay = Math.max(dayOf(o.timeline.last ?? o.today), dayOf(o.today));
  const asOf = s.asOf ?? o.today;
  const dateError = h('span', { class: 'field-error', id: 'asof-error', role: 'alert', 'data-testid': 'asof-error' });
  // A text field, not <input type=date>: the native one writes the browser's order (03/18/2025), not the page's.
  const dateInput = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'date-input', value: formatDate(asOf, lang),
    placeholder: t('datePattern'), 'data-testid': 'asof-input', 'aria-label': `${t('asOf')} (${t('datePattern')})`, 'aria-describedby': 'asof-error',
    onchange: (e: Event) => {
      const el = e.target as HTMLInputElement;
      const iso = el.value.trim() ? parseDate(el.value) : o.today;
      el.toggleAttribute('aria-invalid', iso === null);
      dateError.textContent = iso === null ? t('dateInvalid', { pattern: t('datePattern') }) : '';
      if (iso !== null) on.change({ asOf: iso === o.today ? null : iso });
    } });
  const slider = h('input', { type: 'range', min: dayOf(first), max: lastDay, step: 1, value: dayOf(asOf), 'data-testid': 'asof-slider',
    'aria-label': t('asOf'), 'aria-valuetext': formatDate(asOf, lang),
    oninput: (e: Event) => {
      const el = e.target as HTMLInputElement;
      const label = formatDate(isoOfDay(Number(el.value)), lang);
      el.setAttribute('aria-valuetext', label);
      dateInput.value = label;
      dateInput.removeAttribute('aria-invalid');
      dateError.textContent = '';
    },
    onchange: (e: Event) => { const iso = isoOfDay(Number((e.target as HTMLInputElement).value)); on.change({ asOf: iso === o.today ? null : iso }); } });
  const target = h('input', { type: 'number', min: '0.01', max: '10000', step: '0.1', inputmode: 'decimal', class: 'target-input',
    value: s.target ?? '', placeholder: String(o.targetBp / 100), 'data-testid': 'target-input', 'aria-label': t('target'),
    title: o.targetValid ? t('targetHint') : t('targetInvalid'), 'aria-invalid': o.targetValid ? null : 'true',
    onchange: (e: Event) => { const v = (e.target as HTMLInputElement).value.trim(); on.change({ target: v || null }); } });
  const closeMenu = (e: Event) => (e.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
  let stationExports: HTMLElement[];
  if (o.signInHref) {
    stationExports = [h('a', { class: 'menu-item', href: o.signInHref, 'data-testid': 'export-stations-sign-in' }, t('signInForStationExport'))];
  } else {
    const csvLink = h('a', { class: 'menu-item', href: on.exportStationsCsv(), 'data-testid': 'export-stations-csv', download: '' }, t('exportStationsCsv'));
    csvLink.addEventListener('mouseenter', () => { csvLink.href = on.exportStationsCsv(); });
    csvLink.addEventListener('click', closeMenu);
    stationExports = [csvLink,
      h('button', { type: 'button', class: 'menu-item', 'data-testid': 'export-stations-geojson', onclick: (e: Event) => { closeMenu(e); on.exportStationsGeojson(); } }, t('exportStationsGeojson'))];
  }

  return h('div', { class: 'filters', role: 'search' },
    checklist('area', t('areas'), t('allAreas'), o.areas, s.areas, t, (v) => on.change({ areas: v, selected: null })),
    checklist('operator', t('operators'), t('allOperators'), o.operators, s.operators, t, (v) => on.change({ operators: v })),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('technology')),
      h('select', { 'data-testid': 'technology-filter', onchange: (e: Event) => on.change({ technology: ((e.target as HTMLSelectElement).value || null) as Technology | null }) },
        h('option', { value: '', selected: !s.technology }, t('allTechnologies')),
        h('option', { value: '4G', selected: s.technology === '4G' }, '4G'),
        h('option', { value: '5G', selected: s.technology === '5G' }, '5G'))),
    checklist('status', t('status'), t('allStatuses'), statusOpts, s.statuses, t, (v) => on.change({ statuses: v as StationStatus[] })),
    h('div', { class: 'field field-date' }, h('span', { class: 'field-label' }, t('asOf')),
      h('div', { class: 'date-row' }, dateInput, slider), dateError),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('target')), target),
    h('div', { class: 'field field-export' }, h('span', { class: 'field-label' }, '\u00a0'),
      h('details', { class: 'dropdown export' }, h('summary', { 'data-testid': 'export-menu' }, t('export')),
        h('div', { class: 'dropdown-body' },
          ...stationExports,
          h('button', { type: 'button', class: 'menu-item', 'data-testid': 'export-areas-csv', onclick: (e: Event) => { closeMenu(e); on.exportAreasCsv(); } }, t('exportAreasCsv'))))),
  );
}
