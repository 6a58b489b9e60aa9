import { z } from 'zod';
import { areaDetailResponse, areaEnvironmentBody, areaEnvironmentQuery, areaEnvironmentResponse, areaParams, areasQuery, areasResponse } from '../areas/areas.schemas.js';
import { stationFacetsQuery, stationFacetsResponse, stationGridQuery, stationGridResponse } from '../clusters/clusters.schemas.js';
import { boundarySetsResponse } from '../boundary-sets/boundary-sets.schemas.js';
import { healthResponse } from '../health/health.routes.js';
import { statsQuery, statsResponse } from '../stats/stats.schemas.js';
import { UPLOAD_ROUTES } from '../uploads/uploads.openapi.js';
import { PLANNER_ROUTES } from '../planner/planner.openapi.js';
import { AUTH_ROUTES } from '../auth/auth.openapi.js';
import { stationsQuery, stationsResponse } from '../stations/stations.schemas.js';

/**
 * The OpenAPI document is generated from the very zod schemas the routes parse with,
 * so what it says the API accepts is what the API accepts.
 */

export type Route = {
  path: string; summary: string; query?: z.ZodObject; params?: z.ZodObject; response: z.ZodType; csv?: boolean;
  /** Default `get`. A POST may take a JSON `body` or a `multipart` form whose text fields are `body`. */
  method?: 'get' | 'post' | 'patch' | 'delete'; body?: z.ZodObject; multipart?: boolean; file?: string; errors?: Record<number, string>;
};

const ROUTES: Route[] = [
  { path: '/api/health', summary: 'Liveness, database kind and PostGIS version', response: healthResponse },
  { path: '/api/boundary-sets', summary: 'The boundary sets loaded (versioned: districts 2019, communes 2025, …)', response: boundarySetsResponse },
  { path: '/api/areas', summary: 'Areas of a set as an RFC 7946 FeatureCollection with the gap figures per area', query: areasQuery, response: areasResponse },
  { path: '/api/areas/{code}', summary: 'One area with its figures split by operator', query: areasQuery, params: areaParams, response: areaDetailResponse },
  { path: '/api/areas/{code}/environment', method: 'patch', summary: 'Set an area\'s environment class for the coverage model (admin)', query: areaEnvironmentQuery, params: areaParams, body: areaEnvironmentBody, response: areaEnvironmentResponse },
  { path: '/api/stats', summary: 'The gap per area and set-wide: rows plus totals', query: statsQuery, response: statsResponse },
  { path: '/api/stations/grid', summary: 'Stations counted per grid cell in a bbox (4G and 5G apart): the map at low zoom', query: stationGridQuery, response: stationGridResponse },
  { path: '/api/stations/facets', summary: 'Operators and the commissioning timeline, for the map\'s filters', query: stationFacetsQuery, response: stationFacetsResponse },
  { path: '/api/stations', summary: 'Stations filtered, as GeoJSON pages or a CSV export', query: stationsQuery, response: stationsResponse, csv: true },
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

export function buildOpenApiDocument() {
  const paths: Record<string, unknown> = {};
  for (const r of ROUTES) {
    const json = z.toJSONSchema(r.response, { io: 'output', unrepresentable: 'any' });
    paths[r.path] = {
      ...(paths[r.path] as object | undefined),
      [r.method ?? 'get']: {
        summary: r.summary,
        parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
        ...(r.body ? { requestBody: requestBodyOf(r) } : {}),
        responses: {
          200: {
            description: 'OK',
            content: r.file ? { [r.file]: { schema: { type: 'string', format: 'binary' } } } : { 'application/json': { schema: json }, ...(r.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}) },
          },
          400: { description: 'A parameter is invalid', content: { 'application/json': { schema: z.toJSONSchema(errorBody) } } },
          404: { description: 'Not found', content: { 'application/json': { schema: z.toJSONSchema(errorBody) } } },
          ...Object.fromEntries(Object.entries(r.errors ?? {}).map(([status, description]) => [status, { description, content: { 'application/json': { schema: z.toJSONSchema(errorBody) } } }])),
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
