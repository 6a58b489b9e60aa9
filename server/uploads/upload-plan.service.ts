import type { Transaction } from 'kysely';
import { normalizeTechnology } from '../../geo/normalize-technology.js';
import type { DB } from '../db/schema.js';
import type { OperatorRow } from '../operators/operators.repository.js';
import { loadCodeIndex, lookalikeKey } from './upload-code-index.js';
import type { IssueSink } from './upload-issue-sink.js';
import { makeIssue, type IssueParams } from './upload-messages.js';
import { readUploadRows } from './upload-read.js';
import type { ColumnReport, UploadFormat } from './upload-source.js';
import { planDecommissions, planRows, stationKey, type PlanConflict, type PlannedBatch } from './upload-stations.repository.js';
import { validateRow, type RowIssue, type ValidStation } from './upload-validate.js';
import { cellText, readText } from './upload-values.js';
import type { UploadProgress } from './uploads.service.js';

/**
 * Rows planned per statement: one round trip each, and all this process holds of the file at a
 * time. 2,500 keeps the database and the parser busy together (5,000 and 10,000 measured slower).
 */
const PLAN_BATCH = 2500;

export interface PlanTarget {
  uploadId: number;
  operator: OperatorRow;
  mode: 'merge' | 'replace';
  today: string;
  /** The boundary set whose areas every point should fall in (null: none to test against). */
  areas: { setId: number; name: string; outsideIsError: boolean } | null;
  /** A code that is another operator's station: an error (the row is skipped), else a warning. */
  otherCodeIsError: boolean;
}

export interface PlanSource { path: string; format: UploadFormat; sheet?: string | undefined; maxRows: number; size: number }

export interface PlanResult {
  rows: number;
  counts: { create: number; update: number; unchanged: number; decommission: number; operatorStations?: number };
}

/**
 * Streams a file, checks each row and plans the valid ones against the operator's stations in
 * batches, saving the planned changes of the upload as it goes (in the caller's transaction):
 * the file is never held whole. While one batch is being planned by the database the next one
 * is read and checked. Every issue goes to `issues` as it is found; returns the counts.
 */
