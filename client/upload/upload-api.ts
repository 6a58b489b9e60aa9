import { authApi, type Me } from '../auth/auth-api.js';
import type { Lang } from './upload-i18n.js';
import { createLineReader } from './upload-lines.js';

/**
 * The upload page's only network calls. The upload itself goes through XMLHttpRequest: it
 * reports upload progress, and its growing responseText carries the server's NDJSON progress.
 * Writes made with the session cookie carry the CSRF token /api/auth/me returned.
 */
export type UploadState = 'previewed' | 'committed' | 'rolled_back' | 'discarded';
export interface Counts { create: number; update: number; unchanged: number; decommission: number; errorRows: number; warnings: number; operatorStations?: number }
export interface UploadView {
  id: number; operator: string; mode: 'merge' | 'replace'; fileName: string; sha256: string; bytes: number; format: string;
  sheet: string | null; uploadedBy: string; state: UploadState; rows: number; counts: Counts;
  columns: { recognised: Record<string, string>; unknown: string[] };
  createdAt: string; committedAt: string | null; committedBy: string | null; rolledBackAt: string | null; rolledBackBy: string | null;
  discardedAt: string | null; discardedBy: string | null; supersededBy: number | null;
}
export interface Issue { row: number | null; severity: 'error' | 'warning'; code: string; field: string | null; message: string; value: string | null }
export interface StationState { name: string | null; lon: number; lat: number; status: string; commissionedOn: string | null; decommissionedOn: string | null }
export interface Change { code: string; technology: string; action: 'create' | 'update' | 'decommission'; rowNumber: number | null; before: StationState | null; after: StationState }
export type Progress =
  | { phase: 'upload'; loaded: number; total: number | null }
  | { phase: 'reading'; rows: number; bytes: number; totalBytes: number }
  | { phase: 'checking' | 'saving'; rows: number }
  | { phase: 'commit' | 'rollback' | 'discard' };

/** `messageLang`: the language the server was asked to write `message` in (its default is English). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: unknown = null, readonly messageLang: Lang = 'en') { super(message); }
}

let csrf: string | null = null;

/** The signed-in account (null user: signed out); keeps the CSRF token for the writes. */
export async function loadAccount(): Promise<Me> {
  const me = await authApi.me();
  csrf = me.csrfToken;
  return me;
}

function errorFrom(status: number, body: unknown, messageLang: Lang = 'en'): ApiError {
  const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(status, e?.code ?? 'http_error', e?.message ?? `HTTP ${status}`, e?.details ?? null, messageLang);
}

async function request<T>(method: 'GET' | 'POST', path: string, messageLang: Lang = 'en'): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') { headers['content-type'] = 'application/json'; if (csrf) headers['x-csrf-token'] = csrf; }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: method === 'POST' ? '{}' : undefined });
  } catch (err) {
    throw new ApiError(0, 'network', (err as Error).message);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw errorFrom(res.status, body, messageLang);
  return body as T;
}

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

/**
 * Parameters the server may not know yet (lang, q on the issues list arrive with another
 * branch): a 400 for a request that sent some not yet confirmed is retried without them, and
 * they are not sent again. `dropped` tells the caller what to do on its side.
 */
const accepted = new Map<string, boolean>();
async function getTolerant<T>(path: string, params: Record<string, string | number | undefined>, optional: string[]): Promise<{ body: T; dropped: string[] }> {
  const given = optional.filter((k) => params[k] !== undefined && params[k] !== '');
  const without = (keys: string[]) => Object.fromEntries(Object.entries(params).filter(([k]) => !keys.includes(k)));
  const refused = given.filter((k) => accepted.get(k) === false);
  const lang = (keys: string[]) => (params.lang && !keys.includes('lang') ? params.lang as Lang : 'en');
  try {
    const body = await request<T>('GET', `${path}?${query(without(refused))}`, lang(refused));
    for (const k of given) if (!refused.includes(k)) accepted.set(k, true);
    return { body, dropped: refused };
  } catch (err) {
    const unsure = given.filter((k) => accepted.get(k) === undefined);
    if (!(err instanceof ApiError && err.status === 400 && unsure.length)) throw err;
    const body = await request<T>('GET', `${path}?${query(without([...refused, ...unsure]))}`, lang([...refused, ...unsure]));
    for (const k of unsure) accepted.set(k, false);
    return { body, dropped: [...refused, ...unsure] };
  }
}

