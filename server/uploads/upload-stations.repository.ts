import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Technology } from '../db/schema.js';
import { runQuery } from '../db/queries.js';
import type { UploadTables } from './uploads.tables.js';

type Db = Kysely<DB> | Transaction<DB>;
const withUploads = (db: Db) => (db as Kysely<DB>).withTables<UploadTables>();

export const stationKey = (code: string, technology: string) => `${code}\u0000${technology}`;

/** Every station code with its operator: planning compares a file's codes with them loosely (case, dashes). */
export async function listStationCodes(db: Db): Promise<{ operatorId: number; operator: string; code: string }[]> {
  return (db as Kysely<DB>).selectFrom('stations as s').innerJoin('operators as o', 'o.id', 's.operator_id')
    .select(['s.operator_id as operatorId', 'o.code as operator', 's.code']).distinct().execute();
}

/** The operator's change counter: every write to its stations moves it (0002_uploads.sql triggers). */
export async function readOperatorVersion(db: Db, operatorId: number): Promise<number> {
  const row = await withUploads(db).selectFrom('operator_station_versions').select('version')
    .where('operator_id', '=', operatorId).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Takes the operator's row lock for the rest of the transaction: commits and rollbacks for one
 * operator queue here, one at a time (a row lock works the same on PostgreSQL and PGlite).
 */
export async function lockOperator(trx: Transaction<DB>, operatorId: number): Promise<void> {
  await trx.selectFrom('operators').select('id').where('id', '=', operatorId).forUpdate().execute();
}

/** One valid row of a file, ready to be planned. Null name, status or date: not given, the stored value stays. */
export interface PlanRow {
  rowNumber: number; code: string; technology: Technology; name: string | null; lon: number; lat: number;
  status: string | null; commissionedOn: string | null; decommissionedOn: string | null;
}

/** A row whose state, merged with the stored station, breaks a rule (sql/queries/upload-plan-rows.sql). */
export interface PlanConflict {
  row: number;
  /** The issue code, with the variant saying which date was the stored one. */
  reason: 'future_date' | 'future_date.stored' | 'date_order.stored' | 'date_order.stored_decommissioning';
  commissionedOn: string | null;
  decommissionedOn: string | null;
}

export interface PlannedBatch {
  create: number;
  update: number;
  /** Points in no area of the set tested (ascending row numbers). */
  outside: { row: number; lon: number; lat: number }[];
  /** Rows not planned (ascending row numbers). */
  conflicts: PlanConflict[];
  /** Rows planned that change nothing. */
  unchanged: number;
}

/**
 * Plans one batch of valid rows against the operator's stations in one statement: creates and
 * updates are saved as the upload's changes, points outside every area come back
 * (sql/queries/upload-plan-rows.sql).
 */
export async function planRows(db: Db, p: { uploadId: number; operatorId: number; setId: number | null; outsideIsError: boolean; today: string },
  rows: readonly PlanRow[]): Promise<PlannedBatch> {
  const { rows: out } = await runQuery<{ kind: string; row_number: number | null; lon: number | null; lat: number | null; n: number | null;
    reason: string | null; commissioned_on: string | null; decommissioned_on: string | null }>(
    db, 'upload-plan-rows', [
      p.uploadId, p.operatorId, p.setId, p.outsideIsError,
      rows.map((r) => r.rowNumber), rows.map((r) => r.code), rows.map((r) => r.technology), rows.map((r) => r.name),
      rows.map((r) => r.lon), rows.map((r) => r.lat), rows.map((r) => r.status),
      rows.map((r) => r.commissionedOn), rows.map((r) => r.decommissionedOn), p.today,
    ]);
  const batch: PlannedBatch = { create: 0, update: 0, outside: [], conflicts: [], unchanged: 0 };
  for (const r of out) {
    if (r.kind === 'outside') batch.outside.push({ row: Number(r.row_number), lon: Number(r.lon), lat: Number(r.lat) });
    else if (r.kind === 'conflict') {
      batch.conflicts.push({ row: Number(r.row_number), reason: r.reason as PlanConflict['reason'], commissionedOn: r.commissioned_on, decommissionedOn: r.decommissioned_on });
    } else if (r.kind === 'create' || r.kind === 'update' || r.kind === 'unchanged') batch[r.kind] = Number(r.n);
  }
  batch.outside.sort((a, b) => a.row - b.row);
  batch.conflicts.sort((a, b) => a.row - b.row);
  return batch;
}

/**
 * Replace mode: plans the decommissioning of the operator's stations no row of the file names.
 * Returns how many, and how many of its stations are not decommissioned now.
 */
export async function planDecommissions(db: Db, p: { uploadId: number; operatorId: number; today: string },
  keys: { codes: string[]; technologies: string[]; codesOnly: string[] }): Promise<{ planned: number; active: number }> {
  const { rows } = await runQuery<{ n: number; active: number }>(db, 'upload-plan-decommission',
    [p.uploadId, p.operatorId, p.today, keys.codes, keys.technologies, keys.codesOnly]);
  return { planned: Number(rows[0]?.n ?? 0), active: Number(rows[0]?.active ?? 0) };
}

/**
 * Writes an upload's planned states over existing stations (after: commit; before: rollback)
 * and places those that moved into areas, in one statement (sql/queries/upload-write-stations.sql).
 */
export async function writeUploadStations(db: Db, p: { uploadId: number; operatorId: number; restoreBefore: boolean }): Promise<number> {
  const { rows } = await runQuery<{ n: number }>(db, 'upload-write-stations', [p.uploadId, p.operatorId, p.restoreBefore]);
  return Number(rows[0]?.n ?? 0);
}

/** Creates the stations an upload planned as new and places them into areas (sql/queries/upload-create-stations.sql). */
export async function createUploadStations(db: Db, p: { uploadId: number; operatorId: number }): Promise<number> {
  const { rows } = await runQuery<{ n: number }>(db, 'upload-create-stations', [p.uploadId, p.operatorId]);
  return Number(rows[0]?.n ?? 0);
}

/** Removes the stations an upload created (a rollback of their creation); their area rows go first, set-based. */
export async function deleteCreatedStations(db: Db, uploadId: number, operatorId: number): Promise<number> {
  await sql`delete from station_areas sa using stations s, upload_changes c
    where c.upload_id = ${uploadId} and c.before_status is null
      and s.operator_id = ${operatorId} and s.code = c.code and s.technology = c.technology and sa.station_id = s.id`.execute(db);
  const r = await sql`delete from stations s using upload_changes c
    where c.upload_id = ${uploadId} and c.before_status is null
      and s.operator_id = ${operatorId} and s.code = c.code and s.technology = c.technology`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Stations the upload changed whose state is no longer the one it wrote, other than those a
 * later committed upload changed: the first 1,000 and how many in all.
 */
export async function findChangedSince(db: Db, upload: { id: number; operatorId: number; commitSeq: number }):
  Promise<{ total: number; stations: { code: string; technology: '4G' | '5G' }[] }> {
  const { rows } = await runQuery<{ code: string; technology: '4G' | '5G'; total: number }>(db, 'upload-changed-since',
    [upload.id, upload.operatorId, upload.commitSeq]);
  return { total: Number(rows[0]?.total ?? 0), stations: rows.map(({ code, technology }) => ({ code, technology })) };
}
