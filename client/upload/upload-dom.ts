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

/** A status or error line: the localized text, an optional list (conflicting stations), the server's message as detail. */
export function showMessage(host: HTMLElement, tx: Texts, kind: 'ok' | 'error' | 'info', view: ErrorView | string, extra?: Node): void {
  const v = typeof view === 'string' ? { text: view, items: [], detail: null } : view;
  host.hidden = false;
  host.className = `message is-${kind}`;
  host.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  host.replaceChildren(
    el('p', { class: 'message-text' }, v.text, ...(extra ? [' ', extra] : [])),
    ...(v.items.length ? [el('ul', { class: 'message-items', 'data-testid': 'message-items' }, ...v.items.map((i) => el('li', {}, i)))] : []),
    ...(v.detail ? [el('p', { class: 'message-detail' }, tx.t('detail', { message: v.detail }))] : []),
  );
}

export function clearMessage(host: HTMLElement): void {
  host.hidden = true;
  host.replaceChildren();
}

/** Previous / "page n" / next; `hasNext` comes from the caller (a total, or a full page). */
export function pager(tx: Texts, page: number, hasNext: boolean, go: (page: number) => void, testid: string): HTMLElement {
  return el('nav', { class: 'pager', 'data-testid': testid, 'aria-label': tx.t('page', { page }) },
    el('button', { type: 'button', disabled: page <= 1, 'aria-label': tx.t('prev'), onclick: () => go(page - 1) }, '‹'),
    el('span', { 'data-testid': `${testid}-page` }, tx.t('page', { page })),
    el('button', { type: 'button', disabled: !hasNext, 'aria-label': tx.t('next'), onclick: () => go(page + 1) }, '›'));
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
