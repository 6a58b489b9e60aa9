import { uploadApi, type UploadView } from './upload-api.js';
import { $, el } from './upload-dom.js';
import type { Texts, Word } from './upload-i18n.js';
import { nothingToApply, stateText, type UploadAction } from './upload-preview.js';

export interface HistoryActions {
  canAct: boolean;
  open(u: UploadView): void;
  commit(u: UploadView): void;
  rollback(u: UploadView): void;
  discard(u: UploadView): void;
}

const COLUMNS: Word[] = ['file', 'operator', 'mode', 'rows', 'counts', 'uploadedBy', 'when', 'state', 'actions'];
const BUSY_WORDS: Record<UploadAction, Word> = { commit: 'busyCommit', rollback: 'busyRollback', discard: 'busyDiscard' };
const PHASE_WORDS: Record<UploadAction, Word> = { commit: 'phaseCommit', rollback: 'phaseRollback', discard: 'phaseDiscard' };

/**
 * Every upload the account may see, newest first, a page at a time (the API's nextBefore cursor).
 * While an action runs, every row's actions wait, the clicked one says what it does, and the
 * progress shows under that row: where the operator clicked, not only at the top of the page.
 */
export function createHistoryView(root: HTMLElement, getTexts: () => Texts, actions: HistoryActions, onError: (err: unknown) => void) {
  const body = $('[data-part="table"]', root);
  const nav = $('[data-part="nav"]', root);
  // The cursors of the pages before this one, so "newer" can go back without the API knowing pages.
  let cursors: (number | undefined)[] = [];
  let before: number | undefined;
  let page: { uploads: UploadView[]; nextBefore: number | null } = { uploads: [], nextBefore: null };
  let busy: { id: number; action: UploadAction } | null = null;

  function buttons(u: UploadView, tx: Texts): HTMLElement[] {
    const vars = { id: String(u.id), file: u.fileName };
    const button = (word: Word, label: Word, testid: string, onclick: () => void, cls = '', action?: UploadAction, disabled = false) => {
      const running = action !== undefined && busy?.id === u.id && busy.action === action;
      return el('button', { type: 'button', class: cls, 'data-testid': testid, onclick, 'aria-label': tx.t(label, vars),
        disabled: disabled || (action !== undefined && busy !== null), ...(running ? { 'aria-busy': 'true' } : {}) }, tx.t(running ? BUSY_WORDS[action] : word));
    };
    const open = button('open', 'labelOpen', 'history-open', () => actions.open(u));
    if (!actions.canAct) return [open];
    if (u.state === 'previewed') {
      const empty = nothingToApply(u);
      const commit = button('commit', 'labelCommit', 'history-commit', () => actions.commit(u), 'primary', 'commit', empty);
      if (empty) commit.title = tx.t(u.counts.errorRows ? 'nothingToApply' : 'nothingChanges');
      return [open, commit, button('discard', 'labelDiscard', 'history-discard', () => actions.discard(u), '', 'discard')];
    }
    if (u.state === 'committed') return [open, button('rollback', 'labelRollback', 'history-rollback', () => actions.rollback(u), 'danger', 'rollback')];
    return [open];
  }

  function rows(u: UploadView, tx: Texts): HTMLElement[] {
    const c = u.counts;
    // data-label: the column's name, shown before each cell when a narrow screen stacks the row as a card.
    const cell = (word: Word, attrs: Record<string, string>, ...content: (Node | string)[]) => el('td', { ...attrs, 'data-label': tx.t(word) }, ...content);
    const row = el('tr', { 'data-upload': String(u.id), 'data-state': u.state, ...(busy?.id === u.id ? { 'aria-busy': 'true' } : {}) },
      el('td', { class: 'num id-cell' }, `#${u.id}`), cell('file', { class: 'file-name' }, u.fileName), cell('operator', {}, u.operator), cell('mode', {}, tx.t(u.mode)),
      cell('rows', { class: 'num' }, tx.num(u.rows)),
      cell('counts', { class: 'num', 'data-testid': 'history-counts' }, [c.create, c.update, c.decommission, c.errorRows].map((n) => tx.num(n)).join(' / ')),
      cell('uploadedBy', {}, u.uploadedBy), cell('when', {}, tx.dateTime(u.createdAt)),
      cell('state', { class: 'state-cell', 'data-testid': 'history-state', title: stateText(u, tx) }, stateText(u, tx, true)),
      cell('actions', { class: 'actions-cell' }, el('div', { class: 'row-actions' }, ...buttons(u, tx))));
    if (busy?.id !== u.id) return [row];
    const label = tx.t(PHASE_WORDS[busy.action]);
    const progress = el('tr', { class: 'row-progress', 'data-testid': 'history-progress', 'data-progress-of': String(u.id) },
      el('td', { colspan: String(COLUMNS.length + 1), role: 'status' }, el('span', {}, label), el('progress', { 'aria-label': label })));
    return [row, progress];
  }

  function render() {
    const tx = getTexts();
    const head = el('tr', {}, el('th', { scope: 'col' }, '#'), ...COLUMNS.map((w) => el('th', { scope: 'col' }, tx.t(w))));
    body.replaceChildren(page.uploads.length
      ? el('table', { class: 'stack-narrow', 'data-testid': 'history-table' }, el('thead', {}, head), el('tbody', {}, ...page.uploads.flatMap((u) => rows(u, tx))))
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

  /** An action starts (or, with null, ends) on an upload; the row keeps the busy state across a re-render. */
  function setBusy(next: { id: number; action: UploadAction } | null) {
    busy = next;
    render();
    if (next) root.querySelector(`[data-testid="history-progress"][data-progress-of="${next.id}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  return { refresh: () => load(before, false), first: () => load(undefined, true), render, setBusy };
}
