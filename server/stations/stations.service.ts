import type { AppContext } from '../context.js';
import type { Viewer } from '../auth/auth.service.js';
import { restrictStationFilter } from '../auth/station-scope.js';
import { resolveScope } from '../scope/scope.service.js';
import { findStations, type StationFilter, type StationRow } from './stations.repository.js';
import { encodeCursor, type StationsQuery } from './stations.schemas.js';

export const CSV_PAGE = 5000;

/**
 * Turns the validated query into a repository filter, resolving the set and operator codes,
 * narrowed to what the viewer may see (an operator: its stations; an inspector: their areas).
 */
export async function buildStationFilter(ctx: AppContext, q: StationsQuery, viewer: Viewer) {
  const { set, operators } = await resolveScope(ctx, { set: q.set, operator: q.operator }, viewer);
  const filter: StationFilter = {
    setId: set.id,
    areaCodes: q.area,
    operatorIds: operators.length ? operators.map((o) => o.id) : undefined,
    technology: q.technology,
    statuses: q.status,
    asOf: q.asOf,
    bbox: q.bbox,
    afterId: q.cursor,
    limit: q.limit ?? 1000,
  };
  return { set, filter: restrictStationFilter(filter, viewer) };
}

export function toFeature(r: StationRow) {
  const { lon, lat, ...props } = r;
  return {
    type: 'Feature' as const,
    id: `${r.operator}:${r.code}:${r.technology}`,
    geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] },
    properties: props,
  };
}

export async function findStationPage(ctx: AppContext, filter: StationFilter) {
  const rows = await findStations(ctx.db, filter);
  const last = rows[rows.length - 1];
  return { rows, nextCursor: rows.length === filter.limit && last ? encodeCursor(last.id) : null };
}

/** Every matching station, page by page, for exports that must not hold them all in memory. */
export async function* iterateStations(ctx: AppContext, filter: StationFilter, max = Infinity): AsyncGenerator<StationRow> {
  let afterId = filter.afterId;
  let sent = 0;
  for (;;) {
    const rows = await findStations(ctx.db, { ...filter, afterId, limit: Math.min(CSV_PAGE, max - sent) });
    for (const r of rows) yield r;
    sent += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < CSV_PAGE || sent >= max) return;
    afterId = last.id;
  }
}
