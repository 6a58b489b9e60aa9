import type { IssueParams } from './upload-messages.js';

/** A feature's geometry as one station's point, or why not (params of a bad_geometry variant). */
export type PointRead = { ok: true; lon: number; lat: number } | { ok: false; params: IssueParams };

/** A coordinate written as a JSON number, or as a string holding one ("105.427": some exporters quote them). */
function coordinate(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** A Point, or a MultiPoint of one point (what `ogr2ogr -nlt MULTIPOINT` and some GIS exports write for points). */
export function readPoint(geometry: unknown): PointRead {
  const g = (geometry ?? null) as { type?: unknown; coordinates?: unknown } | null;
  let c = g?.coordinates;
  if (g?.type === 'MultiPoint' && Array.isArray(c)) {
    if (c.length !== 1) return { ok: false, params: { kind: 'multipoint', points: c.length } };
    c = c[0];
  } else if (g?.type !== 'Point') {
    return { ok: false, params: {} };
  }
  if (!Array.isArray(c) || c.length < 2) return { ok: false, params: {} };
  const [lon, lat] = [coordinate(c[0]), coordinate(c[1])];
  if (lon === null || lat === null) return { ok: false, params: { kind: 'not_numbers' } };
  return { ok: true, lon, lat };
}

/** Names people read, for the codes a Vietnamese file is likely to carry. */
const CRS_NAMES: Record<string, string> = {
  3405: 'VN-2000 / UTM zone 48N', 3406: 'VN-2000 / UTM zone 49N', 4756: 'VN-2000', 3857: 'Web Mercator', 900913: 'Web Mercator',
  32648: 'WGS 84 / UTM zone 48N', 32649: 'WGS 84 / UTM zone 49N',
};

/**
 * The `crs` member (GeoJSON 2008; RFC 7946 dropped it, but GDAL still writes it) as the system
 * to name in the refusal, or null when it is longitude/latitude on WGS84 (CRS84, EPSG:4326) or
 * names nothing. EPSG:4326 is lat/lon by the book, but every writer puts longitude first.
 */
export function crsProblem(crs: unknown): string | null {
  const p = (crs as { properties?: { name?: unknown; code?: unknown } } | null)?.properties;
  const name = typeof p?.name === 'string' ? p.name.trim() : typeof p?.code === 'number' || typeof p?.code === 'string' ? `EPSG:${p.code}` : '';
  if (name === '' || /CRS:?84$/i.test(name) || /^WGS\s*-?\s*84$/i.test(name)) return null;
  const epsg = /EPSG(?::+|\/\d+\/)(\d+)$/i.exec(name)?.[1];
  if (epsg === '4326') return null;
  if (epsg === undefined) return name.slice(0, 100);
  return CRS_NAMES[epsg] ? `EPSG:${epsg} (${CRS_NAMES[epsg]})` : `EPSG:${epsg}`;
}

/** Points seen before a projected file is called so: a few stray ones are the rows' own errors. */
const EARLY_DECISION = 1000;

/**
 * Counts points beyond any degree value. Not |y| > 90 alone: latitude and longitude written
 * the other way round give a y of ~105, and the rows say "look swapped", which is the better advice.
 */
export class PointTally {
  private total = 0;
  private projected = 0;
  private first: { x: number; y: number } | null = null;

  add(x: number, y: number): void {
    this.total++;
    if (Math.abs(x) <= 180 && Math.abs(y) <= 180) return;
    this.projected++;
    this.first ??= { x, y };
  }

  /** Most points projected: at the end of the file, or early once there are enough of them. */
  looksProjected(atEnd: boolean): boolean {
    return (atEnd || this.projected >= EARLY_DECISION) && this.projected * 2 > this.total;
  }

  params() {
    return { count: this.projected, total: this.total, x: this.first?.x ?? null, y: this.first?.y ?? null };
  }
}
