import { z } from 'zod';
import { wholeNumberParam } from '../http/params.schemas.js';
import { stationsQuery } from '../stations/stations.schemas.js';

/** The station filters of /api/stations, minus paging and format, plus the map's zoom. */
export const stationGridQuery = stationsQuery
  .pick({ set: true, area: true, operator: true, technology: true, status: true, asOf: true })
  .extend({
    bbox: stationsQuery.shape.bbox.unwrap(),
    zoom: wholeNumberParam(0, 22).describe('Web-map zoom level; cells are about 48 screen pixels wide'),
  });
export type StationGridQuery = z.output<typeof stationGridQuery>;

const counts = { n4g: z.number().int().min(0), n5g: z.number().int().min(0) };

export const stationGridResponse = z.object({
  set: z.object({ id: z.number().int(), name: z.string() }),
  zoom: z.number().int(),
  cellDegrees: z.number().positive().describe('Grid step in degrees (EPSG:4326) the stations were snapped to'),
  cells: z.array(z.object({
    lon: z.number().describe('Mean longitude of the cell\'s stations'),
    lat: z.number(),
    ...counts,
  })),
  total: z.object(counts).describe('Sum over the cells: the stations matching the filter in the bbox'),
});

export const stationFacetsQuery = z.strictObject({});

export const stationFacetsResponse = z.object({
  operators: z.array(z.object({ code: z.string(), name: z.string() })),
  commissioned: z.object({
    first: z.string().nullable().describe('Earliest commissioning date of any station (YYYY-MM-DD)'),
    last: z.string().nullable(),
  }).describe('The commissioning timeline, for the as-of slider'),
});

/** Degrees per grid cell at a zoom: 48 px of a 256-px Web-Mercator tile, measured at the equator. */
export function cellDegreesAt(zoom: number): number {
  return (360 / (256 * 2 ** zoom)) * 48;
}
