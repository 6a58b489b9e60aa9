import { sql, type Kysely, type Transaction } from 'kysely';
import type { Geometry } from 'geojson';
import type { DB } from '../db/schema.js';
import { asGeoJSON, envelope } from '../db/postgis.js';

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

/** Each set's lon/lat box around all its areas (the OGC collections' extent). */
export async function findAreaSetExtents(db: Db): Promise<Map<number, [number, number, number, number]>> {
  const rows = await db
    .selectFrom('areas as a')
    .select([
      'a.set_id as setId',
      sql<number>`min(ST_XMin(a.geom))`.as('minx'), sql<number>`min(ST_YMin(a.geom))`.as('miny'),
      sql<number>`max(ST_XMax(a.geom))`.as('maxx'), sql<number>`max(ST_YMax(a.geom))`.as('maxy'),
    ])
    .groupBy('a.set_id')
    .execute();
  return new Map(rows.map((r) => [r.setId, [r.minx, r.miny, r.maxx, r.maxy]]));
}

/** The codes of a set's areas whose polygon meets a lon/lat box (the envelope in the column's SRID: the GiST index serves it). */
export async function findAreaCodesInBbox(db: Db, setId: number, bbox: readonly [number, number, number, number]): Promise<string[]> {
  const rows = await db
    .selectFrom('areas as a')
    .select('a.code')
    .where('a.set_id', '=', setId)
    .where(sql<boolean>`ST_Intersects(a.geom, ${envelope(bbox)})`)
    .execute();
  return rows.map((r) => r.code);
}

/** Areas' polygons as WKB (ISO, little-endian), for files that embed binary geometry (GeoPackage). */
export async function listAreaWkb(db: Db, setId: number): Promise<{ code: string; wkb: Uint8Array; bbox: [number, number, number, number] }[]> {
  const rows = await db
    .selectFrom('areas as a')
    .select(['a.code', sql<Uint8Array>`ST_AsBinary(ST_ForcePolygonCCW(a.geom), 'NDR')`.as('wkb'), bboxOf.as('bbox')])
    .where('a.set_id', '=', setId)
    .execute();
  return rows.map((r) => ({ code: r.code, wkb: r.wkb, bbox: r.bbox.map(Number) as [number, number, number, number] }));
}
