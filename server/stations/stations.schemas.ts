import { z } from 'zod';
import { isoDate, listParam, operatorCode, setParam, technologyParam, wholeNumberParam } from '../http/params.schemas.js';

const statusParam = z.enum(['planned', 'on_air', 'decommissioned']);

const bboxParam = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => p.trim());
    const nums = parts.map(Number);
    if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'bbox must be four numbers: minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [minx, miny, maxx, maxy] = nums as [number, number, number, number];
    if (minx < -180 || maxx > 180 || miny < -90 || maxy > 90 || minx > maxx || miny > maxy) {
      ctx.addIssue({ code: 'custom', message: 'bbox is out of range: lon −180…180, lat −90…90, min ≤ max (lon,lat order)' });
      return z.NEVER;
    }
    return [minx, miny, maxx, maxy] as const;
  })
  .describe('minLon,minLat,maxLon,maxLat in WGS84');

/** Keyset cursor: an opaque token for "after station id N". */
export const cursorParam = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const m = /^s(\d{1,15})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'cursor is not one this server issued; start again without it' });
      return z.NEVER;
    }
    return Number(m[1]);
  });

export const encodeCursor = (id: number) => Buffer.from(`s${id}`, 'utf8').toString('base64url');

export const stationsQuery = z.strictObject({
  set: setParam.optional(),
  area: listParam(z.string().min(1).max(100)).optional().describe('Area code(s), comma-separated or repeated'),
  operator: listParam(operatorCode).optional().describe('Operator code(s), comma-separated or repeated'),
  technology: technologyParam.optional(),
  status: listParam(statusParam).optional().describe('planned, on_air, decommissioned; comma-separated or repeated'),
  asOf: isoDate.optional().describe('Only stations on air on this date'),
  bbox: bboxParam.optional(),
  limit: wholeNumberParam(1, 10_000).optional().describe('Page size; default 1000 for GeoJSON, everything for CSV'),
  cursor: cursorParam.optional().describe('The nextCursor of the previous page'),
  format: z.enum(['geojson', 'csv', 'kml', 'gpkg']).default('geojson')
    .describe('csv: a spreadsheet; kml: Google Earth; gpkg: a GeoPackage layer (QGIS). Files hold every matching station unless limit is given'),
  lang: z.enum(['vi', 'en']).optional().describe('KML only: the words of the descriptions (default vi)'),
});
export type StationsQuery = z.output<typeof stationsQuery>;

export const stationProperties = z.object({
  id: z.number().int(),
  operator: z.string(),
  operatorName: z.string(),
  code: z.string(),
  technology: z.enum(['4G', '5G']),
  name: z.string().nullable(),
  status: statusParam,
  commissionedOn: z.string().nullable(),
  decommissionedOn: z.string().nullable(),
  areaCode: z.string().nullable().describe('null: in no area of the set (unassigned)'),
  areaName: z.string().nullable(),
  colocated: z.boolean().describe('A station of the same operator and the other technology stands within the co-location distance'),
});

export const stationsResponse = z.object({
  type: z.literal('FeatureCollection'),
  set: z.object({ id: z.number().int(), name: z.string(), isDemo: z.boolean() }),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string().describe('operator:code:technology'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: stationProperties,
    }),
  ),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
});
