import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Technology } from '../db/schema.js';
import { runQuery } from '../db/queries.js';
import type { StationState } from './upload-validate.js';
import type { UploadTables } from './uploads.tables.js';

type Db = Kysely<DB> | Transaction<DB>;
const withUploads = (db: Db) => (db as Kysely<DB>).withTables<UploadTables>();

export const stationKey = (code: string, technology: string) => `${code}\u0000${technology}`;

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

/**
 * Every station of one operator with its full state. Coordinates come at full float8
 * precision (not rounded), so a state written back is exactly the state read.
 */
export async function findOperatorStations(db: Db, operatorId: number): Promise<Map<string, StationState & { code: string; technology: Technology }>> {
  const rows = await db.selectFrom('stations')
    .select([
      'code', 'technology', 'name', 'status', 'commissioned_on as commissionedOn', 'decommissioned_on as decommissionedOn',
      sql<number>`ST_X(geom)`.as('lon'), sql<number>`ST_Y(geom)`.as('lat'),
    ])
    .where('operator_id', '=', operatorId)
    .execute();
  return new Map(rows.map((r) => [stationKey(r.code, r.technology), { ...r, lon: Number(r.lon), lat: Number(r.lat) }]));
}

const OUTSIDE_BATCH = 5000;

/** Indexes (0-based) of the points that fall in no area of the set. */
export async function findPointsOutside(db: Db, setId: number, points: readonly { lon: number; lat: number }[]): Promise<Set<number>> {
  const outside = new Set<number>();
  for (let i = 0; i < points.length; i += OUTSIDE_BATCH) {
    const b = points.slice(i, i + OUTSIDE_BATCH);
    const { rows } = await runQuery<{ i: number }>(db, 'upload-points-outside', [setId, b.map((p) => p.lon), b.map((p) => p.lat)]);
    for (const r of rows) outside.add(i + r.i - 1);
  }
  return outside;
}

/** Removes stations by identity (a rollback of their creation); their area rows cascade. */
export async function deleteStationsByKey(db: Db, operatorId: number, keys: readonly { code: string; technology: string }[]): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < keys.length; i += OUTSIDE_BATCH) {
    const b = keys.slice(i, i + OUTSIDE_BATCH);
    const r = await sql`delete from stations s using unnest(${b.map((k) => k.code)}::text[], ${b.map((k) => k.technology)}::text[]) as k(code, technology)
      where s.operator_id = ${operatorId} and s.code = k.code and s.technology = k.technology`.execute(db);
    deleted += Number(r.numAffectedRows ?? 0);
  }
  return deleted;
}
