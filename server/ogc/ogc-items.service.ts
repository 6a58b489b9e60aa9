import { compareAreaCodes } from '../../geo/compare-area-codes.js';
import type { AppContext } from '../context.js';
import type { Viewer } from '../auth/auth.service.js';
import { readDataVersion } from '../db/data-version.js';
import { AppError } from '../errors.js';
import { findAreaCodesInBbox } from '../areas/areas.repository.js';
import { buildAreaCollection } from '../areas/areas.service.js';
import { listOperators } from '../operators/operators.repository.js';
import { countStations, findStations, type StationFilter } from '../stations/stations.repository.js';
import { buildStationFilter, toFeature } from '../stations/stations.service.js';
import { resolveScope } from '../scope/scope.service.js';
import { areaCollectionId, collectionNotFound, GEOJSON, JSON_TYPE, STATIONS_ID, type OgcBase } from './ogc-collections.service.js';
import { encodeCursor, type ItemsQuery } from './ogc.schemas.js';

/** What a page's links are built from: the query as the client sent it, to carry into `next`. */
export interface PageRequest {
  base: OgcBase;
  selfUrl: string;
  rawQuery: Record<string, string>;
}

type Feature = { type: 'Feature'; id: string; geometry: unknown; properties: Record<string, unknown> };

function itemsPage(req: PageRequest, collectionId: string, features: Feature[], numberMatched: number, nextKey: string | number | null) {
  const items = `${req.base.url}/collections/${encodeURIComponent(collectionId)}/items`;
  const links = [
    { href: req.selfUrl, rel: 'self', type: GEOJSON, title: 'This page' },
    { href: `${req.base.url}/collections/${encodeURIComponent(collectionId)}`, rel: 'collection', type: JSON_TYPE, title: 'The collection' },
  ];
  if (nextKey !== null) {
    const next = new URLSearchParams({ ...req.rawQuery, cursor: encodeCursor(nextKey) });
    links.push({ href: `${items}?${next}`, rel: 'next', type: GEOJSON, title: 'The next page' });
  }
  return {
    type: 'FeatureCollection' as const,
    features,
    links,
    numberMatched,
    numberReturned: features.length,
    timeStamp: new Date().toISOString(),
  };
}

function featureLinks(base: OgcBase, collectionId: string, featureId: string) {
  const collection = `${base.url}/collections/${encodeURIComponent(collectionId)}`;
  return [
    { href: `${collection}/items/${encodeURIComponent(featureId)}`, rel: 'self', type: GEOJSON, title: 'This feature' },
    { href: collection, rel: 'collection', type: JSON_TYPE, title: 'The collection' },
  ];
}

/** A set's areas with every figure of /api/areas on the as-of date, in area-code order. */
async function areaFeatures(ctx: AppContext, setId: number, asOf: string | undefined): Promise<Feature[]> {
  const scope = await resolveScope(ctx, { set: String(setId), asOf }).catch((err: unknown) => {
    throw err instanceof AppError && err.status === 404 ? collectionNotFound(areaCollectionId(setId)) : err;
  });
  const collection = await buildAreaCollection(ctx, scope);
  return collection.features
    .map((f) => ({ type: f.type, id: f.id, geometry: f.geometry, properties: { ...f.properties, asOf: scope.asOf, target: scope.target.label } }))
    .sort((a, b) => compareAreaCodes(a.id, b.id));
}

export async function findAreaItems(ctx: AppContext, req: PageRequest, setId: number, q: ItemsQuery) {
  let features = await areaFeatures(ctx, setId, q.datetime);
  if (q.bbox) {
    const inside = new Set(await findAreaCodesInBbox(ctx.db, setId, q.bbox));
    features = features.filter((f) => inside.has(f.id));
  }
  const matched = features.length;
  // Keyset on the area code, in the order border points are settled by (compareAreaCodes).
  if (q.cursor !== undefined) features = features.filter((f) => compareAreaCodes(f.id, q.cursor!) > 0);
  const page = features.slice(0, q.limit);
  const more = features.length > q.limit;
  return itemsPage(req, areaCollectionId(setId), page, matched, more ? page[page.length - 1]!.id : null);
}

export async function findAreaItem(ctx: AppContext, base: OgcBase, setId: number, code: string, asOf: string | undefined) {
  const feature = (await areaFeatures(ctx, setId, asOf)).find((f) => f.id === code);
  if (!feature) throw featureNotFound(areaCollectionId(setId), code);
  return { ...feature, links: featureLinks(base, areaCollectionId(setId), code) };
}

const featureNotFound = (collectionId: string, featureId: string) =>
  new AppError(404, 'not_found', `Feature "${featureId}" was not found in collection "${collectionId}"`, { collectionId, featureId });

/** The station filter of /api/stations for this viewer: the same scope rules (server/auth/station-scope.ts). */
async function stationFilterFor(ctx: AppContext, viewer: Viewer, q: { asOf?: string | undefined; bbox?: ItemsQuery['bbox']; limit: number }) {
  const { filter } = await buildStationFilter(ctx, { format: 'geojson', asOf: q.asOf, bbox: q.bbox, limit: q.limit }, viewer);
  return filter;
}

/** numberMatched: one count per filter and data version (the cache), not one per page. */
async function countMatched(ctx: AppContext, filter: StationFilter): Promise<number> {
  const { afterId: _a, limit: _l, ...counted } = filter;
  const version = await readDataVersion(ctx.db);
  return ctx.cache.get(`ogc-station-count:${JSON.stringify(counted)}`, version, () => countStations(ctx.db, counted)) as Promise<number>;
}

export async function findStationItems(ctx: AppContext, req: PageRequest, viewer: Viewer, q: ItemsQuery) {
  const afterId = q.cursor === undefined ? undefined : /^\d{1,15}$/.test(q.cursor) ? Number(q.cursor) : null;
  if (afterId === null) {
    throw new AppError(400, 'invalid_parameter', 'cursor: is not one this server issued for stations: follow the next link, or start again without it', [
      { path: 'cursor', message: 'not a stations cursor' },
    ]);
  }
  const filter = await stationFilterFor(ctx, viewer, { asOf: q.datetime, bbox: q.bbox, limit: q.limit });
  // One row more than the page: a next link only when there is a next page.
  const [rows, matched] = await Promise.all([findStations(ctx.db, { ...filter, afterId, limit: q.limit + 1 }), countMatched(ctx, filter)]);
  const page = rows.slice(0, q.limit);
  const next = rows.length > q.limit ? page[page.length - 1]!.id : null;
  return itemsPage(req, STATIONS_ID, page.map(toFeature), matched, next);
}

/** A station by its identity, `operator:code:technology`; one the viewer may not see is not found. */
export async function findStationItem(ctx: AppContext, base: OgcBase, viewer: Viewer, featureId: string, asOf: string | undefined) {
  const m = /^([^:]+):(.+):(4G|5G)$/.exec(featureId);
  const operator = m && (await listOperators(ctx.db)).find((o) => o.code === m[1]);
  if (!m || !operator) throw featureNotFound(STATIONS_ID, featureId);
  const filter = await stationFilterFor(ctx, viewer, { asOf, limit: 1 });
  if (filter.operatorIds?.length && !filter.operatorIds.includes(operator.id)) throw featureNotFound(STATIONS_ID, featureId);
  const [row] = await findStations(ctx.db, { ...filter, operatorIds: [operator.id], code: m[2], technology: m[3] as '4G' | '5G' });
  if (!row) throw featureNotFound(STATIONS_ID, featureId);
  return { ...toFeature(row), links: featureLinks(base, STATIONS_ID, featureId) };
}
