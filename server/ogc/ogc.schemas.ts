import { z } from 'zod';
import { isoDate, wholeNumberParam } from '../http/params.schemas.js';
import { todayInVietnam } from '../scope/scope.service.js';

/**
 * The query parameters of OGC API – Features Part 1 Core as this server reads them. Every
 * object is strict: the standard lets a server refuse what it does not know, and a typo in a
 * QGIS or GDAL connection string must not silently return everything.
 */

/** Only JSON is served (no HTML pages): `f=json` is what GDAL and browsers' clients add. */
const formatParam = z
  .enum(['json', 'geojson', 'application/json', 'application/geo+json'], { error: 'only JSON is served here: f=json (or leave f out)' })
  .describe('Response format: JSON (GeoJSON for features) is the only one; HTML is not served');

/** `bbox=minLon,minLat,maxLon,maxLat` in CRS84 (lon/lat order, as QGIS sends it); six numbers carry heights, ignored (the data are 2D). */
const bboxParam = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => p.trim());
    const nums = parts.map(Number);
    if (![4, 6].includes(parts.length) || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers, minLon,minLat,maxLon,maxLat (CRS84), or six with heights' });
      return z.NEVER;
    }
    const [minx, miny, maxx, maxy] = (parts.length === 6 ? [nums[0], nums[1], nums[3], nums[4]] : nums) as [number, number, number, number];
    if (minx < -180 || maxx > 180 || miny < -90 || maxy > 90 || miny > maxy) {
      ctx.addIssue({ code: 'custom', message: 'is out of range: longitude −180…180, latitude −90…90, minLat ≤ maxLat (lon,lat order)' });
      return z.NEVER;
    }
    if (minx > maxx) {
      ctx.addIssue({ code: 'custom', message: 'crosses the antimeridian (minLon > maxLon), which this server does not support' });
      return z.NEVER;
    }
    return [minx, miny, maxx, maxy] as const;
  })
  .describe('minLon,minLat,maxLon,maxLat in CRS84 (longitude first); features whose geometry meets the box');

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The as-of date: a day, or an instant (its day in Vietnam, where the stations count). The
 * figures are counted on one day, so an interval (`a/b`, `../b`, `a/..`) is refused.
 */
const datetimeParam = z
  .string()
  .max(60)
  .transform((s, ctx) => {
    if (s.includes('/')) {
      ctx.addIssue({ code: 'custom', message: 'an interval is not supported: figures are counted on one day; give a date (YYYY-MM-DD)' });
      return z.NEVER;
    }
    const instant = DATE_TIME.exec(s);
    if (instant) {
      const t = new Date(s.replace(' ', 'T'));
      if (Number.isNaN(t.getTime()) || !isoDate.safeParse(instant[1]).success) {
        ctx.addIssue({ code: 'custom', message: 'is not a real date and time' });
        return z.NEVER;
      }
      return todayInVietnam(t);
    }
    const day = isoDate.safeParse(s);
    if (!day.success) {
      ctx.addIssue({ code: 'custom', message: 'must be a date (YYYY-MM-DD) or an RFC 3339 date-time' });
      return z.NEVER;
    }
    return day.data;
  })
  .describe('Count stations on air on this day (default: today, Asia/Ho_Chi_Minh); an RFC 3339 instant means its day in Vietnam. Intervals are refused');

/** An opaque keyset cursor: the sort key of the last feature of the previous page. */
const cursorParam = z
  .string()
  .max(300)
  .transform((s, ctx) => {
    const m = /^k:(.{1,200})$/s.exec(Buffer.from(s, 'base64url').toString('utf8'));
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'is not one this server issued: follow the next link, or start again without it' });
      return z.NEVER;
    }
    return m[1]!;
  })
  .describe('From the `next` link of the previous page');

export const encodeCursor = (key: string | number) => Buffer.from(`k:${key}`, 'utf8').toString('base64url');

export const formatQuery = z.strictObject({ f: formatParam.optional() });

/** The page size: clients read the maximum from the OpenAPI document (ogc.openapi.ts). */
export const LIMIT = { min: 1, max: 10_000, default: 10 } as const;

export const itemsQuery = z.strictObject({
  limit: wholeNumberParam(LIMIT.min, LIMIT.max).default(LIMIT.default).describe('Features per page, 1 to 10,000 (default 10)'),
  bbox: bboxParam.optional(),
  datetime: datetimeParam.optional(),
  cursor: cursorParam.optional(),
  f: formatParam.optional(),
});
export type ItemsQuery = z.output<typeof itemsQuery>;

export const itemQuery = z.strictObject({ datetime: datetimeParam.optional(), f: formatParam.optional() });

export const collectionParams = z.strictObject({
  collectionId: z.string().min(1).max(100).describe('`stations`, or `areas-{set id}` for one boundary set'),
});
export const featureParams = collectionParams.extend({
  featureId: z.string().min(1).max(300).describe('An area code, or a station as operator:code:technology'),
});

const link = z.object({ href: z.string(), rel: z.string(), type: z.string().optional(), title: z.string().optional() });

export const landingResponse = z.object({ title: z.string(), description: z.string(), links: z.array(link) });
export const conformanceResponse = z.object({ conformsTo: z.array(z.string()) });

export const collectionResponse = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  itemType: z.literal('feature'),
  crs: z.array(z.string()),
  extent: z.object({ spatial: z.object({ bbox: z.array(z.array(z.number())), crs: z.string() }) }),
  links: z.array(link),
});
export const collectionsResponse = z.object({ links: z.array(link), collections: z.array(collectionResponse) });

const feature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
  properties: z.record(z.string(), z.unknown()),
});
export const itemResponse = feature.extend({ links: z.array(link) });
export const itemsResponse = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(feature),
  links: z.array(link),
  numberMatched: z.number().int(),
  numberReturned: z.number().int(),
  timeStamp: z.string(),
});

/** The OGC exception: what every refusal at /ogc looks like. */
export const exceptionResponse = z.object({
  code: z.string(),
  description: z.string(),
  details: z.unknown().optional(),
});
