import { Router, type Response } from 'express';
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

/** Written in pieces of about this many characters: 170,000 rows are ~300 writes, not 170,000. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes one piece and waits while the client's socket is full, so a slow reader holds the
 * export back instead of the process buffering the whole file (flat memory). False: it closed.
 */
async function send(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;
  await new Promise<void>((resolve) => {
    const done = () => { res.off('drain', done); res.off('close', done); resolve(); };
    res.on('drain', done).on('close', done);
  });
  return !res.destroyed;
}

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
      let chunk = '\uFEFF' + csvLine(CSV_COLUMNS);
      for await (const r of iterateStations(ctx, filter, q.limit ?? Infinity)) {
        chunk += csvLine([r.operator, r.code, r.technology, r.name, r.lon, r.lat, r.status, r.commissionedOn, r.decommissionedOn, r.areaCode, r.areaName, r.colocated]);
        if (chunk.length < CHUNK_CHARS) continue;
        if (!(await send(res, chunk))) return; // the client went away: stop reading stations
        chunk = '';
      }
      await send(res, chunk);
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
