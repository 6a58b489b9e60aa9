import { sql, type ColumnType, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { issueMatchesSql, searchTerm } from './upload-issue-search.repository.js';
import { renderIssue, type IssueParams, type Lang } from './upload-messages.js';
import type { RowIssue, StationState } from './upload-validate.js';
import { visible } from './upload-values.js';
import type { UploadCounts, UploadIssuesTable, UploadTables } from './uploads.tables.js';

type Db = Kysely<DB> | Transaction<DB>;
const withUploads = (db: Db) => (db as Kysely<DB>).withTables<UploadTables>();
/** upload_issues.params, added by sql/migrations/0007_upload_issue_params.sql (null on rows saved before it). */
type IssueTables = UploadTables & { upload_issues: UploadIssuesTable & { params: ColumnType<Record<string, unknown> | null, string | null, never> } };
const withIssues = (db: Db) => (db as Kysely<DB>).withTables<IssueTables>();
const BATCH = 5000;

export interface NewUpload {
  operatorId: number; mode: 'merge' | 'replace'; fileName: string; sha256: string; bytes: number;
  format: 'csv' | 'xlsx' | 'geojson'; sheet: string | null; uploadedBy: string; baseVersion: number;
  rowsTotal: number; counts: UploadCounts; columns: { recognised: Record<string, string>; unknown: string[] };
}

export interface PlannedChange {
  code: string; technology: '4G' | '5G'; action: 'create' | 'update' | 'decommission';
  rowNumber: number | null; before: StationState | null; after: StationState;
}

export async function insertUpload(db: Db, u: NewUpload): Promise<number> {
  const row = await withUploads(db).insertInto('uploads').values({
    operator_id: u.operatorId, mode: u.mode, file_name: u.fileName, file_sha256: u.sha256, file_bytes: u.bytes,
    format: u.format, sheet: u.sheet, uploaded_by: u.uploadedBy, base_version: u.baseVersion, rows_total: u.rowsTotal,
    counts: JSON.stringify(u.counts), columns: JSON.stringify(u.columns),
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Writes issues numbered from `firstSeq` (the order found; reports read them by row). */
export async function insertIssues(db: Db, uploadId: number, issues: readonly RowIssue[], firstSeq = 0): Promise<void> {
  for (let i = 0; i < issues.length; i += BATCH) {
    const b = issues.slice(i, i + BATCH);
    await sql`insert into upload_issues (upload_id, seq, row_number, severity, code, field, message, value, params, station_code)
      select ${uploadId}::bigint, ${firstSeq + i}::int + u.n::int, u.row_number, u.severity, u.code, u.field, u.message, u.value, u.params::jsonb, u.station_code
      from unnest(${b.map((x) => x.row)}::int[], ${b.map((x) => x.severity)}::text[], ${b.map((x) => x.code)}::text[],
                  ${b.map((x) => x.field)}::text[], ${b.map((x) => visible(x.message))}::text[], ${b.map((x) => (x.value === null ? null : visible(x.value)))}::text[],
                  ${b.map((x) => paramsJson(x.params))}::text[], ${b.map((x) => (x.station ? visible(x.station) : null))}::text[])
        with ordinality as u(row_number, severity, code, field, message, value, params, station_code, n)`.execute(db);
  }
}

// jsonb refuses \u0000 and lone surrogates; text from a file may hold both (GeoJSON strings can).
const storable = (s: string) => visible(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD'));

/** Strings stored as the message shows them (control codes made visible); a number that is not finite becomes null. */
function paramsJson(params: IssueParams): string {
  return JSON.stringify(Object.fromEntries(Object.entries(params).map(([k, v]) => [storable(k), typeof v === 'string' ? storable(v) : v])));
}

/** The file's summary, known once it is read to the end (the row was inserted first, so changes can point at it). */
export async function updateUploadSummary(db: Db, id: number, u: Pick<NewUpload, 'rowsTotal' | 'counts' | 'columns'>): Promise<void> {
  await sql`update uploads set rows_total = ${u.rowsTotal}, counts = ${JSON.stringify(u.counts)}::jsonb,
    columns = ${JSON.stringify(u.columns)}::jsonb where id = ${id}`.execute(db);
}

const uploadColumns = [
  'u.id', 'o.code as operator', 'u.operator_id as operatorId', 'u.mode', 'u.file_name as fileName', 'u.file_sha256 as sha256',
  'u.file_bytes as bytes', 'u.format', 'u.sheet', 'u.uploaded_by as uploadedBy', 'u.state', 'u.base_version as baseVersion',
  'u.rows_total as rows', 'u.counts', 'u.columns', 'u.created_at as createdAt', 'u.committed_at as committedAt',
  'u.committed_by as committedBy', 'u.commit_seq as commitSeq', 'u.rolled_back_at as rolledBackAt', 'u.rolled_back_by as rolledBackBy',
  'u.discarded_at as discardedAt', 'u.discarded_by as discardedBy', 'u.superseded_by as supersededBy',
] as const;

const baseUploads = (db: Db) => withUploads(db).selectFrom('uploads as u').innerJoin('operators as o', 'o.id', 'u.operator_id').select(uploadColumns);
export type UploadRow = Awaited<ReturnType<typeof findUpload>> & {};

export async function findUpload(db: Db, id: number) {
  return baseUploads(db).where('u.id', '=', id).executeTakeFirst();
}

/** Locks the upload row too, so that one preview cannot be committed twice at once. */
export async function findUploadForUpdate(trx: Transaction<DB>, id: number) {
  return baseUploads(trx).where('u.id', '=', id).forUpdate('u').executeTakeFirst();
}

export async function listUploads(db: Db, f: { operatorId?: number | undefined; beforeId?: number | undefined; limit: number }) {
  let q = baseUploads(db);
  if (f.operatorId !== undefined) q = q.where('u.operator_id', '=', f.operatorId);
  if (f.beforeId !== undefined) q = q.where('u.id', '<', f.beforeId);
  return q.orderBy('u.id', 'desc').limit(f.limit).execute();
}

export interface IssueFilter {
  severity?: 'error' | 'warning' | undefined; field?: string | undefined; code?: string | undefined;
  /** Text to find in the code, field, value or message (in `lang`), any case, with or without diacritics. */
  q?: string | undefined;
  lang?: Lang | undefined;
}

const issuesQuery = (db: Db, id: number, f: IssueFilter) => {
  let q = withIssues(db).selectFrom('upload_issues').where('upload_id', '=', id);
  if (f.severity) q = q.where('severity', '=', f.severity);
  if (f.field) q = q.where('field', '=', f.field);
  if (f.code) q = q.where('code', '=', f.code);
  const term = searchTerm(f.q);
  if (term) q = q.where(issueMatchesSql(term, f.lang ?? 'en'));
  return q;
};

const issueColumns = ['seq', 'row_number as row', 'station_code as station', 'severity', 'code', 'field', 'message', 'value', 'params'] as const;
const countIssues = async (db: Db, id: number, f: IssueFilter) =>
  Number((await issuesQuery(db, id, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/**
 * One page of an upload's issues and how many match, each message in `lang` (default English).
 * With a search, the total comes with the page (a window count): the match is evaluated in one
 * scan instead of two, and only a page past the end counts on its own. Without one, the page
 * reads in key order and stops, and the count is cheap.
 */
export async function findIssuePage(db: Db, id: number, f: IssueFilter & { offset: number; limit: number }) {
  const render = <R extends { code: string; field: string | null; value: string | null; message: string; params: unknown }>(r: R) => ({ ...r, message: renderIssue(r, f.lang ?? 'en') });
  // By row, the whole file's first, then as found within a row (upload_issues_row_order_idx).
  const page = () => issuesQuery(db, id, f).orderBy(sql`row_number nulls first`).orderBy('seq').offset(f.offset).limit(f.limit);
  if (!searchTerm(f.q)) {
    const [rows, total] = await Promise.all([page().select(issueColumns).execute(), countIssues(db, id, f)]);
    return { rows: rows.map(render), total };
  }
  const found = await page().select([...issueColumns, sql<number>`count(*) over ()`.as('matching')]).execute();
  const total = found[0] ? Number(found[0].matching) : f.offset === 0 ? 0 : await countIssues(db, id, f);
  return { rows: found.map(({ matching: _m, ...r }) => render(r)), total };
}

const stateColumns = (side: 'before' | 'after') => [
  `${side}_name`, `${side}_lon`, `${side}_lat`, `${side}_status`, `${side}_commissioned_on`, `${side}_decommissioned_on`,
] as const;

/** One page of an upload's planned changes, each with the station's state before (null: created) and after. */
export async function findChanges(db: Db, id: number, f: { action?: string | undefined; offset?: number; limit?: number } = {}): Promise<PlannedChange[]> {
  let q = withUploads(db).selectFrom('upload_changes')
    .select(['code', 'technology', 'action', 'row_number', ...stateColumns('before'), ...stateColumns('after')]).where('upload_id', '=', id);
  if (f.action) q = q.where('action', '=', f.action as 'create');
  // In file order, as the operator reads the file; replace's decommissions (no row) after, by code.
  q = q.orderBy(sql`row_number nulls last`).orderBy('code').orderBy('technology');
  if (f.limit !== undefined) q = q.offset(f.offset ?? 0).limit(f.limit);
  const rows = await q.execute();
  return rows.map((r) => ({
    code: r.code, technology: r.technology, action: r.action, rowNumber: r.row_number,
    before: r.before_status === null ? null : {
      name: r.before_name, lon: Number(r.before_lon), lat: Number(r.before_lat), status: r.before_status,
      commissionedOn: r.before_commissioned_on, decommissionedOn: r.before_decommissioned_on,
    },
    after: {
      name: r.after_name, lon: Number(r.after_lon), lat: Number(r.after_lat), status: r.after_status,
      commissionedOn: r.after_commissioned_on, decommissionedOn: r.after_decommissioned_on,
    },
  }));
}

export async function markCommitted(db: Db, id: number, by: string): Promise<void> {
  await sql`update uploads set state = 'committed', committed_at = now(), committed_by = ${by},
    commit_seq = nextval('upload_commit_seq') where id = ${id}`.execute(db);
}

export async function markRolledBack(db: Db, id: number, by: string): Promise<void> {
  await sql`update uploads set state = 'rolled_back', rolled_back_at = now(), rolled_back_by = ${by} where id = ${id}`.execute(db);
}

export async function markDiscarded(db: Db, id: number, by: string): Promise<void> {
  await sql`update uploads set state = 'discarded', discarded_at = now(), discarded_by = ${by} where id = ${id}`.execute(db);
}

/**
 * The operator's open previews made before its stations last changed can never be committed
 * (stale): they are discarded as superseded by `byUpload`. Returns their ids.
 */
export async function supersedeStalePreviews(db: Db, p: { operatorId: number; version: number; byUpload: number }): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`update uploads set state = 'discarded', discarded_at = now(), superseded_by = ${p.byUpload}
    where operator_id = ${p.operatorId} and state = 'previewed' and base_version < ${p.version} returning id`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** Deletes the planned changes of the operator's discarded previews (their record and issues stay). */
export async function deleteDiscardedChanges(db: Db, operatorId: number): Promise<number> {
  const r = await sql`delete from upload_changes c using uploads u
    where u.id = c.upload_id and u.operator_id = ${operatorId} and u.state = 'discarded'`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Stations this upload changed that a later, still committed upload of the same operator
 * changed again: the first 1,000 (station, later upload) pairs, how many stations in all, and
 * every later upload involved (all of them must be rolled back first).
 */
export async function findLaterConflicts(db: Db, upload: { id: number; operatorId: number; commitSeq: number }) {
  const pairs = () => withUploads(db).selectFrom('upload_changes as mine')
    .innerJoin('upload_changes as later', (j) => j.onRef('later.code', '=', 'mine.code').onRef('later.technology', '=', 'mine.technology'))
    .innerJoin('uploads as lu', 'lu.id', 'later.upload_id')
    .where('mine.upload_id', '=', upload.id)
    .where('lu.operator_id', '=', upload.operatorId)
    .where('lu.state', '=', 'committed')
    .where('lu.commit_seq', '>', upload.commitSeq);
  const [listed, summary] = await Promise.all([
    pairs().select(['mine.code', 'mine.technology', 'lu.id as uploadId', 'lu.file_name as fileName'])
      .orderBy('mine.code').orderBy('mine.technology').orderBy('lu.id').limit(1000).execute(),
    pairs().select([
      sql<number>`count(distinct (mine.code, mine.technology))`.as('stations'),
      sql<number[]>`coalesce(array_agg(distinct lu.id order by lu.id), '{}')`.as('uploads'),
    ]).executeTakeFirstOrThrow(),
  ]);
  return { listed, stations: Number(summary.stations), uploads: summary.uploads.map(Number) };
}
