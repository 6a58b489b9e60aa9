import type { BoundarySet } from './api.js';
import { h } from './dom.js';
import { LANGS, type Lang, type MessageKey } from './i18n.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

/** The page frame: header, filter bar, map, side panel. The parts are filled by the app. */
export function buildShell(root: HTMLElement) {
  const header = h('header', { class: 'app-header' });
  const filters = h('div', { class: 'filter-bar' });
  const mapEl = h('div', { class: 'map', id: 'map', 'data-testid': 'map' });
  const card = h('div', { class: 'card-host', 'aria-live': 'polite' });
  const panel = h('aside', { class: 'side-panel', 'data-testid': 'side-panel' });
  const notice = h('div', { class: 'notice', role: 'status', 'data-testid': 'notice' });
  root.replaceChildren(header, filters, notice, h('main', { class: 'workspace' }, h('div', { class: 'map-wrap' }, mapEl, card), panel));
  return { header, filters, mapEl, card, panel, notice };
}

export function renderHeader(
  t: T, lang: Lang, sets: BoundarySet[], currentSet: number | null,
  on: { lang(l: Lang): void; set(id: string): void },
): HTMLElement[] {
  const setSelect = h('select', { 'data-testid': 'set-select', 'aria-label': t('boundarySet'),
    onchange: (e: Event) => on.set((e.target as HTMLSelectElement).value) },
    ...sets.map((st) => h('option', { value: String(st.id), selected: st.id === currentSet }, st.name)));
  return [
    h('div', { class: 'brand' },
      h('span', { class: 'logo', 'aria-hidden': 'true' }, '5G'),
      h('div', {}, h('h1', { 'data-testid': 'title' }, t('title')), h('div', { class: 'subtitle' }, t('subtitle')))),
    h('div', { class: 'header-tools' },
      h('label', { class: 'set-field' }, h('span', {}, t('boundarySet')), setSelect),
      h('div', { class: 'lang-switch', role: 'group', 'aria-label': 'Language / Ngôn ngữ' },
        ...LANGS.map((l) => h('button', { type: 'button', 'aria-pressed': String(l === lang), 'data-testid': `lang-${l}`, lang: l,
          onclick: () => on.lang(l) }, l.toUpperCase()))),
      h('a', { class: 'upload-link', href: 'upload.html', 'data-testid': 'upload-link' }, t('upload'))),
  ];
}
