import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { normalizeTechnology } from '../../geo/normalize-technology.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { listBoundarySets } from '../boundary-sets/boundary-sets.repository.js';
import { findOperatorByCode, listOperators, type OperatorRow } from '../operators/operators.repository.js';
import { todayInVietnam } from '../stats/scope.service.js';
import { planChanges } from './upload-diff.js';
import { detectFormat, readUploadRows } from './upload-read.js';
import { tooLarge, type ColumnReport } from './upload-source.js';
import { findOperatorStations, findPointsOutside, readOperatorVersion, stationKey } from './upload-stations.repository.js';
import { validateRow, type RowIssue, type ValidStation } from './upload-validate.js';
import { cellText, readText, visible } from './upload-values.js';
import { findUpload, insertChanges, insertIssues, insertUpload, type UploadRow } from './uploads.repository.js';

export interface UploadDeps {
  db: Kysely<DB>;
  config: Pick<Config, 'uploadMaxBytes' | 'uploadMaxRows' | 'uploadOutsideArea'>;
}

export interface PreviewInput {
  path: string;
  fileName: string;
  operator: string;
  mode: 'merge' | 'replace';
  sheet?: string | undefined;
  uploadedBy: string;
  today?: string;
}

export type UploadProgress =
  | { phase: 'reading'; bytes: number; totalBytes: number; rows: number }
  | { phase: 'checking' | 'saving'; rows: number }
  | { phase: 'writing'; done: number; total: number };

export async function resolveUploadOperator(db: Kysely<DB>, code: string): Promise<OperatorRow> {
  const op = await findOperatorByCode(db, code.trim());
  if (op) return op;
  const known = (await listOperators(db)).map((o) => o.code);
  throw new AppError(400, 'invalid_parameter', `operator: unknown operator "${code}"; known: ${known.join(', ')}`, [{ path: 'operator', message: 'unknown operator' }]);
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads, checks and compares a file against the operator's stations, and saves the result as
 * a preview. Nothing in the stations changes here; a file that cannot be read at all throws
 * (4xx) and saves nothing.
 */
export async function previewUpload(deps: UploadDeps, input: PreviewInput, onProgress?: (p: UploadProgress) => void): Promise<UploadView> {
  const { db, config } = deps;
  const operator = await resolveUploadOperator(db, input.operator);
  const { size } = await stat(input.path);
  if (size > config.uploadMaxBytes) {
    throw tooLarge(`The file is ${formatBytes(size)}; the most one upload takes is ${formatBytes(config.uploadMaxBytes)} (UPLOAD_MAX_BYTES). Split it into several files.`, { maxBytes: config.uploadMaxBytes });
  }
  const [format, sha256] = await Promise.all([detectFormat(input.path, input.fileName), hashFile(input.path)]);
  // Read before the stations: a write landing in between makes the preview stale, never wrong.
  const baseVersion = await readOperatorVersion(db, operator.id);
  const today = input.today ?? todayInVietnam();

  const columns: ColumnReport = { recognised: {}, unknown: [] };
  const issues: RowIssue[] = [];
  const valid: ValidStation[] = [];
  const firstRow = new Map<string, number>();
  const keysInFile = new Set<string>(), codesInFile = new Set<string>();
  let rows = 0, bytes = 0;
  const onBytes = (n: number) => { bytes += n; };
  for await (const row of readUploadRows(input.path, { format, sheet: input.sheet, maxRows: config.uploadMaxRows, onBytes }, columns)) {
    rows++;
    if (onProgress && rows % 2000 === 0) onProgress({ phase: 'reading', bytes, totalBytes: size, rows });
    const { station, issues: found } = validateRow(row, { operator, today });
    issues.push(...found);
    rememberKeys(row.values, keysInFile, codesInFile);
    if (!station) continue;
    const key = stationKey(station.code, station.technology);
    const seen = firstRow.get(key);
    if (seen !== undefined) {
      issues.push({ row: row.rowNumber, severity: 'error', code: 'duplicate', field: 'station_code', value: station.code,
        message: `station ${station.code} (${station.technology}) is already on row ${seen}: each station once per file` });
      continue;
    }
    firstRow.set(key, row.rowNumber);
    valid.push(station);
  }
  onProgress?.({ phase: 'checking', rows });
  const kept = await checkAreas(db, config.uploadOutsideArea, valid, issues);
  const current = await findOperatorStations(db, operator.id);
  const plan = planChanges(kept, current, { mode: input.mode, keysInFile, codesInFile, today });
  for (const h of columns.unknown) {
    issues.unshift({ row: null, severity: 'warning', code: 'unknown_column', field: null, value: h,
      message: `column "${h}" is not one the planner knows: kept aside, not imported` });
  }
  const errorRows = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.row)).size;
  const counts = { ...plan.counts, errorRows, warnings: issues.filter((i) => i.severity === 'warning').length };

  onProgress?.({ phase: 'saving', rows });
  const id = await db.transaction().execute(async (trx) => {
    const uploadId = await insertUpload(trx, {
      operatorId: operator.id, mode: input.mode, fileName: visible(input.fileName.normalize('NFC')).slice(0, 255), sha256, bytes: size, format,
      sheet: input.sheet ?? null, uploadedBy: input.uploadedBy, baseVersion, rowsTotal: rows, counts,
      columns: { recognised: Object.fromEntries(Object.entries(columns.recognised).map(([f, h]) => [f, visible(h)])), unknown: columns.unknown.map(visible) },
    });
    await insertIssues(trx, uploadId, issues);
    await insertChanges(trx, uploadId, plan.changes);
    return uploadId;
  });
  return getUpload(db, id);
}

/** Keys of every row that names a station, valid or not: replace mode must not decommission those. */
function rememberKeys(values: Parameters<typeof validateRow>[0]['values'], keys: Set<string>, codes: Set<string>) {
  const code = readText(values.station_code ?? null, 1000);
  if (!code.ok || !code.value) return;
  const tech = normalizeTechnology(cellText(values.technology ?? null));
  if (tech) keys.add(stationKey(code.value, tech));
  else codes.add(code.value);
}

/** Points in no area of the default boundary set: a warning, or an error (UPLOAD_OUTSIDE_AREA=error). */
async function checkAreas(db: Kysely<DB>, mode: 'warn' | 'error', valid: ValidStation[], issues: RowIssue[]): Promise<ValidStation[]> {
  const [set] = await listBoundarySets(db);
  if (!set || valid.length === 0) return valid;
  const outside = await findPointsOutside(db, set.id, valid);
  if (outside.size === 0) return valid;
  for (const i of outside) {
    const s = valid[i]!;
    issues.push({ row: s.rowNumber, severity: mode === 'error' ? 'error' : 'warning', code: 'outside_areas', field: 'latitude',
      value: `${s.lat}, ${s.lon}`, message: `the point (${s.lat}, ${s.lon}) is outside every area of "${set.name}": check the coordinates` });
  }
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return mode === 'error' ? valid.filter((_, i) => !outside.has(i)) : valid;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}

export type UploadView = ReturnType<typeof toUploadView>;

export function toUploadView(u: UploadRow) {
  const { operatorId: _o, baseVersion: _b, commitSeq: _c, ...rest } = u;
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return { ...rest, bytes: Number(u.bytes), createdAt: iso(u.createdAt)!, committedAt: iso(u.committedAt), rolledBackAt: iso(u.rolledBackAt) };
}

export async function getUpload(db: Kysely<DB>, id: number): Promise<UploadView> {
  const u = await findUpload(db, id);
  if (!u) throw notFound(`Upload ${id}`, { id });
  return toUploadView(u);
}
