import { sql, type RawBuilder } from 'kysely';
import type { Geometry } from 'geojson';

/**
 * PostGIS reads and writes GeoJSON; Node never parses WKB. These wrap the few functions
 * the repositories use, typed, with values always bound as parameters.
 */

/** RFC 7946 output: exterior rings counter-clockwise, at most `decimals` digits. */
export function asGeoJSON(column: string, decimals = 6): RawBuilder<Geometry> {
  return sql<Geometry>`ST_AsGeoJSON(ST_ForcePolygonCCW(${sql.ref(column)}), ${sql.lit(decimals)})::json`;
}

/** A lon/lat point in EPSG:4326 from two bound numbers. */
export function makePoint(lon: number, lat: number): RawBuilder<never> {
  return sql<never>`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)`;
}

/** A bbox (minLon, minLat, maxLon, maxLat) as an envelope in the columns' SRID, so the GiST index is used. */
export function envelope(bbox: readonly [number, number, number, number]): RawBuilder<never> {
  const [minx, miny, maxx, maxy] = bbox;
  return sql<never>`ST_MakeEnvelope(${minx}::float8, ${miny}::float8, ${maxx}::float8, ${maxy}::float8, 4326)`;
}

/**
 * A station's longitude and latitude to 9 decimals, the precision uploads keep
 * (COORDINATE_DECIMALS): an exported list uploaded again is the same list, not a move of 0.1 m.
 */
export function lonOf(column: string): RawBuilder<number> {
  return sql<number>`round(ST_X(${sql.ref(column)})::numeric, 9)::float8`;
}

export function latOf(column: string): RawBuilder<number> {
  return sql<number>`round(ST_Y(${sql.ref(column)})::numeric, 9)::float8`;
}
