import { z } from 'zod';
import { accessErrors } from '../openapi/openapi-access.js';
import {
  collectionParams, collectionResponse, collectionsResponse, conformanceResponse, exceptionResponse, featureParams,
  formatQuery, itemQuery, itemResponse, itemsQuery, itemsResponse, landingResponse, LIMIT,
} from './ogc.schemas.js';

/**
 * The service-desc of /ogc: an OpenAPI 3.0 document (the version OGC API – Features' oas30
 * class and GDAL expect), from the zod schemas the routes parse with. Its paths are relative
 * to /ogc; each one's 401/403 comes from the policy table, as in /api/openapi.json.
 */
interface OgcRoute {
  path: string;
  summary: string;
  query: z.ZodObject;
  params?: z.ZodObject;
  response: z.ZodType;
  type: string;
  /** What else the route refuses, merged with what the policy table says (openapi-access.ts). */
  errors?: Record<number, string>;
}

/** server/auth/station-scope.ts: what it refuses rather than narrowing silently. */
const STATION_SCOPE = 'An operator account bound to no operator, or an account limited to areas that hold none';

export const OGC_ROUTES: OgcRoute[] = [
  { path: '/', summary: 'Landing page', query: formatQuery, response: landingResponse, type: 'application/json' },
  { path: '/api', summary: 'This OpenAPI 3.0 document', query: formatQuery, response: z.object({}).loose(), type: 'application/vnd.oai.openapi+json;version=3.0' },
  { path: '/conformance', summary: 'The conformance classes: core, GeoJSON, OpenAPI 3.0', query: formatQuery, response: conformanceResponse, type: 'application/json' },
  { path: '/collections', summary: 'One collection per boundary set (areas with figures), and the stations', query: formatQuery, response: collectionsResponse, type: 'application/json' },
  { path: '/collections/{collectionId}', summary: 'One collection', query: formatQuery, params: collectionParams, response: collectionResponse, type: 'application/json' },
  { path: '/collections/stations/items', summary: 'Stations, by keyset pages: an operator account sees its own operator\'s, an inspector limited to areas the stations in them', query: itemsQuery, response: itemsResponse, type: 'application/geo+json', errors: { 403: STATION_SCOPE } },
  { path: '/collections/stations/items/{featureId}', summary: 'One station (operator:code:technology); one outside the account\'s scope is not found', query: itemQuery, params: featureParams.pick({ featureId: true }), response: itemResponse, type: 'application/geo+json', errors: { 403: STATION_SCOPE } },
  { path: '/collections/{collectionId}/items', summary: 'A boundary set\'s areas with their gap figures on the as-of date, by keyset pages', query: itemsQuery, params: collectionParams, response: itemsResponse, type: 'application/geo+json' },
  { path: '/collections/{collectionId}/items/{featureId}', summary: 'One area (by its code) with its figures', query: itemQuery, params: featureParams, response: itemResponse, type: 'application/geo+json' },
];

/** The policy table's path of an /ogc route (`/` is the landing page, `/ogc`). */
export const policyPathOf = (path: string) => (path === '/' ? '/ogc' : `/ogc${path}`);

const schemaOf = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { target: 'openapi-3.0', io, unrepresentable: 'any' });

/**
 * `limit` and `bbox` as the standard writes them (an integer with its maximum, an array of
 * numbers in one comma-separated value): clients read the largest page size from here. The
 * zod schemas parse them from text, which is all that a generated schema would say.
 */
const STANDARD_FORMS: Record<string, object> = {
  limit: { schema: { type: 'integer', minimum: LIMIT.min, maximum: LIMIT.max, default: LIMIT.default }, style: 'form', explode: false },
  bbox: { schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } }, style: 'form', explode: false },
};

function parametersOf(schema: z.ZodObject | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name), description: s.description, schema: s,
    ...(where === 'query' ? STANDARD_FORMS[name] : {}),
  }));
}

export function buildOgcOpenApiDocument() {
  const exception = (description: string) => ({ description, content: { 'application/json': { schema: schemaOf(exceptionResponse, 'output') } } });
  const paths: Record<string, unknown> = {};
  for (const r of OGC_ROUTES) {
    const errors = accessErrors('get', policyPathOf(r.path), r.errors ?? {});
    paths[r.path] = {
      get: {
        summary: r.summary,
        parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
        responses: {
          200: { description: 'OK', content: { [r.type]: { schema: schemaOf(r.response, 'output') } } },
          400: exception('A parameter is invalid or unknown (OGC exception: code, description)'),
          404: exception('No such collection or feature'),
          ...Object.fromEntries(Object.entries(errors).map(([status, d]) => [status, exception(d)])),
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: '5G rollout planner — OGC API – Features',
      version: '0.1.0',
      description: 'Areas with their 5G:4G gap figures and stations as OGC API – Features Part 1 Core (JSON and GeoJSON only; no HTML).',
    },
    servers: [{ url: '/ogc' }],
    paths,
  };
}
