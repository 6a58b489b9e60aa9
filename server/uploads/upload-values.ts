import type { IssueParams } from './upload-messages.js';
import { Uncomputed, type Cell } from './upload-source.js';

/** Reading one cell: a value, or why not as a stable kind (a variant in upload-messages.ts) and its parameters. */
export type Read<T> = { ok: true; value: T } | { ok: false; kind: string; params: IssueParams };

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const fail = (kind: string, params: IssueParams = {}): Read<never> => ({ ok: false, kind, params });

/** The kind every reader gives an Excel formula without a computed value (upload-source.ts). */
export const UNCOMPUTED = 'uncomputed';
export const uncomputed = (): Read<never> => fail(UNCOMPUTED);

/** A cell as text: trimmed, a date as ISO, an uncomputed formula as Excel shows it (`=10+0.382`). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

// What people type for "no value". Lower case; compared after trim.
const PLACEHOLDERS = new Set(['-', '--', '–', '—', 'n/a', '#n/a', 'null', 'none', 'x']);

/**
 * A cell standing for "no value" (`-`, `N/A`, Excel's `#N/A`, `null`, `x` …). For an optional
 * field it is a blank (the stored value stays); a required one it leaves missing.
 */
export function isPlaceholder(cell: Cell | undefined): boolean {
  return typeof cell === 'string' && PLACEHOLDERS.has(cell.trim().toLowerCase());
}

/**
 * The apostrophe an export puts before = + - @ (server/http/csv.ts, and what other tools do) so a
 * spreadsheet shows the text instead of running it: read back, it is not part of the value, or
 * the planner's own export would upload as new stations named "'+1".
 */
export function unguard(cell: Cell): Cell {
  return typeof cell === 'string' && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

// The error values a failed formula shows (as cached in a workbook, or as Excel saved them into a
// CSV). #N/A is not among them: a lookup that found nothing is a placeholder for no value.
const EXCEL_ERRORS = /^#(?:DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!|GETTING_DATA)$/i;

/** `#REF!`, `#DIV/0!`, `#VALUE!`…: a cell whose formula failed, whatever the field. */
export function isExcelError(cell: Cell | undefined): boolean {
  return typeof cell === 'string' && EXCEL_ERRORS.test(cell.trim());
}

// C0/C1 controls and the replacement character (bytes that were not UTF-8).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\uFFFD]/;
// Invisible yet not blank: zero-width space, joiners, word joiner, a BOM inside the text, and the
// text-direction marks and overrides. "QA\u200B1" looks like "QA1" and is another code.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
// Excel's Alt+Enter (LF; CR LF from some exports) and tabs, with the spaces around them.
const LINE_BREAKS = / *[\r\n\t]+ */g;

/** Text kept as NFC (so "Mỹ Hòa" typed on any keyboard compares equal), bounded, printable. */
export function readText(cell: Cell | undefined, maxLength: number): Read<string> {
  if (cell instanceof Uncomputed) return uncomputed();
  const text = (typeof cell === 'string' ? cell.trim() : cellText(cell)).normalize('NFC');
  if (CONTROL.test(text)) {
    return fail(text.includes('\uFFFD') ? 'not_utf8' : 'control_chars');
  }
  if (text.length > maxLength) return fail('too_long', { length: text.length, max: maxLength });
  return ok(text);
}

/**
 * A code or a name people will compare by eye: readText, and no invisible character in it.
 * `joinLines` (names): line breaks and tabs become one space, and `joined` says so.
 */
export function readVisibleText(cell: Cell | undefined, maxLength: number, opts: { joinLines?: boolean } = {}): Read<{ text: string; joined: boolean }> {
  const raw = typeof cell === 'string' ? cell.trim() : cell;
  const joined = opts.joinLines === true && typeof raw === 'string' && /[\r\n\t]/.test(raw);
  const t = readText(joined ? (raw as string).replace(LINE_BREAKS, ' ') : cell, maxLength);
  if (!t.ok) return t;
  if (INVISIBLE.test(t.value)) return fail('invisible');
  return ok({ text: t.value, joined });
}

/**
 * Text from a file shown back to people (reports, column names): control codes (C0 and C1) and
 * invisible characters made visible as `\uXXXX`, as PostgreSQL refuses NUL and a direction
 * override would turn the report around.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
