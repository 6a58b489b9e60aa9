import type { UploadView } from './upload-api.js';
import { el } from './upload-dom.js';
import type { Texts, Word } from './upload-i18n.js';

/**
 * The head of an opened upload: what file, for whom, what it would do (counts), what it
 * would skip, and the commit button. Only a preview can be committed, and only by a role
 * that uploads.
 */
export function renderSummary(host: HTMLElement, u: UploadView, tx: Texts, opts: { canAct: boolean; onCommit(u: UploadView): void; onDiscard(u: UploadView): void }): void {
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
    ...pair(tx.t('rows'), tx.num(u.rows), 'rows'), ...pair(tx.t('format'), `${u.format}${u.sheet ? ` · ${u.sheet}` : ''} · ${sizeText(u.bytes, tx)}`),
    ...pair('SHA-256', `${u.sha256.slice(0, 12)}…`, 'sha256'), ...pair(tx.t('uploadedBy'), tx.t('by', { who: u.uploadedBy, when: tx.dateTime(u.createdAt) })),
    ...pair(tx.t('state'), stateText(u, tx), 'state'));

  const open = u.state === 'previewed';
  // The server refuses it too (replace_with_errors): said here before anyone clicks.
  const blocked = open && u.mode === 'replace' && c.errorRows > 0;
  const commit = el('button', { type: 'button', class: 'primary', 'data-testid': 'commit', disabled: !opts.canAct || blocked,
    onclick: () => opts.onCommit(u) }, tx.t('commit'));
  const discard = el('button', { type: 'button', 'data-testid': 'discard', disabled: !opts.canAct,
    onclick: () => opts.onDiscard(u) }, tx.t('discard'));
  const replacing = u.mode === 'replace' && c.decommission > 0;
  host.replaceChildren(
    el('h2', { 'data-testid': 'preview-title' }, `${tx.t(open ? 'preview' : 'uploadNo')} #${u.id}: `, el('span', { class: 'file-name', 'data-testid': 'preview-file' }, u.fileName)),
    meta, stats,
    ...(u.columns.unknown.length ? [el('p', { class: 'hint', 'data-testid': 'unknown-columns' }, tx.t('unknownColumns', { columns: u.columns.unknown.join(', ') }))] : []),
    ...(c.errorRows && !blocked ? [el('p', { class: 'warning-line', 'data-testid': 'skipped' }, tx.t(open ? 'skipped' : 'skippedDone', { n: c.errorRows }))] : []),
    ...(open && replacing ? [el('p', { class: 'warning-line strong', 'data-testid': 'replace-line' }, tx.t('replaceLine', { n: c.decommission, operator: u.operator, share: shareText(u, tx) }))] : []),
    ...(blocked ? [el('p', { class: 'warning-line strong', 'data-testid': 'replace-blocked' }, tx.t('replaceBlocked', { n: c.errorRows }))] : []),
    ...(open ? [el('div', { class: 'actions' }, commit, discard)] : []));
}

/** The share of the operator's stations a replace decommissions: "99,7 %". */
export function shareText(u: UploadView, tx: Texts): string {
  const all = u.counts.operatorStations;
  return all ? `${tx.num((100 * u.counts.decommission) / all, 1)} %` : '?';
}

function sizeText(bytes: number, tx: Texts): string {
  return bytes >= 1024 * 1024 ? `${tx.num(bytes / 1024 / 1024, 1)} MB` : `${tx.num(bytes / 1024, 1)} kB`;
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
