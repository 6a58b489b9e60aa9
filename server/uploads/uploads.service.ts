import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Viewer } from '../auth/auth.service.js';
import { assertOwnOperator } from '../auth/station-scope.js';
import type { DB } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { listBoundarySets } from '../boundary-sets/boundary-sets.repository.js';
import { findOperatorByCode, listOperators, type OperatorRow } from '../operators/operators.repository.js';
import { todayInVietnam } from '../stats/scope.service.js';
import { makeIssue } from './upload-messages.js';
import { readAndPlan } from './upload-plan.service.js';
import { detectFormat } from './upload-read.js';
import { tooLarge, type ColumnReport } from './upload-source.js';
import { readOperatorVersion } from './upload-stations.repository.js';
import { visible } from './upload-values.js';
import { findUpload, insertIssues, insertUpload, updateUploadSummary, type UploadRow } from './uploads.repository.js';

export interface UploadDeps {
  db: Kysely<DB>;
  config: Pick<Config, 'uploadMaxBytes' | 'uploadMaxRows' | 'uploadOutsideArea' | 'uploadOtherOperatorCode'>;
}

export interface PreviewInput {
  path: string;
  fileName: string;
  operator: string;
  mode: 'merge' | 'replace';
  sheet?: string | undefined;
  uploadedBy: string;
  today?: string;
  /** The signed-in account acting: an operator account previews its own operator's stations only (403). */
  actor?: Viewer | undefined;
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
  if (input.actor) assertOwnOperator(input.actor, operator.id);
  const { size } = await stat(input.path);
  if (size > config.uploadMaxBytes) {
    throw tooLarge(`The file is ${formatBytes(size)}; the most one upload takes is ${formatBytes(config.uploadMaxBytes)} (UPLOAD_MAX_BYTES). Split it into several files.`, { maxBytes: config.uploadMaxBytes });
  }
  const [format, sha256] = await Promise.all([detectFormat(input.path, input.fileName), hashFile(input.path)]);
  // Read before the stations: a write landing in between makes the preview stale, never wrong.
  const baseVersion = await readOperatorVersion(db, operator.id);
  const today = input.today ?? todayInVietnam();

  const columns: ColumnReport = { recognised: {}, unknown: [] };
  const [set] = await listBoundarySets(db);
  const areas = set ? { setId: set.id, name: set.name, outsideIsError: config.uploadOutsideArea === 'error' } : null;
  // One transaction from the first row to the summary: a file rejected half-way saves nothing.
  const id = await db.transaction().execute(async (trx) => {
    const uploadId = await insertUpload(trx, {
      operatorId: operator.id, mode: input.mode, fileName: visible(input.fileName.normalize('NFC')).slice(0, 255), sha256, bytes: size, format,
      sheet: input.sheet ?? null, uploadedBy: input.uploadedBy, baseVersion, rowsTotal: 0,
      counts: { create: 0, update: 0, unchanged: 0, decommission: 0, errorRows: 0, warnings: 0 }, columns,
    });
    const plan = await readAndPlan(trx, { uploadId, operator, mode: input.mode, today, areas, otherCodeIsError: config.uploadOtherOperatorCode === 'error' },
      { path: input.path, format, sheet: input.sheet, maxRows: config.uploadMaxRows, size }, columns, onProgress);
    const { issues } = plan;
    for (const h of columns.unknown) {
      issues.unshift(makeIssue({ row: null, severity: 'warning', code: 'unknown_column', field: null, value: h, params: {} }));
    }
    const errorRows = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.row)).size;
    const counts = { ...plan.counts, errorRows, warnings: issues.filter((i) => i.severity === 'warning').length };
    onProgress?.({ phase: 'saving', rows: plan.rows });
    await insertIssues(trx, uploadId, issues);
    await updateUploadSummary(trx, uploadId, {
      rowsTotal: plan.rows, counts,
      columns: {
        recognised: Object.fromEntries(Object.entries(columns.recognised).map(([f, h]) => [f, visible(h)])), unknown: columns.unknown.map(visible),
        ...(columns.headerRow === undefined ? {} : { headerRow: columns.headerRow }),
        ...(columns.sheet === undefined ? {} : { sheet: visible(columns.sheet) }),
        ...(columns.hiddenRows === undefined ? {} : { hiddenRows: columns.hiddenRows }),
      },
    });
    return uploadId;
  });
  return getUpload(db, id);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}

export type UploadView = ReturnType<typeof toUploadView>;

export function toUploadView(u: UploadRow) {
  const { operatorId: _o, baseVersion: _b, commitSeq: _c, ...rest } = u;
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    ...rest, bytes: Number(u.bytes), createdAt: iso(u.createdAt)!, committedAt: iso(u.committedAt), rolledBackAt: iso(u.rolledBackAt),
    discardedAt: iso(u.discardedAt), supersededBy: u.supersededBy === null ? null : Number(u.supersededBy),
  };
}

/** With `viewer`: an operator account reaches its own operator's uploads only (403 for another's). */
export async function getUpload(db: Kysely<DB>, id: number, viewer?: Viewer): Promise<UploadView> {
  const u = await findUpload(db, id);
  if (!u) throw notFound(`Upload ${id}`, { id });
  if (viewer) assertOwnOperator(viewer, u.operatorId);
  return toUploadView(u);
}
