import { Router } from 'express';
import type { AppContext } from '../context.js';
import { viewerOf } from '../auth/access.middleware.js';
import { readDataVersion } from '../db/data-version.js';
import { listOperators } from '../operators/operators.repository.js';
import { buildStationFilter } from '../stations/stations.service.js';
import { countStationsOnGrid, findCommissioningRange, type GridCell } from './clusters.repository.js';
import { cellDegreesAt, stationFacetsQuery, stationGridQuery } from './clusters.schemas.js';

/**
 * What the map needs beside the station pages: counts per grid cell at low zoom (250,000
 * points never reach the browser) and the facets the filters offer.
 */
export function clustersRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/stations/grid', async (req, res) => {
    const q = stationGridQuery.parse(req.query);
    const { set, filter } = await buildStationFilter(ctx, { ...q, format: 'geojson' }, viewerOf(res));
    const cellDegrees = cellDegreesAt(q.zoom);
    const grid = { ...filter, bbox: q.bbox, cellDegrees };
    const key = JSON.stringify(['station-grid', set.id, q.bbox, cellDegrees, filter.technology, filter.operatorIds, filter.statuses, filter.asOf, filter.areaCodes]);
    const cells = (await ctx.cache.get(key, await readDataVersion(ctx.db), () => countStationsOnGrid(ctx.db, grid))) as GridCell[];
    const total = cells.reduce((t, c) => ({ n4g: t.n4g + c.n4g, n5g: t.n5g + c.n5g }), { n4g: 0, n5g: 0 });
    res.json({ set: { id: set.id, name: set.name }, zoom: q.zoom, cellDegrees, cells, total });
  });

  router.get('/stations/facets', async (req, res) => {
    stationFacetsQuery.parse(req.query);
    const [operators, commissioned] = await Promise.all([listOperators(ctx.db), findCommissioningRange(ctx.db)]);
    res.json({ operators: operators.map(({ code, name }) => ({ code, name })), commissioned });
  });
  return router;
}