/**
 * Commit, rollback and discard with `?lang=` so a refusal is said in the page's language. A
 * server that does not take it yet refuses the query (400 naming "lang") before it acts: then
 * the action is asked again without it, once, and lang is not sent again.
 */
async function act(id: number, action: 'commit' | 'rollback' | 'discard', lang: Lang): Promise<UploadView> {
  const path = `/api/uploads/${id}/${action}`;
  if (accepted.get('act:lang') === false) return request<UploadView>('POST', path);
  try {
    const done = await request<UploadView>('POST', `${path}?${query({ lang })}`, lang);
    accepted.set('act:lang', true);
    return done;
  } catch (err) {
    const refusedLang = err instanceof ApiError && err.status === 400 && err.code === 'invalid_parameter' && /\blang\b/.test(err.message);
    if (!refusedLang || accepted.get('act:lang')) throw err;
    accepted.set('act:lang', false);
    return request<UploadView>('POST', path);
  }
}

export const uploadApi = {
  operators: () => request<{ operators: { code: string; name: string }[] }>('GET', '/api/stations/facets').then((r) => r.operators),
  upload: (id: number) => request<UploadView>('GET', `/api/uploads/${id}`),
  limits: () => request<{ maxBytes: number; maxRows: number }>('GET', '/api/uploads/limits'),
  history: (before?: number) => request<{ uploads: UploadView[]; nextBefore: number | null }>('GET', `/api/uploads?${query({ limit: 20, before })}`),
  changes: (id: number, f: { page: number; pageSize: number; action?: string }) =>
    request<{ page: number; pageSize: number; changes: Change[] }>('GET', `/api/uploads/${id}/changes?${query(f)}`),
  issues: (id: number, f: { page: number; pageSize: number; severity?: string; field?: string; q?: string; lang: string }) =>
    getTolerant<{ total: number; issues: Issue[] }>(`/api/uploads/${id}/errors`, f, ['lang', 'q']),
  /** The whole report; with the language once the server is known to take it. */
  issuesCsvUrl: (id: number, lang: string) => `/api/uploads/${id}/errors?${query({ format: 'csv', lang: accepted.get('lang') ? lang : undefined })}`,
  act,
  send: sendUpload,
};

/**
 * POSTs the form, reporting bytes sent, then the server's progress lines; resolves with the
 * preview. A whole-file refusal (details.reason) is said in `lang`, the form's language.
 */
function sendUpload(form: FormData, lang: Lang, onProgress: (p: Progress) => void): Promise<UploadView> {
  const refusal = (status: number, body: unknown) => {
    const reason = (body as { error?: { details?: { reason?: unknown } } } | null)?.error?.details?.reason;
    return errorFrom(status, body, typeof reason === 'string' ? lang : 'en');
  };
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const read = createLineReader();
    let settled = false;
    const settle = (fn: () => void) => { if (!settled) { settled = true; fn(); } };
    const handle = (line: string) => {
      let msg: { type?: string; upload?: UploadView; status?: number; error?: unknown } & Record<string, unknown>;
      try { msg = JSON.parse(line); } catch { return settle(() => reject(new ApiError(xhr.status, 'bad_stream', 'unreadable progress line'))); }
      if (msg.type === 'progress') onProgress(msg as unknown as Progress);
      else if (msg.type === 'result') settle(() => resolve(msg.upload!));
      else if (msg.type === 'error') settle(() => reject(refusal(msg.status ?? 500, msg)));
    };
    const drain = (final: boolean) => { if (xhr.status === 200) for (const line of read(xhr.responseText, final)) handle(line); };
    xhr.open('POST', '/api/uploads');
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => onProgress({ phase: 'upload', loaded: e.loaded, total: e.lengthComputable ? e.total : null });
    xhr.onprogress = () => drain(false);
    xhr.onload = () => {
      drain(true);
      if (xhr.status === 201) return settle(() => resolve(JSON.parse(xhr.responseText) as UploadView));
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON: a proxy's page */ }
      settle(() => reject(xhr.status === 200 ? new ApiError(500, 'bad_stream', 'the answer ended before its result') : refusal(xhr.status, body)));
    };
    xhr.onerror = () => settle(() => reject(new ApiError(0, 'network', 'network error')));
    xhr.send(form);
  });
}
