import type { AppContext } from '../context.js';
import { readDataVersion } from '../db/data-version.js';
import { AppError } from '../errors.js';
import { findAreaSetExtents } from '../areas/areas.repository.js';
import { listBoundarySets, type BoundarySetRow } from '../boundary-sets/boundary-sets.repository.js';
import { findStationsExtent } from '../stations/stations.repository.js';
import { DEMO_NOTICE } from '../scope/scope.service.js';

/** Where the answer's links point: the absolute URL of /ogc as the client reached it. */
export interface OgcBase {
  url: string;
}

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const GEOJSON = 'application/geo+json';
export const JSON_TYPE = 'application/json';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';
export const STATIONS_ID = 'stations';

/** A collection id: the stations, or one boundary set's areas (`areas-3`). */
export type CollectionRef = { kind: 'stations' } | { kind: 'areas'; setId: number };

/** Unknown ids are a 404 that says where the known ones are listed. */
export function collectionNotFound(id: string): AppError {
  return new AppError(404, 'not_found', `Collection "${id}" was not found: the collections are listed at /ogc/collections`, { collectionId: id });
}

export function parseCollectionId(id: string): CollectionRef {
  if (id === STATIONS_ID) return { kind: 'stations' };
  const m = /^areas-(\d{1,9})$/.exec(id);
  if (m) return { kind: 'areas', setId: Number(m[1]) };
  throw collectionNotFound(id);
}

export const areaCollectionId = (setId: number) => `areas-${setId}`;

type Bbox = [number, number, number, number];

interface Extents {
  sets: BoundarySetRow[];
  areas: Map<number, Bbox>;
  stations: Bbox | null;
}

/** The sets and the boxes around their data, computed once per data version. */
async function loadExtents(ctx: AppContext): Promise<Extents> {
  const version = await readDataVersion(ctx.db);
  return ctx.cache.get('ogc-extents', version, async () => {
    const [sets, areas, stations] = await Promise.all([
      listBoundarySets(ctx.db),
      findAreaSetExtents(ctx.db),
      findStationsExtent(ctx.db, { setId: 0, colocationMeters: 0 }),
    ]);
    return { sets, areas, stations };
  }) as Promise<Extents>;
}

function collectionLinks(base: OgcBase, id: string) {
  const self = `${base.url}/collections/${encodeURIComponent(id)}`;
  return [
    { href: self, rel: 'self', type: JSON_TYPE, title: 'This collection' },
    { href: `${self}/items`, rel: 'items', type: GEOJSON, title: 'Its features' },
  ];
}

/** A world-wide box when a collection is still empty: the standard asks for an extent all the same. */
const extentOf = (bbox: Bbox | null | undefined) => ({ spatial: { bbox: [bbox ?? [-180, -90, 180, 90]], crs: CRS84 } });

function areaCollection(base: OgcBase, set: BoundarySetRow, bbox: Bbox | undefined) {
  const id = areaCollectionId(set.id);
  return {
    id,
    title: set.name,
    description:
      `The ${set.areaCount} areas (${set.level}) of the boundary set "${set.name}", each with the gap figures of /api/areas as properties ` +
      '(n4g, n5g, ratio, required, needed, status) on today\'s date, or on the day named by datetime=YYYY-MM-DD.' +
      (set.isDemo ? ` ${DEMO_NOTICE}` : ''),
    itemType: 'feature' as const,
    crs: [CRS84],
    extent: extentOf(bbox),
    links: collectionLinks(base, id),
  };
}

function stationsCollection(base: OgcBase, bbox: Bbox | null) {
  return {
    id: STATIONS_ID,
    title: 'Stations / Trạm',
    description:
      'Every 4G and 5G station you may see (an operator account: its own operator\'s; an inspector limited to areas: those areas\'), ' +
      'with its area in the default boundary set. Needs a session or an API token (Authorization: Bearer). ' +
      'datetime=YYYY-MM-DD keeps the stations on air on that day.',
    itemType: 'feature' as const,
    crs: [CRS84],
    extent: extentOf(bbox),
    links: collectionLinks(base, STATIONS_ID),
  };
}

export async function listCollections(ctx: AppContext, base: OgcBase) {
  const { sets, areas, stations } = await loadExtents(ctx);
  return {
    links: [{ href: `${base.url}/collections`, rel: 'self', type: JSON_TYPE, title: 'The collections' }],
    collections: [...sets.map((s) => areaCollection(base, s, areas.get(s.id))), stationsCollection(base, stations)],
  };
}

export async function describeCollection(ctx: AppContext, base: OgcBase, id: string) {
  const ref = parseCollectionId(id);
  const { sets, areas, stations } = await loadExtents(ctx);
  if (ref.kind === 'stations') return stationsCollection(base, stations);
  const set = sets.find((s) => s.id === ref.setId);
  if (!set) throw collectionNotFound(id);
  return areaCollection(base, set, areas.get(set.id));
}

export function landingPage(base: OgcBase) {
  return {
    title: '5G rollout planner — OGC API – Features',
    description: 'Areas with their 5G:4G gap figures (one collection per boundary set) and stations, for QGIS, GDAL and other OGC API – Features clients.',
    links: [
      { href: base.url, rel: 'self', type: JSON_TYPE, title: 'This document' },
      { href: `${base.url}/api`, rel: 'service-desc', type: OPENAPI_TYPE, title: 'The API definition (OpenAPI 3.0)' },
      { href: `${base.url}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
      { href: `${base.url}/collections`, rel: 'data', type: JSON_TYPE, title: 'The collections' },
    ],
  };
}

export const CONFORMANCE = {
  conformsTo: [
    'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
    'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
    'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  ],
};
