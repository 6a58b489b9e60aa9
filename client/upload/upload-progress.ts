import type { Progress } from './upload-api.js';
import { $ } from './upload-dom.js';
import type { Texts } from './upload-i18n.js';

/**
 * The progress bar of one upload: determinate while the bytes go up (XHR upload progress) and
 * while the server reads the file (its NDJSON bytes/totalBytes), indeterminate while it
 * checks and saves (no total to measure against). data-phases keeps the phases seen, in
 * order, for whoever needs to know what the operator was shown.
 */
export function createProgressView(root: HTMLElement, getTexts: () => Texts) {
  const bar = $<HTMLProgressElement>('progress', root);
  const label = $('[data-part="label"]', root);
  const figure = $('[data-part="figure"]', root);
  let last: Progress | null = null;

  const percent = (share: number) => getTexts().num(Math.min(100, Math.floor(share * 100))) + ' %';
  const bytes = (n: number) => `${getTexts().num(n / 1024 / 1024, 1)} MB`;

  function render() {
    if (!last) return;
    const tx = getTexts();
    const p = last;
    let share: number | null = null;
    if (p.phase === 'upload') {
      share = p.total ? p.loaded / p.total : null;
      label.textContent = tx.t('phaseUpload');
      figure.textContent = p.total ? `${percent(share ?? 0)} · ${bytes(p.loaded)} / ${bytes(p.total)}` : bytes(p.loaded);
    } else if (p.phase === 'reading') {
      share = p.totalBytes ? p.bytes / p.totalBytes : null;
      label.textContent = tx.t('phaseReading');
      figure.textContent = `${tx.t('rowsRead', { rows: p.rows })}${share === null ? '' : ` · ${percent(share)}`}`;
    } else if (p.phase === 'checking' || p.phase === 'saving') {
      label.textContent = tx.t(p.phase === 'checking' ? 'phaseChecking' : 'phaseSaving', { rows: p.rows });
      figure.textContent = '';
    } else {
      // One transaction on the server: nothing to count while it runs, only that it does.
      label.textContent = tx.t(p.phase === 'commit' ? 'phaseCommit' : p.phase === 'rollback' ? 'phaseRollback' : 'phaseDiscard');
      figure.textContent = '';
    }
    if (share === null) bar.removeAttribute('value');
    else bar.value = share;
    bar.setAttribute('aria-valuetext', `${label.textContent} ${figure.textContent}`.trim());
  }

  return {
    start(first: Progress = { phase: 'upload', loaded: 0, total: null }) {
      root.dataset.phases = first.phase;
      root.hidden = false;
      last = first;
      render();
    },
    update(p: Progress) {
      const seen = (root.dataset.phases ?? '').split(',').filter(Boolean);
      if (seen.at(-1) !== p.phase) root.dataset.phases = [...seen, p.phase].join(',');
      last = p;
      render();
    },
    stop() { root.hidden = true; last = null; },
    render,
  };
}
