import type { StationStatus } from '../db/schema.js';
import { foldKey } from './upload-headers.js';
import type { IssueParams } from './upload-messages.js';
import type { Cell } from './upload-source.js';

/** Reading one cell: a value, or why not as a stable kind (a variant in upload-messages.ts) and its parameters. */
export type Read<T> = { ok: true; value: T } | { ok: false; kind: string; params: IssueParams };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (kind: string, params: IssueParams = {}): Read<never> => ({ ok: false, kind, params });

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Decimal degrees with a dot or a comma (`10,5` in Vietnamese spreadsheets). */
export function readNumber(cell: Cell | undefined): Read<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('not_number');
  const text = cellText(cell).replace(/\s/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return fail('not_number');
  return ok(Number(text.replace(',', '.')));
}

const isRealDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2999 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** ISO `YYYY-MM-DD`, Vietnamese `DD/MM/YYYY` (also with `-` or `.`), or an Excel date. */
export function readDate(cell: Cell | undefined): Read<string> {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? fail('invalid') : ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 20000 && cell < 80000) {
    return ok(new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10));
  }
  const text = cellText(cell);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? ok(iso(y, mo, d)) : fail('not_real');
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? ok(iso(y, mo, d)) : fail('not_real_dmy');
  }
  return fail('format');
}

const STATUSES: Record<string, StationStatus> = {
  planned: 'planned', plan: 'planned', ke_hoach: 'planned', du_kien: 'planned', quy_hoach: 'planned', chua_phat_song: 'planned',
  on_air: 'on_air', onair: 'on_air', active: 'on_air', live: 'on_air', in_service: 'on_air',
  dang_phat_song: 'on_air', phat_song: 'on_air', hoat_dong: 'on_air', dang_hoat_dong: 'on_air',
  decommissioned: 'decommissioned', inactive: 'decommissioned', off_air: 'decommissioned', removed: 'decommissioned',
  ngung: 'decommissioned', da_ngung: 'decommissioned', ngung_phat_song: 'decommissioned', ngung_hoat_dong: 'decommissioned', da_go: 'decommissioned',
};

export function readStatus(cell: Cell | undefined): Read<StationStatus> {
  const status = STATUSES[foldKey(cellText(cell))];
  return status ? ok(status) : fail('unknown');
}

// C0/C1 controls and the replacement character (bytes that were not UTF-8).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\uFFFD]/;

/** Text kept as NFC (so "Mỹ Hòa" typed on any keyboard compares equal), bounded, printable. */
export function readText(cell: Cell | undefined, maxLength: number): Read<string> {
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
