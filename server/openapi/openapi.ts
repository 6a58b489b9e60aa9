import { z } from 'zod';
import { areaDetailResponse, areaEnvironmentBody, areaEnvironmentQuery, areaEnvironmentResponse, areaParams, areasListQuery, areasQuery, areasResponse } from '../areas/areas.schemas.js';
import { stationFacetsQuery, stationFacetsResponse, stationGridQuery, stationGridResponse } from '../clusters/clusters.schemas.js';
import { boundarySetsResponse } from '../boundary-sets/boundary-sets.schemas.js';
import { healthResponse } from '../health/health.routes.js';
import { statsQuery, statsResponse } from '../stats/stats.schemas.js';
import { UPLOAD_ROUTES } from '../uploads/uploads.openapi.js';
import { PLANNER_ROUTES } from '../planner/planner.openapi.js';
import { AUTH_ROUTES } from '../auth/auth.openapi.js';
import { accessErrors } from './openapi-access.js';
import { stationsQuery, stationsResponse } from '../stations/stations.schemas.js';

/**
 * The OpenAPI document is generated from the very zod schemas the routes parse with,
 * so what it says the API accepts is what the API accepts.
 */

export type Route = {
  path: string; summary: string; query?: z.ZodObject; params?: z.ZodObject; response: z.ZodType; csv?: boolean;
  /** Default `get`. A POST may take a JSON `body` or a `multipart` form whose text fields are `body`. */
  method?: 'get' | 'post' | 'patch' | 'delete'; body?: z.ZodObject; multipart?: boolean; file?: string; errors?: Record<number, string>;
  /** The success status when it is not 200 (201: created). */
  status?: 201;
  /** With Accept: application/x-ndjson: 200 and one JSON object per line, each matching this. */
  stream?: z.ZodType;
  /** Other media types the route answers with a format parameter (files). */
  files?: string[];
};

const KML = 'application/vnd.google-earth.kml+xml';
const GPKG = 'application/geopackage+sqlite3';

/** server/auth/station-scope.ts narrows station queries to what the account may see, and refuses asking for more. */
const STATION_SCOPE = 'An operator account asking for another operator\'s stations, or an account limited to areas asking outside them';

const ROUTES: Route[] = [
  { path: '/api/health', summary: 'Liveness, database kind and PostGIS version', response: healthResponse },
  { path: '/api/boundary-sets', summary: 'The boundary sets loaded (versioned: districts 2019, communes 2025, …)', response: boundarySetsResponse },
  { path: '/api/areas', summary: 'Areas of a set as an RFC 7946 FeatureCollection with the gap figures per area, or as KML or GeoPackage', query: areasListQuery, response: areasResponse, files: [KML, GPKG] },
  { path: '/api/areas/{code}', summary: 'One area with its figures split by operator', query: areasQuery, params: areaParams, response: areaDetailResponse },
  { path: '/api/areas/{code}/environment', method: 'patch', summary: 'Set an area\'s environment class for the coverage model (admin)', query: areaEnvironmentQuery, params: areaParams, body: areaEnvironmentBody, response: areaEnvironmentResponse },
  { path: '/api/stats', summary: 'The gap per area and set-wide: rows plus totals', query: statsQuery, response: statsResponse },
  { path: '/api/stations/grid', summary: 'Stations counted per grid cell in a bbox (4G and 5G apart): the map at low zoom', query: stationGridQuery, response: stationGridResponse, errors: { 403: STATION_SCOPE } },
  { path: '/api/stations/facets', summary: 'Operators and the commissioning timeline, for the map\'s filters', query: stationFacetsQuery, response: stationFacetsResponse },
  { path: '/api/stations', summary: 'Stations filtered, as GeoJSON pages or a CSV, KML or GeoPackage export', query: stationsQuery, response: stationsResponse, csv: true, files: [KML, GPKG], errors: { 403: STATION_SCOPE } },
  ...UPLOAD_ROUTES,
  ...PLANNER_ROUTES,
  ...AUTH_ROUTES,
];

const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});

function parametersOf(schema: z.ZodObject | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    description: s.description,
    schema: s,
  }));
}

function requestBodyOf(r: Route) {
  const schema = z.toJSONSchema(r.body!, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  if (!r.multipart) return { required: false, content: { 'application/json': { schema } } };
  const withFile = { ...schema, properties: { file: { type: 'string', format: 'binary', description: 'CSV, .xlsx or GeoJSON' }, ...schema.properties } };
  return { required: true, content: { 'multipart/form-data': { schema: withFile } } };
}

function successOf(r: Route) {
  const json = z.toJSONSchema(r.response, { io: 'output', unrepresentable: 'any' });
  const content = r.file ? { [r.file]: { schema: { type: 'string', format: 'binary' } } } : {
    'application/json': { schema: json },
    ...(r.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
    ...Object.fromEntries((r.files ?? []).map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  };
  const responses: Record<number, unknown> = { [r.status ?? 200]: { description: r.status === 201 ? 'Created' : 'OK', content } };
  if (r.stream) {
    const line = z.toJSONSchema(r.stream, { io: 'output', unrepresentable: 'any' });
    responses[200] = { description: 'With Accept: application/x-ndjson: a stream of JSON lines, each one of these', content: { 'application/x-ndjson': { schema: line } } };
  }
  return responses;
}

export function buildOpenApiDocument() {
  const paths: Record<string, unknown> = {};
  const error = (description: string) => ({ description, content: { 'application/json': { schema: z.toJSONSchema(errorBody) } } });
  for (const r of ROUTES) {
    const method = r.method ?? 'get';
    // Who may call it comes from the policy table (server/auth/policy.ts), what else can go wrong from the route.
    const errors = accessErrors(method, r.path, r.errors ?? {});
    paths[r.path] = {
      ...(paths[r.path] as object | undefined),
      [method]: {
        summary: r.summary,
        parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
        ...(r.body ? { requestBody: requestBodyOf(r) } : {}),
        responses: {
          ...successOf(r),
          400: error('A parameter is invalid'),
          404: error('Not found'),
          ...Object.fromEntries(Object.entries(errors).map(([status, description]) => [status, error(description)])),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '5G rollout planner API',
      version: '0.1.0',
      description: 'Gap to the 5G:4G target per area, per operator, on any date. Figures follow DOMAIN.md: exact integer arithmetic, border points counted once, unassigned stations on their own row.',
    },
    paths,
  };
}
