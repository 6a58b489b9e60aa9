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

// C0/C1 controls and the replacement character (bytes that were not UTF-8).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\uFFFD]/;

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

/** Text from a file shown back to people (reports, column names): control codes made visible, as PostgreSQL refuses NUL. */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
