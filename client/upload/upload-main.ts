import '../styles.css';
import './upload.css';
import '../auth/account-menu.js'; // mounts itself in .header-tools: the account's name and "sign out"
import { canUpload, type Me } from '../auth/auth-api.js';
import { ApiError, loadAccount, uploadApi, type UploadView } from './upload-api.js';
import { createChangesView } from './upload-changes.js';
import { $, applyWords, clearMessage, confirmInPage, el, showMessage } from './upload-dom.js';
import { describeError } from './upload-errors.js';
import { createHistoryView } from './upload-history.js';
import { followLangChanges, pageLang, rememberLang } from '../lang.js';
import { texts, type Lang } from './upload-i18n.js';
import { createIssuesView } from './upload-issues.js';
import { learnUploadLimit, loadUploadLimit, uploadMaxBytes } from './upload-limit.js';
import { renderSummary, shareText, type UploadAction } from './upload-preview.js';
import { createProgressView } from './upload-progress.js';
import { sheetButtons, sheetChoices } from './upload-sheets.js';

let tx = texts(pageLang());
const getTexts = () => tx;
let me: Me;
let current: UploadView | null = null;
/** One thing at a time: a file being sent and read, or an action on an upload. */
let busy: { file: File } | { id: number; action: UploadAction } | null = null;

const form = $<HTMLFormElement>('#form');
const operatorSelect = $<HTMLSelectElement>('#operator');
const modeSelect = $<HTMLSelectElement>('#mode');
const sheetInput = $<HTMLInputElement>('#sheet');
/** The file a sheet button filled the sheet field for: another file starts without it (a typed sheet stays). */
let sheetChosenFor: File | null = null;
sheetInput.addEventListener('input', () => { sheetChosenFor = null; });
const fileInput = $<HTMLInputElement>('#file');
const drop = $('#drop');
const message = $('#message');
const canAct = () => canUpload(me?.user?.role);
const langQuery = (sep: '?' | '&') => (tx.lang === 'en' ? `${sep}lang=en` : '');
const loginHref = () => `/login.html?next=${encodeURIComponent('/upload.html')}${langQuery('&')}`;

function fail(err: unknown): void {
  const signIn = err instanceof ApiError && err.status === 401 ? el('a', { href: loginHref() }, tx.lang === 'vi' ? 'Đăng nhập' : 'Sign in') : undefined;
  showMessage(message, tx, 'error', describeError(err, tx), signIn);
  message.scrollIntoView({ block: 'nearest' });
}

const isWorkbook = (file: File) => /\.xlsx$/i.test(file.name);

/**
 * A refused file, named: what the server said, and for a workbook the other sheets it has, as
 * buttons that send the same file again with that sheet (or, when the refusal lists none, how
 * to name one).
 */
function failFile(err: unknown, file: File): void {
  learnUploadLimit(err);
  renderDrop();
  const sheets = isWorkbook(file) ? sheetChoices(err).others : [];
  const choose = (sheet: string) => { sheetInput.value = sheet; sheetChosenFor = file; void upload(file); };
  const reason = err instanceof ApiError ? (err.details as { reason?: unknown } | null)?.reason : undefined;
  const more = sheets.length ? [sheetButtons(tx, sheets, choose)]
    : isWorkbook(file) && reason === 'missing_columns' ? [el('p', { class: 'message-detail', 'data-testid': 'sheet-hint' }, tx.t('sheetHint'))] : [];
  showMessage(message, tx, 'error', describeError(err, tx, { file, maxBytes: uploadMaxBytes() }), undefined, { file: file.name, more });
  message.scrollIntoView({ block: 'nearest' });
}

function succeed(text: string, link?: Node): void {
  showMessage(message, tx, 'ok', text, link);
  message.scrollIntoView({ block: 'nearest' });
}

const progress = createProgressView($('#progress'), getTexts);
const changes = createChangesView($('#changes'), getTexts, fail);
const issues = createIssuesView($('#issues'), getTexts, fail);
const history = createHistoryView($('#history'), getTexts, { get canAct() { return canAct(); }, open: (u) => void openUpload(u), commit, rollback, discard }, fail);

function renderCurrent(): void {
  if (!current) return;
  const acting = busy && 'action' in busy ? busy : null;
  renderSummary($('#preview'), current, tx, {
    canAct: canAct(), locked: acting !== null, busy: acting?.id === current.id ? acting.action : null, onCommit: commit, onDiscard: discard,
  });
}

