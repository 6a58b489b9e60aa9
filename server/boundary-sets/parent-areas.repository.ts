import { sql, type Kysely, type Transaction } from 'kysely';
import type { Geometry } from 'geojson';
import type { DB } from '../db/schema.js';
import { asGeoJSON } from '../db/postgis.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The parents of a set's areas (migration 0020), for the readers of the parent level: figures
 * per parent are sums over `areas.parent_code`, a parent's children are its areas.
 */
export interface ParentAreaRow {
  id: number;
  code: string;
  name: string;
  areaKm2: number;
  /** How many areas of the set name it as their parent (at least 1: an import stores no childless parent). */
  childCount: number;
}

export interface ParentAreaFeatureRow extends ParentAreaRow {
  geometry: Geometry;
  bbox: [number, number, number, number];
  properties: Record<string, unknown>;
}

const parentColumns = [
  'p.id', 'p.code', 'p.name', 'p.area_km2 as areaKm2',
  sql<number>`(select count(*)::int from areas a where a.set_id = p.set_id and a.parent_code = p.code)`.as('childCount'),
] as const;

export async function listParentAreas(db: Db, setId: number): Promise<ParentAreaRow[]> {
  return db.selectFrom('parent_areas as p').select(parentColumns).where('p.set_id', '=', setId).orderBy('p.code').execute();
}

/** Parents with their geometry as RFC 7946 GeoJSON (CCW exterior rings, 6 decimals); all, or those of `codes`. */
export async function listParentAreaFeatures(db: Db, setId: number, codes?: readonly string[]): Promise<ParentAreaFeatureRow[]> {
  let q = db
    .selectFrom('parent_areas as p')
    .select([
      ...parentColumns, 'p.properties', asGeoJSON('p.geom', 6).as('geometry'),
      sql<[number, number, number, number]>`json_build_array(
        round(ST_XMin(p.geom)::numeric, 6), round(ST_YMin(p.geom)::numeric, 6),
        round(ST_XMax(p.geom)::numeric, 6), round(ST_YMax(p.geom)::numeric, 6))`.as('bbox'),
    ])
    .where('p.set_id', '=', setId);
  if (codes && codes.length > 0) q = q.where('p.code', 'in', codes);
  const rows = await q.orderBy('p.code').execute();
  return rows.map((r) => ({ ...r, bbox: r.bbox.map(Number) as ParentAreaFeatureRow['bbox'] }));
}

/** The codes of the areas whose parent is one of `parentCodes`, in code order (a `?parent=` filter, a jurisdiction by province). */
export async function listChildCodes(db: Db, setId: number, parentCodes: readonly string[]): Promise<string[]> {
  if (parentCodes.length === 0) return [];
  const rows = await db.selectFrom('areas').select('code').where('set_id', '=', setId).where('parent_code', 'in', parentCodes).orderBy('code').execute();
  return rows.map((r) => r.code);
}
