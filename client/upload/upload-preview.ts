import type { UploadView } from './upload-api.js';

export type UploadAction = 'commit' | 'rollback' | 'discard';
import { el } from './upload-dom.js';
import type { Texts, Word } from './upload-i18n.js';

/**
 * The head of an opened upload: what file, for whom, what it would do (counts), what it
 * would skip, and the commit button. Only a preview can be committed, and only by a role
 * that uploads. `locked`: an action runs (on this upload when `busy` names it).
 */
export function renderSummary(host: HTMLElement, u: UploadView, tx: Texts,
  opts: { canAct: boolean; locked: boolean; busy: UploadAction | null; onCommit(u: UploadView): void; onDiscard(u: UploadView): void }): void {
  const c = u.counts;
  host.dataset.upload = String(u.id);
  host.dataset.state = u.state;
  const stat = (word: Word, n: number, key: string, cls = '') =>
    el('div', { class: `stat ${cls}`.trim(), 'data-testid': `count-${key}` },
      el('div', { class: 'stat-value' }, tx.num(n)), el('div', { class: 'stat-label' }, tx.t(word)));
  const stats = el('div', { class: 'stats upload-stats' },
    stat('create', c.create, 'create'), stat('update', c.update, 'update'), stat('unchanged', c.unchanged, 'unchanged'),
    ...(u.mode === 'replace' ? [stat('decommission', c.decommission, 'decommission', 'stat-key')] : []),
    stat('errorRows', c.errorRows, 'errorRows', c.errorRows ? 'stat-bad' : ''), stat('warnings', c.warnings, 'warnings'));

  const meta = el('dl', { class: 'meta', 'data-testid': 'preview-meta' },
    ...pair(tx.t('operator'), u.operator), ...pair(tx.t('mode'), tx.t(u.mode)),
    ...pair(tx.t('rows'), tx.num(u.rows), 'rows'), ...pair(tx.t('format'), `${u.format}${u.sheet ? ` · ${u.sheet}` : ''} · ${tx.bytes(u.bytes)}`),
    ...pair('SHA-256', `${u.sha256.slice(0, 12)}…`, 'sha256'), ...pair(tx.t('uploadedBy'), tx.t('by', { who: u.uploadedBy, when: tx.dateTime(u.createdAt) })),
    ...pair(tx.t('state'), stateText(u, tx), 'state'));

  const open = u.state === 'previewed';
  // The server refuses it too (replace_with_errors): said here before anyone clicks.
  const blocked = open && u.mode === 'replace' && c.errorRows > 0;
  const empty = open && !blocked && nothingToApply(u);
  const commit = el('button', { type: 'button', class: 'primary', 'data-testid': 'commit', disabled: !opts.canAct || blocked || empty || opts.locked,
    ...(empty ? { 'aria-describedby': 'nothing-to-apply' } : {}), onclick: () => opts.onCommit(u) }, tx.t(opts.busy === 'commit' ? 'busyCommit' : 'commit'));
  const discard = el('button', { type: 'button', 'data-testid': 'discard', disabled: !opts.canAct || opts.locked,
    onclick: () => opts.onDiscard(u) }, tx.t(opts.busy === 'discard' ? 'busyDiscard' : 'discard'));
  const replacing = u.mode === 'replace' && c.decommission > 0;
  host.replaceChildren(
    el('h2', { 'data-testid': 'preview-title' }, `${tx.t(open ? 'preview' : 'uploadNo')} #${u.id}: `, el('span', { class: 'file-name', 'data-testid': 'preview-file' }, u.fileName)),
    meta, stats,
    ...(u.columns.unknown.length ? [el('p', { class: 'hint', 'data-testid': 'unknown-columns' }, tx.t('unknownColumns', { columns: u.columns.unknown.join(', ') }))] : []),
    ...(empty ? [el('p', { class: 'warning-line strong', id: 'nothing-to-apply', 'data-testid': 'nothing-to-apply' }, tx.t(c.errorRows ? 'nothingToApply' : 'nothingChanges'))] : []),
    ...(c.errorRows && !blocked && !empty ? [el('p', { class: 'warning-line', 'data-testid': 'skipped' }, tx.t(open ? 'skipped' : 'skippedDone', { n: c.errorRows }))] : []),
    ...(open && replacing ? [el('p', { class: 'warning-line strong', 'data-testid': 'replace-line' }, tx.t('replaceLine', { n: c.decommission, operator: u.operator, share: shareText(u, tx) }))] : []),
    ...(blocked ? [el('p', { class: 'warning-line strong', 'data-testid': 'replace-blocked' }, tx.t('replaceBlocked', { n: c.errorRows }))] : []),
    ...(open ? [el('div', { class: 'actions' }, commit, discard)] : []));
}

/** A preview that would create, update and decommission nothing: committing it only records an empty upload. */
export function nothingToApply(u: UploadView): boolean {
  return u.counts.create + u.counts.update + u.counts.decommission === 0;
}

/** The share of the operator's stations a replace decommissions: "99,7 %". */
export function shareText(u: UploadView, tx: Texts): string {
  const all = u.counts.operatorStations;
  return all ? `${tx.num((100 * u.counts.decommission) / all, 1)} %` : '?';
}

function pair(term: string, value: string, testid?: string): HTMLElement[] {
  return [el('dt', {}, term), el('dd', testid ? { 'data-testid': `meta-${testid}` } : {}, value)];
}

/**
 * "Committed — lan, 12/06/2025 10:30" (or rolled back, discarded), from the upload's own record.
 * `short`: for the history's cell, a superseded preview says only by which upload.
 */
export function stateText(u: UploadView, tx: Texts, short = false): string {
  const state = tx.t(u.state);
  if (u.state === 'committed' && u.committedBy && u.committedAt) return `${state} — ${tx.t('by', { who: u.committedBy, when: tx.dateTime(u.committedAt) })}`;
  if (u.state === 'rolled_back' && u.rolledBackBy && u.rolledBackAt) return `${state} — ${tx.t('by', { who: u.rolledBackBy, when: tx.dateTime(u.rolledBackAt) })}`;
  if (u.state === 'discarded' && u.supersededBy !== null) return `${state} — ${tx.t(short ? 'supersededShort' : 'supersededBy', { id: String(u.supersededBy) })}`;
  if (u.state === 'discarded' && u.discardedBy && u.discardedAt) return `${state} — ${tx.t('by', { who: u.discardedBy, when: tx.dateTime(u.discardedAt) })}`;
  return state;
}
