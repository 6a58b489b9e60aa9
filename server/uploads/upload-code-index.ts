import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { makeIssue } from './upload-messages.js';
import { listStationCodes } from './upload-stations.repository.js';
import type { RowIssue } from './upload-validate.js';

/** A code as typed carelessly: compatibility forms folded (full-width), any case, every dash a hyphen. */
export function looseCode(code: string): string {
  return code.normalize('NFKC').toLowerCase().replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-');
}

/**
 * Looser still, for look-alike warnings only: without separators (QAFL001 for QA-FL-001) and
 * without the leading zeros of a number (777 for 00777: Excel drops them from a code it takes
 * for a number). Two operators' codes this alike are no conflict; one operator's are a hint.
 */
export function lookalikeKey(code: string): string {
  return looseCode(code).replace(/[\s\-_./]+/g, '').replace(/(^|\D)0+(?=\d)/g, '$1');
}

/**
 * The stored station codes, by loose code, read once per preview: a file's code is compared
 * with them in TypeScript, as the rows stream, instead of two more index probes per row in the
 * database (measured: +2 s per 100,000 rows). Each entry is one string, "operator id:code" (and
 * more, newline-separated, in the rare case of several), to keep 225,000 stations near 15 MB.
 * - another operator's station has the code, loosely: an error (the row is skipped) or, with
 *   UPLOAD_OTHER_OPERATOR_CODE=warn, a warning; a station code is one operator's;
 * - only a station of the operator's own with another spelling (qa-w-001 for QA-W-001): a
 *   warning; it is planned as a new station, but most likely is the same one.
 */
export async function loadCodeIndex(db: Kysely<DB> | Transaction<DB>, operatorId: number, otherIsError: boolean) {
  const byKey = new Map<string, string>();
  const operators = new Map<number, string>();
  for (const s of await listStationCodes(db)) {
    operators.set(s.operatorId, s.operator);
    const key = lookalikeKey(s.code);
    const entry = `${s.operatorId}:${s.code}`;
    const had = byKey.get(key);
    byKey.set(key, had === undefined ? entry : `${had}\n${entry}`);
  }
  return (code: string, row: number): { issue: RowIssue | null; skip: boolean } => {
    const entry = byKey.get(lookalikeKey(code));
    if (entry === undefined) return { issue: null, skip: false };
    const stored = entry.split('\n').map((e) => ({ operatorId: Number(e.slice(0, e.indexOf(':'))), code: e.slice(e.indexOf(':') + 1) }));
    // The operator has this very code already: it is its own, whatever another operator has.
    if (stored.some((s) => s.operatorId === operatorId && s.code === code)) return { issue: null, skip: false };
    const loose = looseCode(code);
    const others = stored.filter((s) => s.operatorId !== operatorId && looseCode(s.code) === loose).map((s) => operators.get(s.operatorId) ?? '?').sort();
    if (others.length) {
      const issue = makeIssue({ row, severity: otherIsError ? 'error' : 'warning', code: 'other_operator', field: 'station_code', value: code,
        params: { kind: 'code', other: others[0]! } });
      return { issue, skip: otherIsError };
    }
    const mine = stored.find((s) => s.operatorId === operatorId);
    if (!mine) return { issue: null, skip: false };
    const issue = makeIssue({ row, severity: 'warning', code: 'lookalike_code', field: 'station_code', value: code, params: { kind: 'stored', other: mine.code } });
    return { issue, skip: false };
  };
}