export async function readAndPlan(trx: Transaction<DB>, target: PlanTarget, source: PlanSource, columns: ColumnReport,
  issues: IssueSink, onProgress?: (p: UploadProgress) => void): Promise<PlanResult> {
  const { operator, today, areas } = target;
  const firstRow = new Map<string, number>();
  // Codes that differ only in case, separators or leading zeros (qa-c19-001, QAC19001, QA-C19-1) are typing variants of one station, most likely.
  const firstLoose = new Map<string, { row: number; code: string }>();
  // Replace mode only: the key of every row that names a station, so that it is not decommissioned.
  const keysInFile = new Set<string>(), codesInFile = new Set<string>();
  const counts: PlanResult['counts'] = { create: 0, update: 0, unchanged: 0, decommission: 0 };
  const tally = (b: PlannedBatch, sent: readonly ValidStation[]) => {
    counts.create += b.create;
    counts.update += b.update;
    counts.unchanged += b.unchanged;
    // The database answers by row: the row's station, from the batch sent.
    const stationOf = b.outside.length || b.conflicts.length ? new Map(sent.map((s) => [s.rowNumber, s.code])) : null;
    for (const p of b.outside) {
      issues.add(makeIssue({ row: p.row, severity: areas?.outsideIsError ? 'error' : 'warning', code: 'outside_areas', field: 'latitude',
        value: `${p.lat}, ${p.lon}`, params: { lat: p.lat, lon: p.lon, set: areas?.name ?? null }, station: stationOf?.get(p.row) ?? null }));
    }
    for (const c of b.conflicts) {
      issues.add({ ...conflictIssue(c, today), station: c.row === null ? null : stationOf?.get(c.row) ?? null });
    }
  };
  const batchTarget = { uploadId: target.uploadId, operatorId: operator.id, setId: areas?.setId ?? null, outsideIsError: areas?.outsideIsError ?? false, today };
  let batch: ValidStation[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    await inFlight;
    inFlight = planRows(trx, batchTarget, sent).then((b) => tally(b, sent));
    // Awaited before returning or throwing; this only keeps a failure meanwhile from being "unhandled".
    inFlight.catch(() => {});
  };

  const checkCode = await loadCodeIndex(trx, operator.id, target.otherCodeIsError);
  let rows = 0, bytes = 0;
  const onBytes = (n: number) => { bytes += n; };
  try {
    for await (const row of readUploadRows(source.path, { format: source.format, sheet: source.sheet, maxRows: source.maxRows, onBytes }, columns)) {
      rows++;
      if (onProgress && rows % 2000 === 0) onProgress({ phase: 'reading', bytes, totalBytes: source.size, rows });
      const { station, issues: found } = validateRow(row, { operator, today });
      issues.add(...found);
      if (issues.behind) await issues.drain();
      if (target.mode === 'replace') rememberKeys(row.values, keysInFile, codesInFile);
      if (!station) continue;
      const key = stationKey(station.code, station.technology);
      const seen = firstRow.get(key);
      if (seen !== undefined) {
        issues.add(makeIssue({ row: row.rowNumber, severity: 'error', code: 'duplicate', field: 'station_code', value: station.code,
          params: { technology: station.technology, first: seen }, station: station.code }));
        continue;
      }
      firstRow.set(key, row.rowNumber);
      const loose = stationKey(lookalikeKey(station.code), station.technology);
      const alike = firstLoose.get(loose);
      if (alike) {
        issues.add(makeIssue({ row: row.rowNumber, severity: 'warning', code: 'lookalike_code', field: 'station_code', value: station.code,
          params: { first: alike.row, other: alike.code }, station: station.code }));
      } else firstLoose.set(loose, { row: row.rowNumber, code: station.code });
      const stored = checkCode(station.code, row.rowNumber);
      if (stored.issue) issues.add({ ...stored.issue, station: station.code });
      if (stored.skip) continue;
      batch.push(station);
      if (batch.length >= PLAN_BATCH) await flush();
    }
    onProgress?.({ phase: 'checking', rows });
    await flush();
    await inFlight;
  } catch (err) {
    await inFlight.catch(() => {});
    throw err;
  }
  if (target.mode === 'replace') {
    // A key is code NUL technology; the technology (4G/5G) has no NUL, so the last one splits it.
    const keys = [...keysInFile].map((k) => [k.slice(0, k.lastIndexOf('\u0000')), k.slice(k.lastIndexOf('\u0000') + 1)] as const);
    const { planned, active } = await planDecommissions(trx, { uploadId: target.uploadId, operatorId: operator.id, today },
      { codes: keys.map((k) => k[0]), technologies: keys.map((k) => k[1]), codesOnly: [...codesInFile] });
    counts.decommission = planned;
    counts.operatorStations = active;
    // Said before the commit, at the top of the list: replace decommissions what the file leaves out.
    // With rows in error it cannot be committed (upload-commit.service.ts): the same line says so.
    if (planned > 0) {
      const params: IssueParams = { count: planned, active, percent: Math.round((1000 * planned) / Math.max(active, 1)) / 10, operator: operator.code };
      if (issues.errorRows > 0) Object.assign(params, { kind: 'blocked', rows: issues.errorRows });
      issues.add(makeIssue({ row: null, severity: 'warning', code: 'replace_decommissions', field: null, value: null, params }));
    }
  }
  return { rows, counts };
}

/** A row whose state merged with the stored station breaks a date rule (the file alone did not). */
function conflictIssue(c: PlanConflict, today: string): RowIssue {
  const [code, kind] = c.reason.split('.') as ['future_date' | 'date_order', string | undefined];
  return code === 'future_date'
    ? makeIssue({ row: c.row, severity: 'error', code, field: 'commissioned_on', value: c.commissionedOn,
      params: { ...(kind ? { kind } : {}), date: c.commissionedOn, today } })
    : makeIssue({ row: c.row, severity: 'error', code, field: kind === 'stored' ? 'decommissioned_on' : 'commissioned_on',
      value: kind === 'stored' ? c.decommissionedOn : c.commissionedOn,
      params: { kind: kind ?? null, decommissioned: c.decommissionedOn, commissioned: c.commissionedOn } });
}

/** Keys of every row that names a station, valid or not: replace mode must not decommission those. */
function rememberKeys(values: Parameters<typeof validateRow>[0]['values'], keys: Set<string>, codes: Set<string>) {
  const read = readText(values.station_code ?? null, 1000);
  if (!read.ok || !read.value) return;
  const code = read.value.normalize('NFKC'); // as validateRow keeps it
  const tech = normalizeTechnology(cellText(values.technology ?? null));
  if (tech) keys.add(stationKey(code, tech));
  else codes.add(code);
}
