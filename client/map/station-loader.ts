import type L from 'leaflet';
import { api, type StationQuery } from '../api.js';
import type { StationData, StationPoint } from './stations-layer.js';

/** Above this many stations in view the map shows counts per cell, not points. */
export const POINT_LIMIT = 6000;
/** From this zoom on, points are always drawn (a view this small never holds too many). */
export const POINTS_FROM_ZOOM = 14;
const PAGE = 5000;

/** The view's bbox, widened by a margin and snapped outward, so small pans reuse a request. */
export function viewBbox(bounds: L.LatLngBounds, zoom: number): string {
  const step = 360 / 2 ** Math.max(zoom, 1) / 4;
  const snap = (v: number, up: boolean) => (up ? Math.ceil(v / step) : Math.floor(v / step)) * step;
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
  const w = bounds.getWest(), e = bounds.getEast(), s = bounds.getSouth(), n = bounds.getNorth();
  const mx = (e - w) * 0.15, my = (n - s) * 0.15;
  const parts = [clamp(snap(w - mx, false), 180), clamp(snap(s - my, false), 90), clamp(snap(e + mx, true), 180), clamp(snap(n + my, true), 90)];
  return parts.map((v) => Number(v.toFixed(6))).join(',');
}

/**
 * Loads what the stations layer shows for the current view: grid counts first (cheap, one
 * query); when they are few enough, the points themselves, page by page. A newer view
 * aborts the older requests.
 */
export class StationLoader {
  private controller: AbortController | undefined;
  private lastKey = '';

  constructor(private readonly onData: (d: StationData) => void, private readonly onError: (e: unknown) => void) {}

  async load(map: L.Map, query: StationQuery, force = false): Promise<void> {
    const zoom = Math.round(map.getZoom());
    const bbox = viewBbox(map.getBounds(), zoom);
    const key = JSON.stringify([query, bbox, zoom]);
    if (!force && key === this.lastKey) return;
    this.lastKey = key;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    try {
      let wantPoints = zoom >= POINTS_FROM_ZOOM;
      if (!wantPoints) {
        const grid = await api.grid({ ...query, bbox, zoom: String(zoom) }, controller.signal);
        if (grid.total.n4g + grid.total.n5g > POINT_LIMIT) return this.onData({ kind: 'grid', cells: grid.cells });
        wantPoints = true;
      }
      const points: StationPoint[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.stationPage({ ...query, bbox, limit: String(PAGE), cursor }, controller.signal);
        for (const f of page.features) points.push({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], p: f.properties });
        cursor = page.nextCursor ?? undefined;
      } while (cursor && points.length < POINT_LIMIT * 3);
      if (!controller.signal.aborted) this.onData({ kind: 'points', points });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.lastKey = '';
      this.onError(err);
    }
  }
}