/** A new file is on its way: the last one's preview goes, so nobody commits it taking it for the new one. */
function hidePreview(): void {
  current = null;
  const preview = $('#preview');
  preview.hidden = true;
  delete preview.dataset.upload;
  delete preview.dataset.state;
  preview.replaceChildren();
  $('#changes').hidden = true;
  $('#issues').hidden = true;
}

/** The drop zone: what to drop and the size limit, or, while a file is processed, which one. */
function renderDrop(): void {
  const file = busy && 'file' in busy ? busy.file : null;
  drop.classList.toggle('busy', file !== null);
  if (file) drop.setAttribute('aria-busy', 'true');
  else drop.removeAttribute('aria-busy');
  $('[data-part="title"]', drop).textContent = file ? tx.t('processing', { file: file.name }) : tx.t('drop');
  $('#drop-limit').textContent = tx.t('sizeLimit', { size: tx.bytes(uploadMaxBytes()) });
}

const dropNote = $('#drop-note');
function noteDropNote(text: string | null): void {
  dropNote.hidden = text === null;
  dropNote.textContent = text ?? '';
}

async function openUpload(u: UploadView): Promise<void> {
  current = u;
  $('#preview').hidden = false;
  renderCurrent();
  await Promise.all([changes.open(u), issues.open(u)]);
  $('#preview').scrollIntoView({ block: 'start' });
}

/** After a commit or rollback: the opened upload and the history show the new state. */
async function refreshAfter(u: UploadView): Promise<void> {
  if (current?.id === u.id) { current = u; renderCurrent(); changes.update(u); }
  await history.refresh();
}

/**
 * One action on an upload at a time (a second click while the server works is ignored), shown
 * while it runs, and the page brought up to date after it, done or refused: a refusal often
 * means the upload changed state (a preview made stale is set aside).
 */
async function act(u: UploadView, action: UploadAction, onDone: (done: UploadView) => void): Promise<void> {
  if (busy) return;
  busy = { id: u.id, action };
  clearMessage(message); // the last result is about something else: gone while this one runs
  renderCurrent();
  history.setBusy(busy);
  progress.start({ phase: action });
  try {
    const done = await uploadApi.act(u.id, action, tx.lang);
    onDone(done);
    await refreshAfter(done);
  } catch (err) {
    fail(err);
    await refreshAfter(await uploadApi.upload(u.id).catch(() => u));
  } finally {
    progress.stop();
    busy = null;
    history.setBusy(null);
    renderCurrent();
  }
}

async function commit(u: UploadView): Promise<void> {
  if (u.counts.errorRows && !(await confirmInPage(tx, tx.t('confirmCommitErrors', { n: u.counts.errorRows })))) return;
  if (u.mode === 'replace' && u.counts.decommission > 0) {
    // Decommissioning is what a replace does: asked every time, and in stronger words for most of the list.
    const most = u.counts.decommission * 2 > (u.counts.operatorStations ?? 0);
    const vars = { n: u.counts.decommission, operator: u.operator, share: shareText(u, tx) };
    if (!(await confirmInPage(tx, tx.t(most ? 'confirmReplaceMost' : 'confirmReplace', vars)))) return;
  }
  await act(u, 'commit', (done) => {
    const map = el('a', { href: `./?operator=${encodeURIComponent(done.operator)}${langQuery('&')}`, 'data-testid': 'see-map' }, tx.t('seeMap'));
    succeed(tx.t('committedLine', { id: String(done.id), create: done.counts.create, update: done.counts.update, decommission: done.counts.decommission }), map);
  });
}

async function rollback(u: UploadView): Promise<void> {
  if (!(await confirmInPage(tx, tx.t('confirmRollback', { id: String(u.id), file: u.fileName })))) return;
  await act(u, 'rollback', (done) => succeed(tx.t('rolledBackLine', { id: String(done.id) })));
}

async function discard(u: UploadView): Promise<void> {
  if (!(await confirmInPage(tx, tx.t('confirmDiscard', { id: String(u.id), file: u.fileName })))) return;
  await act(u, 'discard', (done) => succeed(tx.t('discardedLine', { id: String(done.id) })));
}

