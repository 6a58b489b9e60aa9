import { sql, type Kysely, type Transaction } from 'kysely';
import type { Geometry } from 'geojson';
import type { DB } from '../db/schema.js';
import { asGeoJSON } from '../db/postgis.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface AreaRow {
  id: number;
  code: string;
  name: string;
  parentCode: string | null;
  areaKm2: number;
  population: number | null;
}

export interface AreaFeatureRow extends AreaRow {
  geometry: Geometry;
  bbox: [number, number, number, number];
  properties: Record<string, unknown>;
}

const areaColumns = ['a.id', 'a.code', 'a.name', 'a.parent_code as parentCode', 'a.area_km2 as areaKm2', 'a.population'] as const;

export async function listAreas(db: Db, setId: number): Promise<AreaRow[]> {
  return db.selectFrom('areas as a').select(areaColumns).where('a.set_id', '=', setId).orderBy('a.code').execute();
}

const bboxOf = sql<[number, number, number, number]>`json_build_array(
  round(ST_XMin(a.geom)::numeric, 6), round(ST_YMin(a.geom)::numeric, 6),
  round(ST_XMax(a.geom)::numeric, 6), round(ST_YMax(a.geom)::numeric, 6))`;

/** Areas with their geometry as RFC 7946 GeoJSON (CCW exterior rings, 6 decimals). */
export async function listAreaFeatures(db: Db, setId: number, codes?: readonly string[]): Promise<AreaFeatureRow[]> {
  let q = db
    .selectFrom('areas as a')
    .select([...areaColumns, 'a.properties', asGeoJSON('a.geom', 6).as('geometry'), bboxOf.as('bbox')])
    .where('a.set_id', '=', setId);
  if (codes && codes.length > 0) q = q.where('a.code', 'in', codes);
  const rows = await q.orderBy('a.code').execute();
  return rows.map((r) => ({ ...r, bbox: r.bbox.map(Number) as AreaFeatureRow['bbox'] }));
}

export async function findAreaFeature(db: Db, setId: number, code: string): Promise<AreaFeatureRow | undefined> {
  return (await listAreaFeatures(db, setId, [code]))[0];
}

/** Sets (or clears, with null) the environment class the coverage model uses for one area. */
export async function updateAreaEnvironment(db: Db, setId: number, code: string, environment: string | null): Promise<boolean> {
  const r = await db.updateTable('areas').set({ environment }).where('set_id', '=', setId).where('code', '=', code).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
