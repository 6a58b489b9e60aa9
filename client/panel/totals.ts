import { h } from '../dom.js';
import type { Figures } from '../figures.js';
import { formatInt, formatRatio } from '../format.js';
import type { Lang, MessageKey } from '../i18n.js';
import { statusLabel } from './area-table.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

/** The scope's totals; `needed` and `neededAllAreas` each explained in one line. */
export function renderTotals(t: T, lang: Lang, f: Figures, selection: boolean): HTMLElement {
  const tot = f.totals;
  const stat = (label: string, value: string, testid: string, cls = '') =>
    h('div', { class: `stat ${cls}` }, h('div', { class: 'stat-value', 'data-testid': testid }, value), h('div', { class: 'stat-label' }, label));
  return h('section', { class: 'totals', 'aria-label': selection ? t('totalsSelection') : t('totalsSet') },
    h('div', { class: 'totals-head' },
      h('h2', {}, selection ? t('totalsSelection') : t('totalsSet')),
      h('span', { class: `status status-${tot.status}` }, statusLabel(t, tot.status))),
    h('div', { class: 'stats' },
      stat(t('col4g'), formatInt(tot.n4g, lang), 'total-4g'),
      stat(t('col5g'), formatInt(tot.n5g, lang), 'total-5g'),
      stat(t('colRatio'), formatRatio(tot.ratio, lang), 'total-ratio'),
      stat(t('colRequired'), formatInt(tot.required, lang), 'total-required'),
      stat(t('colNeeded'), formatInt(tot.needed, lang), 'total-needed', 'stat-key'),
      stat(t('neededAllAreas'), formatInt(tot.neededAllAreas, lang), 'total-needed-all', 'stat-key')),
    h('p', { class: 'explain' }, t('neededExplain')),
    h('p', { class: 'explain' }, t('neededAllExplain')));
}
