import { AppError } from '../errors.js';
import { FIELDS, TEMPLATE_HEADERS, type Field } from './upload-headers.js';
import { FILE_MESSAGES, ISSUE_MESSAGES, type FileReason, type Lang, type ReaderIssueCode, type Texts } from './upload-message-texts.js';
import type { IssueCode, RowIssue } from './upload-validate.js';

export { FILE_MESSAGES, ISSUE_MESSAGES, READER_ISSUE_CODES, type FileReason, type Lang, type ReaderIssueCode } from './upload-message-texts.js';

/*
 * Every upload message in Vietnamese and English, by code (and variant) and parameters: the texts
 * are in upload-message-texts.ts, their rendering here.
 * Placeholders: {name} a parameter (text as written; numbers with a decimal comma in Vietnamese),
 * {name:date} an ISO date (DD/MM/YYYY in Vietnamese), {field} the issue's column by its template
 * header, {@latitude} a fixed column's header, {value} the issue's value as read from the file.
 * Issue texts are also rendered in SQL for the search (upload-issue-search.repository.ts), so they
 * use only those; whole-file texts may also use {name:count|bytes|fields|quoted|list}.
 */

export const LANGS: readonly Lang[] = ['vi', 'en'];
export type ParamValue = string | number | null;
export type IssueParams = Record<string, ParamValue>;
export type FileParams = Record<string, ParamValue | readonly string[]>;


export type Part =
  | { type: 'text'; text: string } | { type: 'param'; name: string; format: string | null }
  | { type: 'field' } | { type: 'value' } | { type: 'header'; field: Field };

const PLACEHOLDER = /\{(@?)([a-z_]+)(?::([a-z]+))?\}/g;

/** A template as literal text and placeholders; a header of an unknown field is a mistake in the catalogue. */
export function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > at) parts.push({ type: 'text', text: template.slice(at, m.index) });
    const [, header, name = '', format] = m;
    if (header) {
      if (!(FIELDS as readonly string[]).includes(name)) throw new Error(`upload message: no field "${name}" in ${template}`);
      parts.push({ type: 'header', field: name as Field });
    } else if (name === 'field' || name === 'value') parts.push({ type: name });
    else parts.push({ type: 'param', name, format: format ?? null });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push({ type: 'text', text: template.slice(at) });
  return parts;
}

const parsed = new Map<string, Part[]>();
const partsOf = (template: string) => parsed.get(template) ?? parsed.set(template, parseTemplate(template)).get(template)!;

/** Numbers as PostgreSQL prints a jsonb number (never 1e+21), so the SQL rendering of the search agrees. */
export function plainNumber(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', e] = m;
  const exp = Number(e), digits = int + frac;
  return exp >= 0 ? sign + digits.padEnd(exp + 1, '0') : `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

export function headerOf(field: string | null, lang: Lang): string {
  if (field === null) return '';
  const headers: Record<string, string> = TEMPLATE_HEADERS[lang];
  return Object.hasOwn(headers, field) ? headers[field]! : field;
}

export const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

function formatValue(v: unknown, format: string | null, lang: Lang): string {
  if (Array.isArray(v)) {
    const items = v.map(String);
    if (format === 'fields') return items.map((f) => headerOf(f, lang)).join(', ');
    if (format === 'quoted') return items.map((s) => `"${s}"`).join(', ');
    if (format === 'list') return items.join(', ') || (lang === 'vi' ? '(không có)' : '(none)');
    return '';
  }
  if (typeof v === 'string') return format === 'date' && lang === 'vi' && isIsoDate(v) ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}` : v;
  if (typeof v !== 'number' || !Number.isFinite(v)) return '';
  if (format === 'count') return v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
  if (format === 'bytes') return formatBytes(v, lang);
  return lang === 'vi' ? plainNumber(v).replace('.', ',') : plainNumber(v);
}

export function formatBytes(n: number, lang: Lang): string {
  const [x, unit] = n >= 1024 * 1024 ? [n / 1024 / 1024, 'MB'] : n >= 1024 ? [n / 1024, 'kB'] : [n, lang === 'vi' ? 'byte' : 'bytes'];
  const text = unit === 'MB' || unit === 'kB' ? x.toFixed(1) : String(x);
  return `${lang === 'vi' ? text.replace('.', ',') : text} ${unit}`;
}