async function upload(file: File): Promise<void> {
  if (!canAct()) return;
  if (busy) {
    // Said where it was dropped: the file is not sent, and not silently.
    const other = file.name;
    noteDropNote('file' in busy ? tx.t('busyWithFile', { file: busy.file.name, other }) : tx.t('busyWithAction', { other }));
    return;
  }
  noteDropNote(null);
  if (!operatorSelect.value) { showMessage(message, tx, 'error', tx.t('needOperator')); operatorSelect.focus(); return; }
  hidePreview();
  if (file.size > uploadMaxBytes()) {
    const text = tx.t('tooLargeHere', { size: tx.bytes(file.size), max: tx.bytes(uploadMaxBytes()) });
    showMessage(message, tx, 'error', text, undefined, { file: file.name });
    return;
  }
  if (sheetChosenFor && sheetChosenFor !== file) { sheetInput.value = ''; sheetChosenFor = null; }
  const body = new FormData();
  body.append('operator', operatorSelect.value);
  body.append('mode', modeSelect.value);
  body.append('lang', tx.lang); // a refused file is said in the page's language
  if (sheetInput.value.trim()) body.append('sheet', sheetInput.value.trim());
  body.append('file', file, file.name);
  busy = { file };
  renderDrop();
  form.setAttribute('aria-busy', 'true');
  clearMessage(message);
  progress.start();
  try {
    const preview = await uploadApi.send(body, tx.lang, progress.update);
    progress.stop();
    await openUpload(preview);
    await history.first();
  } catch (err) {
    progress.stop();
    failFile(err, file);
  } finally {
    busy = null;
    renderDrop();
    form.removeAttribute('aria-busy');
  }
}

function setLanguage(lang: Lang): void {
  tx = texts(lang);
  rememberLang(lang);
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) { url.searchParams.set('lang', lang); window.history.replaceState(null, '', url); }
  document.documentElement.lang = lang;
  document.title = tx.t('pageTitle');
  applyWords(tx);
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  $<HTMLAnchorElement>('#back').href = `./${langQuery('?')}`;
  $('#mode-hint').textContent = tx.t(modeSelect.value === 'replace' ? 'replaceHint' : 'mergeHint');
  const placeholder = operatorSelect.querySelector<HTMLOptionElement>('option[value=""]');
  if (placeholder) placeholder.textContent = tx.t('chooseOperator');
  progress.render();
  renderDrop();
  renderCurrent();
  changes.render();
  history.render();
  issues.render();
  clearMessage(message);
  if (current) void issues.reload();
}

async function fillOperators(): Promise<void> {
  const own = me.user?.role === 'operator' ? me.user.operator : null;
  const all = own ? [{ code: own, name: own }] : await uploadApi.operators();
  operatorSelect.replaceChildren(...(own ? [] : [el('option', { value: '' }, tx.t('chooseOperator'))]),
    ...all.map((o) => el('option', { value: o.code }, o.name && o.name !== o.code ? `${o.code} — ${o.name}` : o.code)));
  // An operator account uploads for its own operator only (the server refuses others): no choice to offer.
  operatorSelect.disabled = Boolean(own);
  $('#operator-note').hidden = !own;
  if (own) operatorSelect.value = own;
}

function wire(): void {
  drop.addEventListener('click', () => fileInput.click());
  drop.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); fileInput.click(); } });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) void upload(file);
  });
  fileInput.addEventListener('change', () => { const file = fileInput.files?.[0]; fileInput.value = ''; if (file) void upload(file); });
  modeSelect.addEventListener('change', () => { $('#mode-hint').textContent = tx.t(modeSelect.value === 'replace' ? 'replaceHint' : 'mergeHint'); });
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.addEventListener('click', () => setLanguage(b.dataset.lang as Lang)));
  followLangChanges((lang) => { if (lang !== tx.lang) setLanguage(lang); });
}

async function start(): Promise<void> {
  me = await loadAccount();
  // Uploads belong to an account: a visitor signs in first and comes back here.
  if (!me.user) { location.replace(loginHref()); return; }
  await loadUploadLimit();
  wire();
  setLanguage(tx.lang);
  if (!canAct()) {
    form.querySelector('fieldset')!.disabled = true;
    drop.setAttribute('aria-disabled', 'true');
    $('#cannot-upload').hidden = false;
  }
  try { await fillOperators(); } catch (err) { fail(err); }
  await history.first();
  document.body.dataset.ready = '1';
}

start().catch(fail);
