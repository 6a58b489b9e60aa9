import { uploadApi, type UploadView } from './upload-api.js';
import { $, el } from './upload-dom.js';
import type { Texts, Word } from './upload-i18n.js';
import { stateText } from './upload-preview.js';

export interface HistoryActions {
  canAct: boolean;
  open(u: UploadView): void;
  commit(u: UploadView): void;
  rollback(u: UploadView): void;
  discard(u: UploadView): void;
}

/** Every upload the account may see, newest first, a page at a time (the API's nextBefore cursor). */
export function createHistoryView(root: HTMLElement, getTexts: () => Texts, actions: HistoryActions, onError: (err: unknown) => void) {
  const body = $('[data-part="table"]', root);
  const nav = $('[data-part="nav"]', root);
  // The cursors of the pages before this one, so "newer" can go back without the API knowing pages.
  let cursors: (number | undefined)[] = [];
  let before: number | undefined;
  let page: { uploads: UploadView[]; nextBefore: number | null } = { uploads: [], nextBefore: null };

  function row(u: UploadView, tx: Texts): HTMLElement {
    const c = u.counts;
    const button = (word: Word, testid: string, onclick: () => void, cls = '') =>
      el('button', { type: 'button', class: cls, 'data-testid': testid, onclick }, tx.t(word));
    return el('tr', { 'data-upload': String(u.id), 'data-state': u.state },
      el('td', { class: 'num' }, String(u.id)), el('td', { class: 'file-name' }, u.fileName), el('td', {}, u.operator), el('td', {}, tx.t(u.mode)),
      el('td', { class: 'num' }, tx.num(u.rows)),
      el('td', { class: 'num', 'data-testid': 'history-counts' }, [c.create, c.update, c.decommission, c.errorRows].map((n) => tx.num(n)).join(' / ')),
      el('td', {}, u.uploadedBy), el('td', {}, tx.dateTime(u.createdAt)),
      el('td', { class: 'state-cell', 'data-testid': 'history-state', title: stateText(u, tx) }, stateText(u, tx, true)),
      el('td', { class: 'row-actions' }, button('open', 'history-open', () => actions.open(u)),
        ...(actions.canAct && u.state === 'previewed' ? [button('commit', 'history-commit', () => actions.commit(u), 'primary'), button('discard', 'history-discard', () => actions.discard(u))] : []),
        ...(actions.canAct && u.state === 'committed' ? [button('rollback', 'history-rollback', () => actions.rollback(u), 'danger')] : [])));
  }

  function render() {
    const tx = getTexts();
    const head = el('tr', {}, el('th', { scope: 'col' }, '#'),
      ...(['file', 'operator', 'mode', 'rows', 'counts', 'uploadedBy', 'when', 'state', 'actions'] as Word[]).map((w) => el('th', { scope: 'col' }, tx.t(w))));
    body.replaceChildren(page.uploads.length
      ? el('table', { 'data-testid': 'history-table' }, el('thead', {}, head), el('tbody', {}, ...page.uploads.map((u) => row(u, tx))))
      : el('p', { class: 'hint' }, tx.t('noHistory')));
    nav.replaceChildren(
      el('button', { type: 'button', disabled: !cursors.length, onclick: () => void load(cursors.pop(), false) }, tx.t('newer')),
      el('button', { type: 'button', 'data-testid': 'history-older', disabled: page.nextBefore === null,
        onclick: () => { cursors.push(before); void load(page.nextBefore ?? undefined, false); } }, tx.t('older')));
  }

  async function load(at: number | undefined, reset: boolean) {
    if (reset) cursors = [];
    try {
      page = await uploadApi.history(at);
      before = at;
      root.dataset.loads = String(Number(root.dataset.loads ?? 0) + 1);
      render();
    } catch (err) { onError(err); }
  }

  return { refresh: () => load(before, false), first: () => load(undefined, true), render };
}
