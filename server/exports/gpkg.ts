import initSqlJs, { type SqlJsStatic } from 'sql.js';

/**
 * GeoPackage 1.2 files (OGC 12-128r15): an SQLite database with the three metadata tables a
 * reader needs (spatial reference systems, contents with the extent, geometry columns) and
 * one feature table. SQLite runs as WebAssembly (sql.js): nothing to compile on the user's
 * machine. Table and column names come from the fixed layer definitions below, never from
 * input; values are bound.
 */

export type GpkgType = 'TEXT' | 'INTEGER' | 'REAL' | 'BOOLEAN' | 'DATE';
export interface GpkgLayer {
  table: string;
  title: string;
  description: string;
  geometryType: 'POINT' | 'MULTIPOLYGON';
  columns: readonly { name: string; type: GpkgType }[];
}

export interface GpkgFeature {
  /** A GeoPackage geometry blob (gpkgGeometry). */
  geometry: Uint8Array;
  values: readonly (string | number | boolean | null)[];
}

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

const METADATA = `
  PRAGMA application_id = 1196444487; -- 'GPKG'
  PRAGMA user_version = 10200;        -- GeoPackage 1.2
  CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
  CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
    description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
  CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name),
    FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
`;

let sqlJs: Promise<SqlJsStatic> | undefined;

type Bbox = readonly [number, number, number, number];

/** Writes one layer into a new GeoPackage and returns the file's bytes. */
export async function writeGeoPackage(layer: GpkgLayer, features: AsyncIterable<GpkgFeature> | Iterable<GpkgFeature>, bbox: Bbox | null): Promise<Uint8Array> {
  const SQL = await (sqlJs ??= initSqlJs());
  const db = new SQL.Database();
  try {
    db.exec(METADATA);
    db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', ['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system']);
    db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', ['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system']);
    db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', ['WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid']);
    const columns = layer.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
    db.exec(`CREATE TABLE "${layer.table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ${layer.geometryType}, ${columns})`);
    db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 4326)',
      [layer.table, 'features', layer.title, layer.description, ...(bbox ?? [null, null, null, null])]);
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, 4326, 0, 0)', [layer.table, 'geom', layer.geometryType]);

    const insert = db.prepare(`INSERT INTO "${layer.table}" (geom, ${layer.columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (?${', ?'.repeat(layer.columns.length)})`);
    db.exec('BEGIN');
    for await (const f of features) insert.run([f.geometry, ...f.values.map((v) => (typeof v === 'boolean' ? Number(v) : v))]);
    db.exec('COMMIT');
    insert.free();
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * A GeoPackage geometry blob: the "GP" header (version 0, little-endian, SRS 4326, with the
 * envelope when one is given: minx, maxx, miny, maxy) in front of standard WKB.
 */
export function gpkgGeometry(wkb: Uint8Array, envelope?: Bbox): Uint8Array {
  const head = new DataView(new ArrayBuffer(8 + (envelope ? 32 : 0)));
  head.setUint8(0, 0x47); // G
  head.setUint8(1, 0x50); // P
  head.setUint8(2, 0); // version 1
  head.setUint8(3, (envelope ? 1 << 1 : 0) | 1); // envelope [minx, maxx, miny, maxy]; little-endian
  head.setInt32(4, 4326, true);
  if (envelope) [envelope[0], envelope[2], envelope[1], envelope[3]].forEach((v, i) => head.setFloat64(8 + i * 8, v, true));
  const out = new Uint8Array(head.byteLength + wkb.byteLength);
  out.set(new Uint8Array(head.buffer), 0);
  out.set(wkb, head.byteLength);
  return out;
}

/** A 2D point as little-endian WKB (21 bytes): stations carry their coordinates already. */
export function pointWkb(lon: number, lat: number): Uint8Array {
  const v = new DataView(new ArrayBuffer(21));
  v.setUint8(0, 1);
  v.setUint32(1, 1, true);
  v.setFloat64(5, lon, true);
  v.setFloat64(13, lat, true);
  return new Uint8Array(v.buffer);
}
