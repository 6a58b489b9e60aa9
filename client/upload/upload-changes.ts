import { uploadApi, type Change, type StationState, type UploadView } from './upload-api.js';
import { $, clippedValue, el, pageCount, pager } from './upload-dom.js';
import type { Texts, Word } from './upload-i18n.js';

const PAGE_SIZE = 25;
const ACTION_WORDS: Record<Change['action'], Word> = { create: 'actCreate', update: 'actUpdate', decommission: 'actDecommission' };
const FIELDS: { key: keyof StationState; word: Word }[] = [
  { key: 'name', word: 'name' }, { key: 'lat', word: 'lat' }, { key: 'lon', word: 'lon' }, { key: 'status', word: 'status' },
  { key: 'commissionedOn', word: 'commissionedOn' }, { key: 'decommissionedOn', word: 'decommissionedOn' },
];

/**
 * "What would change": the planned changes of one upload, a page at a time, each field as
 * before → after with the changed ones marked; a new station has an "after" only.
 */
export function createChangesView(root: HTMLElement, getTexts: () => Texts, onError: (err: unknown) => void) {
  const filter = $<HTMLSelectElement>('[data-testid="changes-action"]', root);
  const body = $('[data-part="table"]', root);
  let upload: UploadView | null = null;
  let page = 1;
  let rows: Change[] = [];

  function show(value: StationState[keyof StationState], key: keyof StationState, tx: Texts): string {
    if (value === null || value === '') return '—';
    if (key === 'lat' || key === 'lon') return tx.num(Number(value), 6);
    if (key === 'status') return tx.t(value as Word);
    if (key === 'commissionedOn' || key === 'decommissionedOn') return tx.date(String(value));
    return String(value);
  }

  function cell(c: Change, f: (typeof FIELDS)[number], tx: Texts): HTMLElement {
    const { key } = f;
    const attrs = { 'data-label': tx.t(f.word), ...(key === 'name' ? { class: 'value' } : {}) };
    const text = (v: string) => (key === 'name' ? clippedValue(tx, v) : v);
    const after = show(c.after[key], key, tx);
    if (!c.before || c.before[key] === c.after[key]) return el('td', attrs, text(after));
    const before = show(c.before[key], key, tx);
    return el('td', { ...attrs, class: `${attrs.class ?? ''} changed`.trim() }, el('del', {}, text(before)), ' → ', el('ins', {}, text(after)));
  }

  function render() {
    const tx = getTexts();
    if (!upload) return;
    const c = upload.counts;
    const total = filter.value ? c[filter.value as 'create'] : c.create + c.update + c.decommission;
    $('h2', root).textContent = tx.t(upload.state === 'previewed' ? 'changes' : 'changesDone');
    const head = el('tr', {}, ...(['code', 'technology', 'action', 'row'] as Word[]).map((w) => el('th', { scope: 'col' }, tx.t(w))),
      ...FIELDS.map((f) => el('th', { scope: 'col' }, tx.t(f.word))));
    const lines = rows.map((ch) => el('tr', { class: `is-${ch.action}`, 'data-code': ch.code },
      el('td', { 'data-label': tx.t('code') }, ch.code), el('td', { 'data-label': tx.t('technology') }, ch.technology),
      el('td', { 'data-label': tx.t('action') }, el('span', { class: `badge is-${ch.action}` }, tx.t(ACTION_WORDS[ch.action]))),
      el('td', { class: 'num', 'data-label': tx.t('row') }, ch.rowNumber === null ? '—' : tx.num(ch.rowNumber)), ...FIELDS.map((f) => cell(ch, f, tx))));
    body.replaceChildren(rows.length
      ? el('table', { class: 'stack-narrow', 'data-testid': 'changes-table' }, el('thead', {}, head), el('tbody', {}, ...lines))
      : el('p', { class: 'hint' }, tx.t('noChanges')),
    pager(tx, { page, pages: pageCount(total, PAGE_SIZE) }, (p) => void load(p), 'changes-pager'));
  }

  async function load(p: number) {
    if (!upload) return;
    const id = upload.id;
    try {
      const r = await uploadApi.changes(id, { page: p, pageSize: PAGE_SIZE, action: filter.value || undefined });
      if (upload?.id !== id) return; // another upload was opened meanwhile
      page = p;
      rows = r.changes;
      root.dataset.loaded = `${id}:${filter.value}:${p}`;
      render();
    } catch (err) { onError(err); }
  }

  filter.addEventListener('change', () => void load(1));
  return {
    open(u: UploadView) { upload = u; filter.value = ''; root.hidden = false; return load(1); },
    update(u: UploadView) { upload = u; render(); },
    render,
  };
}
