import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { accessControl, viewerOf } from '../auth/access.middleware.js';
import { AppError, toErrorResponse } from '../errors.js';
import { rejectControlChars } from '../http/reject-control-chars.js';
import { collectionNotFound, CONFORMANCE, describeCollection, GEOJSON, JSON_TYPE, landingPage, listCollections, OPENAPI_TYPE, parseCollectionId, type OgcBase } from './ogc-collections.service.js';
import { findAreaItem, findAreaItems, findStationItem, findStationItems, type PageRequest } from './ogc-items.service.js';
import { buildOgcOpenApiDocument } from './ogc.openapi.js';
import { collectionParams, featureParams, formatQuery, itemQuery, itemsQuery } from './ogc.schemas.js';

/** The absolute URL of /ogc as this client reached it (behind a proxy: with TRUST_PROXY, its scheme). */
function baseOf(req: Request): OgcBase {
  return { url: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}` };
}

function pageRequest(req: Request): PageRequest {
  return { base: baseOf(req), selfUrl: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`, rawQuery: req.query as Record<string, string> };
}

const send = (res: Response, type: string, body: unknown) => res.type(type).send(JSON.stringify(body));

/** An area collection's id, from a path that is not the stations' own route. */
function areaSetOf(collectionId: string): number {
  const ref = parseCollectionId(collectionId);
  // `st%61tions` decodes to "stations" but passed the policy as an area collection: not here.
  if (ref.kind !== 'areas') throw collectionNotFound(collectionId);
  return ref.setId;
}

/**
 * OGC API – Features Part 1 Core: the landing page, conformance, the OpenAPI 3.0 document, the
 * collections (one per boundary set, and the stations) and their features. Access goes through
 * the same policy table as /api (server/auth/policy.ts); refusals take the OGC exception shape.
 */
export function ogcRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(rejectControlChars);
  router.use(accessControl(ctx));

  const openapi = buildOgcOpenApiDocument();
  router.get('/', (req, res) => { formatQuery.parse(req.query); send(res, JSON_TYPE, landingPage(baseOf(req))); });
  router.get('/api', (req, res) => { formatQuery.parse(req.query); send(res, OPENAPI_TYPE, openapi); });
  router.get('/conformance', (req, res) => { formatQuery.parse(req.query); send(res, JSON_TYPE, CONFORMANCE); });
  router.get('/collections', async (req, res) => {
    formatQuery.parse(req.query);
    send(res, JSON_TYPE, await listCollections(ctx, baseOf(req)));
  });
  router.get('/collections/:collectionId', async (req, res) => {
    const { collectionId } = collectionParams.parse(req.params);
    formatQuery.parse(req.query);
    send(res, JSON_TYPE, await describeCollection(ctx, baseOf(req), collectionId));
  });

  // The stations have routes of their own, matching their own rows of the policy table.
  router.get('/collections/stations/items', async (req, res) => {
    send(res, GEOJSON, await findStationItems(ctx, pageRequest(req), viewerOf(res), itemsQuery.parse(req.query)));
  });
  router.get('/collections/stations/items/:featureId', async (req, res) => {
    const { featureId } = featureParams.parse({ ...req.params, collectionId: 'stations' });
    const { datetime } = itemQuery.parse(req.query);
    send(res, GEOJSON, await findStationItem(ctx, baseOf(req), viewerOf(res), featureId, datetime));
  });
  router.get('/collections/:collectionId/items', async (req, res) => {
    const setId = areaSetOf(collectionParams.parse(req.params).collectionId);
    send(res, GEOJSON, await findAreaItems(ctx, pageRequest(req), setId, itemsQuery.parse(req.query)));
  });
  router.get('/collections/:collectionId/items/:featureId', async (req, res) => {
    const { collectionId, featureId } = featureParams.parse(req.params);
    const { datetime } = itemQuery.parse(req.query);
    send(res, GEOJSON, await findAreaItem(ctx, baseOf(req), areaSetOf(collectionId), featureId, datetime));
  });

  router.use((req) => { throw new AppError(404, 'not_found', `No OGC API route ${req.method} ${req.path}`); });
  router.use(ogcErrorHandler(ctx));
  return router;
}

/** The OGC exception (`code`, `description`) from the one conversion of errors to answers (server/errors.ts). */
function ogcErrorHandler(ctx: AppContext): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const { status, body } = toErrorResponse(err, ctx.log);
    const { code, message, details } = body.error;
    res.status(status).type(JSON_TYPE).send(JSON.stringify({ code, description: message, ...(details === null ? {} : { details }) }));
  };
}
