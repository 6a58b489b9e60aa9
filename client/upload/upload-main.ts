import { fetchHistory, fetchIssues, postAction, sendUpload, type Issue, type UploadView } from './upload-api.js';
import { WORDS, type Lang, type Word } from './upload-i18n.js';

// Every text from a file or the server goes through textContent: never innerHTML with data.
const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
let lang: Lang = (localStorage.getItem('lang') as Lang | null) ?? 'vi';
let current: UploadView | null = null;
let page = 1;
let pageIssues: Issue[] = [];
const t = (w: Word) => WORDS[lang][w];

function el(tag: string, text?: string | number | null, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n as Word); });
  document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder as Word); });
  $('#lang').textContent = t('other');
  if (current) renderPreview(current);
  renderIssues();
  void renderHistory();
}

function setStatus(text: string, share?: number | null) {
  $('#status').textContent = text;
  const bar = $<HTMLProgressElement>('#progress');
  bar.hidden = share === undefined;
  if (share === null) bar.removeAttribute('value');
  else if (share !== undefined) bar.value = share;
}

async function upload(file: File) {
  const form = new FormData($<HTMLFormElement>('#form'));
  form.delete('file');
  for (const k of ['sheet', 'uploadedBy']) if (!String(form.get(k) ?? '').trim()) form.delete(k);
  form.append('file', file, file.name);
  try {
    setStatus(t('uploading'), 0);
    current = await sendUpload(form, (share) => setStatus(share === null ? t('checking') : t('uploading'), share));
    setStatus('');
    page = 1;
    renderPreview(current);
    await loadIssues();
    await renderHistory();
  } catch (err) {
    setStatus((err as Error).message);
  }
}

function renderPreview(u: UploadView) {
  $('#preview').hidden = false;
  const dl = $('#counts');
  dl.replaceChildren();
  const pairs: [Word, number][] = [['create', u.counts.create], ['update', u.counts.update], ['unchanged', u.counts.unchanged],
    ...(u.mode === 'replace' ? [['decommission', u.counts.decommission] as [Word, number]] : []), ['errorRows', u.counts.errorRows], ['warningsCount', u.counts.warnings]];
  dl.append(el('dt', t('file')), el('dd', `${u.fileName} (${u.operator}, ${u.rows})`));
  for (const [w, n] of pairs) dl.append(el('dt', t(w)), el('dd', n));
  dl.append(el('dt', t('state')), el('dd', t(u.state)));
  $<HTMLButtonElement>('#commit').disabled = u.state !== 'previewed';
  $<HTMLAnchorElement>('#errors-csv').href = `/api/uploads/${u.id}/errors?format=csv`;
}

async function loadIssues() {
  if (!current) return;
  const r = await fetchIssues(current.id, page, $<HTMLSelectElement>('#severity').value);
  pageIssues = r.issues;
  $('#page').textContent = `${page} / ${Math.max(1, Math.ceil(r.total / 50))}`;
  $<HTMLButtonElement>('#next').disabled = page * 50 >= r.total;
  $<HTMLButtonElement>('#prev').disabled = page === 1;
  renderIssues();
}

function renderIssues() {
  const q = $<HTMLInputElement>('#filter').value.trim().toLowerCase();
  const body = $('#issues tbody');
  body.replaceChildren(...pageIssues
    .filter((i) => !q || [i.row, i.field, i.message, i.value].some((v) => String(v ?? '').toLowerCase().includes(q)))
    .map((i) => {
      const tr = el('tr', undefined, i.severity);
      tr.append(el('td', i.row ?? t('file_level')), el('td', t(i.severity === 'error' ? 'errors' : 'warnings')), el('td', i.field), el('td', i.message), el('td', i.value));
      return tr;
    }));
}

async function renderHistory() {
  const { uploads } = await fetchHistory().catch(() => ({ uploads: [] as UploadView[] }));
  $('#history tbody').replaceChildren(...uploads.map((u) => {
    const tr = el('tr');
    const action = el('td');
    if (u.state === 'committed') {
      const b = el('button', t('rollback')) as HTMLButtonElement;
      b.type = 'button';
      b.onclick = async () => {
        if (!confirm(t('confirmRollback'))) return;
        try { await postAction(u.id, 'rollback', who()); setStatus(t('rolledBack')); } catch (err) { setStatus((err as Error).message); }
        await renderHistory();
      };
      action.append(b);
    }
    tr.append(el('td', u.id), el('td', u.fileName), el('td', u.operator), el('td', t(u.state)), el('td', new Date(u.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')), action);
    return tr;
  }));
}

const who = () => $<HTMLInputElement>('[name=uploadedBy]').value.trim();

function wire() {
  const drop = $('#drop'), input = $<HTMLInputElement>('#file');
  drop.onclick = () => input.click();
  drop.onkeydown = (e) => { if (e.key === 'Enter' || e.key === ' ') input.click(); };
  drop.ondragover = (e) => { e.preventDefault(); drop.classList.add('over'); };
  drop.ondragleave = () => drop.classList.remove('over');
  drop.ondrop = (e) => { e.preventDefault(); drop.classList.remove('over'); const f = e.dataTransfer?.files[0]; if (f) void upload(f); };
  input.onchange = () => { const f = input.files?.[0]; if (f) void upload(f); input.value = ''; };
  $('#commit').onclick = async () => {
    if (!current) return;
    try { current = await postAction(current.id, 'commit', who()); renderPreview(current); setStatus(t('done')); } catch (err) { setStatus((err as Error).message); }
    await renderHistory();
  };
  $('#filter').oninput = renderIssues;
  $('#severity').onchange = () => { page = 1; void loadIssues(); };
  $('#prev').onclick = () => { page = Math.max(1, page - 1); void loadIssues(); };
  $('#next').onclick = () => { page++; void loadIssues(); };
  $('#lang').onclick = () => { lang = lang === 'vi' ? 'en' : 'vi'; localStorage.setItem('lang', lang); applyLanguage(); };
}

wire();
applyLanguage();