interface RenderContext { field: string | null; value: string | null; params: Record<string, unknown> }

function render(template: string, lang: Lang, ctx: RenderContext): string {
  return partsOf(template).map((p) => {
    switch (p.type) {
      case 'text': return p.text;
      case 'field': return headerOf(ctx.field, lang);
      case 'header': return headerOf(p.field, lang);
      case 'value': return ctx.value ?? '';
      case 'param': return formatValue(Object.hasOwn(ctx.params, p.name) ? ctx.params[p.name] : undefined, p.format, lang);
    }
  }).join('');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** The catalogue entry of an issue: its variant (`params.kind`) if there is one, else its code's. */
export function issueTexts(code: string, params: Record<string, unknown>): Texts | undefined {
  const table = ISSUE_MESSAGES as Record<string, Texts>;
  if (code.includes('.')) return undefined; // not a code: the SQL rendering does not take it for a variant either
  const kind = params.kind;
  return (typeof kind === 'string' ? own(table, `${code}.${kind}`) : undefined) ?? own(table, code);
}

export interface StoredIssue { code: string; field: string | null; value: string | null; message: string; params: unknown }

/** An issue's message in a language; rows saved before 0007 (params null) keep their stored English message. */
export function renderIssue(issue: StoredIssue, lang: Lang): string {
  if (!isObject(issue.params)) return issue.message;
  const texts = issueTexts(issue.code, issue.params);
  return texts ? render(texts[lang], lang, { field: issue.field, value: issue.value, params: issue.params }) : issue.message;
}

/** An issue with its stored (English) message rendered from its parameters. */
export function makeIssue(issue: Omit<RowIssue, 'message'>): RowIssue {
  return { ...issue, message: renderIssue({ ...issue, message: '' }, 'en') };
}

/** A whole-file problem's message in a language, or null for a reason this catalogue does not know. */
export function renderFileProblem(reason: string, params: unknown, lang: Lang): string | null {
  const table = FILE_MESSAGES as Record<string, Texts>;
  const p = isObject(params) ? params : {};
  const texts = (typeof p.kind === 'string' ? own(table, `${reason}.${p.kind}`) : undefined) ?? own(table, reason);
  return texts ? render(texts[lang], lang, { field: null, value: null, params: p }) : null;
}

/** A refusal (a file 422/413, an action 409/404) with `details: { reason, params }`, said in English; inLanguage says it in another. */
export function refusal(status: number, code: string, reason: string, params: FileParams, legacy: Record<string, unknown> = {}): AppError {
  return new AppError(status, code, renderFileProblem(reason, params, 'en') ?? reason, { ...legacy, reason, params });
}

/** A whole-file refusal said in `lang` (its details.reason and params); any other error as it is. */
export function inLanguage(err: unknown, lang: Lang): unknown {
  if (!(err instanceof AppError) || !isObject(err.details) || typeof err.details.reason !== 'string') return err;
  const message = renderFileProblem(err.details.reason, err.details.params, lang);
  return message ? new AppError(err.status, err.code, message, err.details) : err;
}

/** 422 with `details: { reason, params }` (and any older detail keys kept for existing clients). */
export function unreadableFile(reason: FileReason, params: FileParams = {}, legacy: Record<string, unknown> = {}): AppError {
  return refusal(422, 'unreadable_file', reason, params, legacy);
}

export function fileTooLarge(reason: 'too_many_rows' | 'too_many_bytes', params: FileParams, legacy: Record<string, unknown> = {}): AppError {
  return refusal(413, 'upload_too_large', reason, params, legacy);
}

/** A warning about the whole file (row null). */
export function fileNotice(code: IssueCode | ReaderIssueCode, value: string | null, params: IssueParams): RowIssue {
  // A reader's code is an IssueCode once ISSUE_CODES spreads READER_ISSUE_CODES; until then this says it is one.
  return makeIssue({ row: null, severity: 'warning', code: code as IssueCode, field: null, value, params });
}

/** The columns of the error report, in the order the API's CSV has them. */
export const ISSUE_CSV_HEADERS: Record<Lang, readonly string[]> = {
  en: ['row', 'severity', 'code', 'field', 'message', 'value', 'station_code'],
  vi: ['Dòng', 'Mức', 'Mã lỗi', 'Cột', 'Lý do', 'Giá trị', 'Mã trạm'],
};
