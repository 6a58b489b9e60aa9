import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Viewer } from '../auth/auth.service.js';
import { assertOwnOperator } from '../auth/station-scope.js';
import type { DB } from '../db/schema.js';
import { listBoundarySets } from '../boundary-sets/boundary-sets.repository.js';
import { listOperators, type OperatorRow } from '../operators/operators.repository.js';
import { pickOperators } from '../scope/pick-operators.js';
import { todayInVietnam } from '../scope/scope.service.js';
import { fileNotice, fileTooLarge, refusal } from './upload-messages.js';
import { IssueSink } from './upload-issue-sink.js';
import { readAndPlan } from './upload-plan.service.js';
import { detectFormat, extensionOf } from './upload-read.js';
import type { ColumnReport, UploadFormat } from './upload-source.js';
import type { RowIssue } from './upload-validate.js';
import { readOperatorVersion } from './upload-stations.repository.js';
import { visible } from './upload-values.js';
import { findUpload, insertUpload, updateUploadSummary, type UploadRow } from './uploads.repository.js';

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

/** The operator an upload is for; an unknown code gets the one refusal (scope/pick-operators.ts). */
export async function resolveUploadOperator(db: Kysely<DB>, code: string): Promise<OperatorRow> {
  return pickOperators(await listOperators(db), [code])[0]!;
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
    throw fileTooLarge('too_many_bytes', { max: config.uploadMaxBytes }, { maxBytes: config.uploadMaxBytes });
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
    const issues = new IssueSink(trx, uploadId);
    const plan = await readAndPlan(trx, { uploadId, operator, mode: input.mode, today, areas, otherCodeIsError: config.uploadOtherOperatorCode === 'error' },
      { path: input.path, format, sheet: input.sheet, maxRows: config.uploadMaxRows, size }, columns, issues, onProgress);
    onProgress?.({ phase: 'saving', rows: plan.rows });
    issues.add(...fileNotices(columns, format, input.fileName));
    const counts = { ...plan.counts, ...(await issues.close()) };
    await updateUploadSummary(trx, uploadId, {
      rowsTotal: plan.rows, counts,
      columns: {
        recognised: Object.fromEntries(Object.entries(columns.recognised).map(([f, h]) => [f, visible(h)])),
        unknown: columns.unknown.slice(0, MAX_LISTED_COLUMNS).map(visible),
        ...(columns.unknown.length > MAX_LISTED_COLUMNS ? { unknownCount: columns.unknown.length } : {}),
        ...(columns.headerRow === undefined ? {} : { headerRow: columns.headerRow }),
        ...(columns.sheet === undefined ? {} : { sheet: visible(columns.sheet) }),
        ...(columns.hiddenRows === undefined ? {} : { hiddenRows: columns.hiddenRows }),
      },
    });
    return uploadId;
  });
  return getUpload(db, id);
}

/** Unknown columns named in the issues and on the upload record, at most: a file may have 20,000. */
export const MAX_LISTED_COLUMNS = 50;
/** Hidden rows named in their warning, at most. */
const MAX_NAMED_ROWS = 20;

/**
 * Warnings about the whole file (row null), first in the report: what was read differently
 * from what the operator may think, and the columns kept aside, in file order.
 */
export function fileNotices(columns: ColumnReport, format: UploadFormat, fileName: string): RowIssue[] {
  const notices: RowIssue[] = [];
  if (format === 'csv' && extensionOf(fileName) === 'xlsx') notices.push(fileNotice('read_as_csv', null, {}));
  const { firstRow, headerRow } = columns;
  if (firstRow !== undefined && headerRow !== undefined && firstRow < headerRow) {
    const last = headerRow - 1;
    notices.push(fileNotice('rows_above_header', null, { first: firstRow, last, header: headerRow, ...(firstRow === last ? { kind: 'one' } : {}) }));
  }
  const hidden = (columns.hiddenRows ?? []).filter((r) => headerRow === undefined || r > headerRow);
  if (hidden.length) {
    const kind = hidden.length === 1 ? 'one' : hidden.length > MAX_NAMED_ROWS ? 'many' : null;
    notices.push(fileNotice('hidden_rows', null, { rows: hidden.slice(0, MAX_NAMED_ROWS).join(', '), count: hidden.length, ...(kind ? { kind } : {}) }));
  }
  for (const t of columns.totalRows ?? []) notices.push({ ...fileNotice('total_row', t.text, {}), row: t.row });
  for (const h of columns.unknown.slice(0, MAX_LISTED_COLUMNS)) notices.push(fileNotice('unknown_column', h, {}));
  const more = columns.unknown.length - MAX_LISTED_COLUMNS;
  if (more > 0) notices.push(fileNotice('unknown_column', null, { kind: 'more', count: more }));
  return notices;
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
  if (!u) throw refusal(404, 'not_found', 'upload_not_found', { id }, { id });
  if (viewer) assertOwnOperator(viewer, u.operatorId);
  return toUploadView(u);
}
