import { Router } from 'express';
import type { AppContext } from '../context.js';
import { viewerOf } from '../auth/access.middleware.js';
import { sendStationsKml, writeStationsGpkg } from '../exports/station-files.js';
import { GPKG_TYPE } from '../exports/area-files.js';
import { csvLine, safeFileName } from '../http/csv.js';
import { stationsQuery } from './stations.schemas.js';
import { buildStationFilter, findStationPage, iterateStations, toFeature } from './stations.service.js';

const CSV_COLUMNS = [
  'operator', 'station_code', 'technology', 'name', 'longitude', 'latitude', 'status',
  'commissioned_on', 'decommissioned_on', 'area_code', 'area_name', 'colocated',
] as const;

export function stationsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/stations', async (req, res) => {
    const q = stationsQuery.parse(req.query);
    const { set, filter } = await buildStationFilter(ctx, q, viewerOf(res));
    const fileName = (ext: string) => safeFileName(['stations', set.name, q.area?.join('-'), q.operator?.join('-'), q.technology, q.status?.join('-'), q.asOf && `asof-${q.asOf}`], ext);
    if (q.format === 'kml') return sendStationsKml(ctx, res, filter, { name: fileName('kml'), setName: set.name, lang: q.lang ?? 'vi', max: q.limit ?? Infinity });
    if (q.format === 'gpkg') {
      const body = await writeStationsGpkg(ctx, filter, { setName: set.name, max: q.limit ?? Infinity });
      res.setHeader('Content-Type', GPKG_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename="${fileName('gpkg')}"`);
      return void res.send(Buffer.from(body));
    }
    if (q.format === 'csv') {
      const name = fileName('csv');
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      // BOM: Excel then reads the Vietnamese names as UTF-8.
      res.write('\uFEFF' + csvLine(CSV_COLUMNS));
      for await (const r of iterateStations(ctx, filter, q.limit ?? Infinity)) {
        res.write(csvLine([r.operator, r.code, r.technology, r.name, r.lon, r.lat, r.status, r.commissionedOn, r.decommissionedOn, r.areaCode, r.areaName, r.colocated]));
      }
      res.end();
      return;
    }
    const page = await findStationPage(ctx, filter);
    res.json({
      type: 'FeatureCollection',
      set: { id: set.id, name: set.name, isDemo: set.isDemo },
      features: page.rows.map(toFeature),
      nextCursor: page.nextCursor,
    });
  });
  return router;
}
