import { el } from '../auth/el.js';
import type { ErrorView } from './upload-errors.js';
import type { Texts } from './upload-i18n.js';

// Every text from a file or the server reaches the page through el() (text nodes), never innerHTML.
export { el };

export const $ = <T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector(sel) as T;

/** Puts the page's words into the elements marked data-i18n / data-i18n-placeholder / data-i18n-label. */
export function applyWords(tx: Texts, root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((e) => { e.textContent = tx.t(e.dataset.i18n as never); });
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((e) => { e.placeholder = tx.t(e.dataset.i18nPlaceholder as never); });
  root.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((e) => e.setAttribute('aria-label', tx.t(e.dataset.i18nLabel as never)));
}

/**
 * A status or error line: the file it is about, the localized text, an optional list
 * (conflicting stations), the server's message as detail, and whatever `more` the caller adds.
 */
export function showMessage(host: HTMLElement, tx: Texts, kind: 'ok' | 'error' | 'info', view: ErrorView | string, extra?: Node,
  opts: { file?: string; more?: Node[] } = {}): void {
  const v = typeof view === 'string' ? { text: view, items: [], detail: null } : view;
  host.hidden = false;
  host.className = `message is-${kind}`;
  host.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const file = opts.file === undefined ? [] : [el('strong', { class: 'file-name', 'data-testid': 'message-file' }, tx.t('refusedFile', { file: opts.file })), ' '];
  host.replaceChildren(
    el('p', { class: 'message-text' }, ...file, v.text, ...(extra ? [' ', extra] : [])),
    ...(v.items.length ? [el('ul', { class: 'message-items', 'data-testid': 'message-items' }, ...v.items.map((i) => el('li', {}, i)))] : []),
    ...(v.detail ? [el('p', { class: 'message-detail' }, tx.t('detail', { message: v.detail }))] : []),
    ...(opts.more ?? []),
  );
}

export function clearMessage(host: HTMLElement): void {
  host.hidden = true;
  host.replaceChildren();
}

/**
 * First / previous / "page n / N" / next / last. `pages` is null when the total is not known
 * (a page filtered here): then only previous and next, and `hasNext` says whether there is one.
 */
export function pager(tx: Texts, at: { page: number; pages: number | null; hasNext?: boolean }, go: (page: number) => void, testid: string): HTMLElement {
  const { page, pages } = at;
  const hasNext = pages === null ? Boolean(at.hasNext) : page < pages;
  const label = pages === null ? tx.t('page', { page }) : tx.t('pageOf', { page, pages });
  const button = (text: string, word: 'first' | 'prev' | 'next' | 'last', to: number, enabled: boolean, part: string) =>
    el('button', { type: 'button', disabled: !enabled, 'aria-label': tx.t(word), title: tx.t(word), 'data-testid': `${testid}-${part}`, onclick: () => go(to) }, text);
  return el('nav', { class: 'pager', 'data-testid': testid, 'aria-label': label },
    ...(pages === null ? [] : [button('«', 'first', 1, page > 1, 'first')]),
    button('‹', 'prev', page - 1, page > 1, 'prev'),
    el('span', { 'data-testid': `${testid}-page` }, label),
    button('›', 'next', page + 1, hasNext, 'next'),
    ...(pages === null ? [] : [button('»', 'last', pages, page < pages, 'last')]));
}

/** How many pages `total` items fill, at least one. */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** A long value: clipped to a few lines with an ellipsis (CSS), whole on hover, and whole once clicked. */
export function clippedValue(tx: Texts, value: string): HTMLElement {
  const span = el('span', { class: 'clip', title: value, tabindex: '0', role: 'button', 'aria-expanded': 'false', 'aria-label': `${value} — ${tx.t('expandValue')}` }, value);
  const toggle = () => span.setAttribute('aria-expanded', String(span.classList.toggle('expanded')));
  span.addEventListener('click', toggle);
  span.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } });
  return span;
}

/**
 * Asks in the page (a modal <dialog>, Escape cancels) rather than with window.confirm: the
 * question is styled, translated, and readable by assistive technology like the rest.
 */
export function confirmInPage(tx: Texts, question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'confirm', 'data-testid': 'confirm' });
    const close = (answer: boolean) => { dialog.close(); dialog.remove(); resolve(answer); };
    dialog.append(el('p', {}, question), el('div', { class: 'confirm-actions' },
      el('button', { type: 'button', 'data-testid': 'confirm-cancel', onclick: () => close(false) }, tx.t('cancel')),
      el('button', { type: 'button', class: 'primary', 'data-testid': 'confirm-ok', onclick: () => close(true) }, tx.t('ok'))));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
  });
}
