import { uploadApi, type Issue, type UploadView } from './upload-api.js';
import { $, clippedValue, el, pageCount, pager } from './upload-dom.js';
import type { Texts, Word } from './upload-i18n.js';

const PAGE_SIZE = 50;
const SEARCH_PAUSE_MS = 300;

const matches = (q: string) => (i: Issue) =>
  [i.code, i.field, i.message, i.value, i.row].some((v) => String(v ?? '').toLowerCase().includes(q));

/**
 * The rows in error and the warnings of one upload, a page at a time, filtered by severity,
 * by column (field) and by a text search. The search runs on the server (q); a server that does not know q
 * yet answers without it, and then this page is filtered here.
 */
export function createIssuesView(root: HTMLElement, getTexts: () => Texts, onError: (err: unknown) => void) {
  const severity = $<HTMLSelectElement>('[data-testid="issues-severity"]', root);
  const field = $<HTMLSelectElement>('[data-testid="issues-field"]', root);
  const search = $<HTMLInputElement>('[data-testid="issues-search"]', root);
  const csv = $<HTMLAnchorElement>('[data-testid="issues-csv"]', root);
  const body = $('[data-part="table"]', root);
  const summary = $('[data-part="summary"]', root);
  let upload: UploadView | null = null;
  let page = 1;
  let state: { issues: Issue[]; total: number; filteredHere: boolean } = { issues: [], total: 0, filteredHere: false };
  let asked = 0;

  function render() {
    const tx = getTexts();
    if (!upload) return;
    csv.href = uploadApi.issuesCsvUrl(upload.id, tx.lang);
    const shown = state.issues.length;
    summary.textContent = `${tx.t('issuesTotal', { n: state.filteredHere ? shown : state.total })}${state.filteredHere ? ` ${tx.t('filteredHere')}` : ''}`;
    const head = el('tr', {}, ...(['row', 'severity', 'issueCode', 'field', 'reason', 'value'] as Word[]).map((w) => el('th', { scope: 'col' }, tx.t(w))));
    const cell = (word: Word, attrs: Record<string, string>, ...content: (Node | string)[]) => el('td', { ...attrs, 'data-label': tx.t(word) }, ...content);
    const lines = state.issues.map((i) => el('tr', { class: `is-${i.severity}` },
      cell('row', { class: 'num' }, i.row === null ? tx.t('wholeFile') : tx.num(i.row)),
      cell('severity', {}, el('span', { class: `badge is-${i.severity}` }, tx.t(i.severity))),
      cell('issueCode', {}, el('code', {}, i.code)), cell('field', { title: i.field ?? '' }, fieldLabel(i.field, tx)),
      cell('reason', { class: 'reason', 'data-testid': 'issue-reason' }, i.message),
      cell('value', { class: 'value' }, i.value ? clippedValue(tx, i.value) : '')));
    body.replaceChildren(shown ? el('table', { class: 'stack-narrow', 'data-testid': 'issues-table' }, el('thead', {}, head), el('tbody', {}, ...lines)) : empty(tx),
      pager(tx, { page, pages: state.filteredHere ? null : pageCount(state.total, PAGE_SIZE), hasNext: false }, (p) => void load(p), 'issues-pager'));
  }

  const filtered = () => Boolean(severity.value || field.value || search.value.trim());

  /** No item: either the upload has none, or the filter leaves none, and then a way back to all of them. */
  function empty(tx: Texts): HTMLElement {
    if (!filtered()) return el('p', { class: 'hint', 'data-testid': 'issues-empty' }, tx.t('noIssues'));
    return el('p', { class: 'hint', 'data-testid': 'issues-no-match' }, tx.t('noMatch'), ' ',
      el('button', { type: 'button', 'data-testid': 'issues-clear-filter', onclick: () => { clearFilter(); void load(1); } }, tx.t('clearFilter')));
  }

  function clearFilter() {
    severity.value = '';
    field.value = '';
    search.value = '';
  }

  async function load(p: number) {
    if (!upload) return;
    const tx = getTexts();
    const q = search.value.trim().toLowerCase();
    const ask = ++asked;
    try {
      const { body: r, dropped } = await uploadApi.issues(upload.id,
        { page: p, pageSize: PAGE_SIZE, severity: severity.value || undefined, field: field.value || undefined, q: q || undefined, lang: tx.lang });
      if (ask !== asked) return; // a newer filter is on its way: this answer is out of date
      const filteredHere = Boolean(q) && dropped.includes('q');
      state = { issues: filteredHere ? r.issues.filter(matches(q)) : r.issues, total: r.total, filteredHere };
      page = p;
      root.dataset.loaded = `${upload.id}:${severity.value}:${field.value}:${q}:${p}`;
      render();
    } catch (err) { onError(err); }
  }

  let pause: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => { clearTimeout(pause); pause = setTimeout(() => void load(1), SEARCH_PAUSE_MS); });
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); clearTimeout(pause); void load(1); } });
  severity.addEventListener('change', () => void load(1));
  field.addEventListener('change', () => void load(1));
  return {
    open(u: UploadView) { upload = u; clearFilter(); root.hidden = false; return load(1); },
    /** The messages come in the page's language: ask again rather than only re-label. */
    reload: () => load(page),
    render,
  };
}

/** A column by the words of the page's language (the file's own header words), its key on hover. */
const FIELD_WORDS: Record<string, Word> = {
  station_code: 'code', technology: 'technology', latitude: 'lat', longitude: 'lon', status: 'status',
  commissioned_on: 'commissionedOn', decommissioned_on: 'decommissionedOn', name: 'name', operator: 'operator',
};
function fieldLabel(field: string | null, tx: Texts): string {
  if (field === null) return '';
  const word = FIELD_WORDS[field];
  return word ? tx.t(word) : field;
}

