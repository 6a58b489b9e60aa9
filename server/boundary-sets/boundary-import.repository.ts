import { sql, type Kysely, type Transaction } from 'kysely';
import type { Geometry } from 'geojson';
import type { DB } from '../db/schema.js';
import { runQuery } from '../db/queries.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface PolygonInsert {
  code: string;
  name: string;
  parentCode?: string | null;
  population?: number | null;
  properties: Record<string, unknown>;
  geometry: Geometry;
}

export interface InsertOutcome {
  repaired: { code: string; reason: string }[];
  /** Codes whose geometry had no polygonal surface left after repair: nothing of them was written. */
  empty: string[];
}

/** Areas per statement: one round trip for 250 polygons, a statement of a few MB at most. */
const BATCH = 250;

/**
 * Writes a set's areas, or its parents (`into: 'parents'`), from GeoJSON, repairing invalid rings
 * (sql/queries/insert-areas.sql). Batched: 3,321 communes are 14 statements, not 3,321.
 */
export async function insertPolygons(db: Db, setId: number, rows: readonly PolygonInsert[], into: 'areas' | 'parents'): Promise<InsertOutcome> {
  const outcome: InsertOutcome = { repaired: [], empty: [] };
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => ({
      code: r.code, name: r.name, parent_code: r.parentCode ?? null, population: r.population ?? null,
      properties: r.properties, geometry: JSON.stringify(r.geometry),
    }));
    const { rows: found } = await runQuery<{ code: string; invalid_reason: string | null; empty: boolean }>(
      db, 'insert-areas', [setId, JSON.stringify(batch), into === 'parents']);
    for (const f of found) {
      if (f.empty) outcome.empty.push(f.code);
      else if (f.invalid_reason) outcome.repaired.push({ code: f.code, reason: f.invalid_reason });
    }
  }
  return outcome;
}

/** A set's parents as the union of the children just written (no parents file given). */
export async function insertParentsFromChildren(db: Db, setId: number, parents: readonly { code: string; name: string }[]): Promise<void> {
  await sql`
    insert into parent_areas (set_id, code, name, geom, area_km2)
    select ${setId}::int, p.code, p.name, u.geom, ST_Area(u.geom::geography) / 1e6
    from json_to_recordset(${JSON.stringify(parents)}::json) as p(code text, name text)
    cross join lateral (
      select ST_Multi(ST_CollectionExtract(ST_Union(a.geom), 3)) as geom
      from areas a where a.set_id = ${setId}::int and a.parent_code = p.code
    ) u`.execute(db);
}
