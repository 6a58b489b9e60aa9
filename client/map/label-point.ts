import type { Geometry, Position } from 'geojson';

/** Signed area and centroid of a closed ring in plain lon/lat (good enough for a label). */
function ringCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const f = x0 * y1 - x1 * y0;
    a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
  }
  if (a === 0) {
    const [x, y] = ring[0] as [number, number];
    return { area: 0, x, y };
  }
  return { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
}

/** Where to put an area's label: the centroid of its largest polygon's outer ring, [lon, lat]. */
export function labelPoint(geometry: Geometry): [number, number] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best: { area: number; x: number; y: number } | null = null;
  for (const p of polygons) {
    const outer = p[0];
    if (!outer?.length) continue;
    const c = ringCentroid(outer);
    if (!best || c.area > best.area) best = c;
  }
  return best ? [best.x, best.y] : null;
}
