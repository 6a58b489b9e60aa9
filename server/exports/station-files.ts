import type { Response } from 'express';
import type { AppContext } from '../context.js';
import { findStationsExtent, type StationFilter } from '../stations/stations.repository.js';
import { iterateStations } from '../stations/stations.service.js';
import { GPKG_TYPE, KML_TYPE } from './area-files.js';
import { EXPORT_WORDS, type ExportLang } from './export-words.js';
import { gpkgGeometry, pointWkb, writeGeoPackage, type GpkgFeature, type GpkgLayer } from './gpkg.js';
import { KML_FOOTER, stationPlacemark, stationsKmlHeader } from './kml.js';

const STATION_LAYER: GpkgLayer = {
  table: 'stations',
  title: 'stations',
  description: '4G and 5G stations',
  geometryType: 'POINT',
  columns: [
    { name: 'operator', type: 'TEXT' }, { name: 'operator_name', type: 'TEXT' }, { name: 'station_code', type: 'TEXT' },
    { name: 'technology', type: 'TEXT' }, { name: 'name', type: 'TEXT' }, { name: 'status', type: 'TEXT' },
    { name: 'commissioned_on', type: 'DATE' }, { name: 'decommissioned_on', type: 'DATE' },
    { name: 'area_code', type: 'TEXT' }, { name: 'area_name', type: 'TEXT' }, { name: 'colocated', type: 'BOOLEAN' },
  ],
};

/** The stations a filter selects as KML, streamed a page at a time (a national list does not sit in memory). */
export async function sendStationsKml(ctx: AppContext, res: Response, filter: StationFilter, opts: { name: string; setName: string; lang: ExportLang; max: number }) {
  res.setHeader('Content-Type', `${KML_TYPE}; charset=utf-8`);
  res.setHeader('Content-Disposition', `attachment; filename="${opts.name}"`);
  res.write(stationsKmlHeader(`${EXPORT_WORDS[opts.lang].stationsTitle} — ${opts.setName}`));
  for await (const r of iterateStations(ctx, filter, opts.max)) res.write(stationPlacemark(r, opts.lang));
  res.end(KML_FOOTER);
}

/** The stations a filter selects as a GeoPackage: built whole before the first byte is sent, so a failure is still a clean error. */
export async function writeStationsGpkg(ctx: AppContext, filter: StationFilter, opts: { setName: string; max: number }): Promise<Uint8Array> {
  async function* features(): AsyncGenerator<GpkgFeature> {
    for await (const r of iterateStations(ctx, filter, opts.max)) {
      yield {
        geometry: gpkgGeometry(pointWkb(r.lon, r.lat)),
        values: [r.operator, r.operatorName, r.code, r.technology, r.name, r.status, r.commissionedOn, r.decommissionedOn, r.areaCode, r.areaName, r.colocated],
      };
    }
  }
  const { afterId: _a, limit: _l, ...selected } = filter;
  const extent = await findStationsExtent(ctx.db, selected);
  return writeGeoPackage({ ...STATION_LAYER, title: `stations (${opts.setName})` }, features(), extent);
}
