import { z } from 'zod';
import { figuresQuery, setParam } from '../http/params.schemas.js';
import { areaFigures, gapFigures, operatorFigures, scopeDescription, statsResponse } from '../stats/stats.schemas.js';

export const areasQuery = figuresQuery;
/** GET /api/areas: the figures' scope, and the file formats for GIS tools and Google Earth. */
export const areasListQuery = figuresQuery.extend({
  format: z.enum(['geojson', 'kml', 'gpkg']).default('geojson')
    .describe('kml: areas coloured as on the map, figures in each description (Google Earth); gpkg: a GeoPackage layer with the figures as fields (QGIS)'),
  lang: z.enum(['vi', 'en']).optional().describe('KML only: the words of the descriptions (default vi)'),
});
export const areaParams = z.strictObject({ code: z.string().trim().min(1).max(100) });

const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('[minLon, minLat, maxLon, maxLat]');
const position = z.array(z.number()).min(2).max(2);
const multiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(position))),
});

export const areaFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  bbox,
  geometry: multiPolygon,
  properties: areaFigures,
});

export const areasResponse = scopeDescription.extend({
  type: z.literal('FeatureCollection'),
  features: z.array(areaFeature),
  unassigned: statsResponse.shape.unassigned,
  totals: statsResponse.shape.totals,
});

export const areaDetailResponse = scopeDescription.extend({
  area: areaFeature.extend({
    properties: areaFigures.extend({ attributes: z.record(z.string(), z.unknown()).describe('Properties kept from the imported file') }),
  }),
  operators: z.array(operatorFigures),
  figures: gapFigures,
});

export const areaEnvironmentQuery = z.strictObject({ set: setParam.optional() });
export const areaEnvironmentBody = z.strictObject({
  environment: z.enum(['urban', 'suburban', 'rural']).nullable()
    .describe('The modelled-coverage class of the area; null: derive it from population density'),
});
export const areaEnvironmentResponse = z.object({
  set: z.object({ id: z.number().int(), name: z.string() }),
  code: z.string(),
  environment: z.enum(['urban', 'suburban', 'rural']).nullable(),
});
