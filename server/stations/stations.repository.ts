import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, StationStatus, Technology } from '../db/schema.js';
import { envelope, latOf, lonOf } from '../db/postgis.js';
import { runQuery } from '../db/queries.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What a station is, apart from its identity (operator, code, technology). */
export interface StationState {
  name: string | null;
  lon: number;
  lat: number;
  status: StationStatus;
  commissionedOn: string | null;
  decommissionedOn: string | null;
}

export interface StationInput extends StationState {
  operatorId: number;
  code: string;
  technology: Technology;
}

const BATCH = 5000;

/**
 * Writes stations by identity and places the written ones into the areas of every boundary
 * set, in the caller's transaction. Returns how many rows actually changed.
 */
export async function upsertStations(db: Db, stations: readonly StationInput[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < stations.length; i += BATCH) {
    const b = stations.slice(i, i + BATCH);
    const { rows } = await runQuery<{ id: number }>(db, 'upsert-stations', [
      b.map((s) => s.operatorId), b.map((s) => s.code), b.map((s) => s.technology), b.map((s) => s.name),
      b.map((s) => s.lon), b.map((s) => s.lat), b.map((s) => s.status),
      b.map((s) => s.commissionedOn), b.map((s) => s.decommissionedOn),
    ]);
    changed += rows.length;
    await assignStationsToAllSets(db, rows.map((r) => r.id));
  }
  return changed;
}

/** Places stations (all when `ids` is null) into the areas of one set: a spatial join, done at write time. */
export async function assignStations(db: Db, setId: number, ids: readonly number[] | null): Promise<void> {
  if (ids !== null && ids.length === 0) return;
  await runQuery(db, 'assign-stations', [setId, ids]);
}

export async function assignStationsToAllSets(db: Db, ids: readonly number[] | null): Promise<void> {
  const sets = await db.selectFrom('boundary_sets').select('id').execute();
  for (const s of sets) await assignStations(db, s.id, ids);
}

export interface StationFilter {
  setId: number;
  areaCodes?: readonly string[] | undefined;
  operatorIds?: readonly number[] | undefined;
  /** One station code (with an operator and technology: one station). */
  code?: string | undefined;
  technology?: Technology | undefined;
  statuses?: readonly StationStatus[] | undefined;
  asOf?: string | undefined;
  bbox?: readonly [number, number, number, number] | undefined;
  afterId?: number | undefined;
  limit: number;
  /** Not read any more: co-location is stored at write time (migration 0021), computed with the distance the server started with. */
  colocationMeters?: number | undefined;
}

export interface StationRow {
  id: number;
  operator: string;
  operatorName: string;
  code: string;
  technology: Technology;
  name: string | null;
  lon: number;
  lat: number;
  status: StationStatus;
  commissionedOn: string | null;
  decommissionedOn: string | null;
  areaCode: string | null;
  areaName: string | null;
  colocated: boolean;
}

/**
 * The stations a filter selects, before paging: one query that the page, the count and the
 * extent share, so what is counted is what is paged.
 */
function filteredStations(db: Db, f: Omit<StationFilter, 'limit' | 'afterId'>) {
  let q = db
    .selectFrom('stations as s')
    .innerJoin('operators as o', 'o.id', 's.operator_id')
    .leftJoin('station_areas as sa', (j) => j.onRef('sa.station_id', '=', 's.id').on('sa.set_id', '=', f.setId))
    .leftJoin('areas as a', 'a.id', 'sa.area_id');
  if (f.areaCodes?.length) q = q.where('a.code', 'in', f.areaCodes);
  if (f.operatorIds?.length) q = q.where('s.operator_id', 'in', f.operatorIds);
  if (f.code !== undefined) q = q.where('s.code', '=', f.code);
  if (f.technology) q = q.where('s.technology', '=', f.technology);
  if (f.statuses?.length) q = q.where('s.status', 'in', f.statuses);
  if (f.asOf) q = q.where(sql<boolean>`station_on_air(s.status, s.commissioned_on, s.decommissioned_on, ${f.asOf}::date)`);
  if (f.bbox) q = q.where(sql<boolean>`s.geom && ${envelope(f.bbox)}`);
  return q;
}

/** One page of stations in id order (keyset paging: stable under concurrent inserts, and no OFFSET to scan past). */
export async function findStations(db: Db, f: StationFilter): Promise<StationRow[]> {
  let q = filteredStations(db, f).leftJoin('station_colocated as c', 'c.station_id', 's.id').select([
    's.id', 'o.code as operator', 'o.name as operatorName', 's.code', 's.technology', 's.name',
    lonOf('s.geom').as('lon'), latOf('s.geom').as('lat'),
    's.status', 's.commissioned_on as commissionedOn', 's.decommissioned_on as decommissionedOn',
    'a.code as areaCode', 'a.name as areaName',
    sql<boolean>`c.station_id is not null`.as('colocated'),
  ]);
  if (f.afterId !== undefined) q = q.where('s.id', '>', f.afterId);
  return q.orderBy('s.id').limit(f.limit).execute();
}

/** How many stations a filter selects, all pages together. */
export async function countStations(db: Db, f: Omit<StationFilter, 'limit' | 'afterId'>): Promise<number> {
  const row = await filteredStations(db, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** The lon/lat box around every station a filter selects; null when it selects none. */
export async function findStationsExtent(db: Db, f: Omit<StationFilter, 'limit' | 'afterId'>): Promise<[number, number, number, number] | null> {
  const row = await filteredStations(db, f)
    .select([
      sql<number | null>`min(ST_X(s.geom))`.as('minx'), sql<number | null>`min(ST_Y(s.geom))`.as('miny'),
      sql<number | null>`max(ST_X(s.geom))`.as('maxx'), sql<number | null>`max(ST_Y(s.geom))`.as('maxy'),
    ])
    .executeTakeFirstOrThrow();
  return row.minx === null ? null : [row.minx, row.miny!, row.maxx!, row.maxy!];
}

/**
 * Brings the stored co-location flags to `meters` (COLOCATION_METERS): every flag is recomputed
 * when the distance they were computed with differs (migration 0021). Under the setting's row
 * lock: of two servers starting at once with the same new distance, one recomputes.
 */
export async function syncColocationDistance(db: Kysely<DB>, meters: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql`update colocation_setting set meters = ${meters}::float8 where id = 1 and meters <> ${meters}::float8 returning id`.execute(trx);
    if (rows.length === 0) return false;
    await sql`select recompute_colocation()`.execute(trx);
    return true;
  });
}
