import type { Field } from './upload-headers.js';
import { isBlank, type ParsedRow } from './upload-source.js';
import type { ErrorFn } from './upload-validate.js';
import { isPlaceholder, UNCOMPUTED } from './upload-values.js';
import { readCoordinate, type Axis } from './upload-values-number.js';

/** Vietnam's extent, generously (the Spratly and Paracel islands included). */
const inVietnam = (lon: number, lat: number) => lon >= 101 && lon <= 118 && lat >= 7 && lat <= 24;

/** Within a degree of 0, 0 (in the Gulf of Guinea): coordinates left at zero, not a place. */
const nearZero = (lon: number, lat: number) => Math.abs(lon) < 1 && Math.abs(lat) < 1;

/** The row's point, or null with the reasons given to `error`. */
export function readPoint(values: ParsedRow['values'], error: ErrorFn): { lon: number; lat: number } | null {
  const lat = readAxis(values.latitude, 'latitude', error);
  const lon = readAxis(values.longitude, 'longitude', error);
  return lat === null || lon === null ? null : checkPoint(lon, lat, error);
}

function readAxis(cell: ParsedRow['values'][Field], axis: Axis, error: ErrorFn): number | null {
  if (isBlank(cell)) return void error('missing_value', axis, { kind: axis }), null;
  if (isPlaceholder(cell)) return void error('missing_value', axis, { kind: 'placeholder' }), null;
  const r = readCoordinate(cell, axis);
  if (r.ok) return r.value;
  if (r.kind === UNCOMPUTED) error('uncomputed_formula', axis);
  // A number that is no number at all gets the field's own example; the others their hint.
  else error('bad_number', axis, { kind: r.kind === 'not_number' ? axis : r.kind });
  return null;
}

/**
 * A point must be a place in Vietnam. Order of the tests: the most telling reason first, a
 * swap (which explains an impossible latitude too), impossible values, 0/0, then a point
 * outside Vietnam, which a wrong sign explains when flipping signs brings it in.
 */
function checkPoint(lon: number, lat: number, error: ErrorFn): { lon: number; lat: number } | null {
  if (!inVietnam(lon, lat) && inVietnam(lat, lon)) {
    return void error('swapped_coordinates', 'latitude', { lat, lon }), null;
  }
  const badLat = lat < -90 || lat > 90, badLon = lon < -180 || lon > 180;
  if (badLat) error('out_of_range', 'latitude', { kind: 'latitude', number: lat });
  if (badLon) error('out_of_range', 'longitude', { kind: 'longitude', number: lon });
  if (badLat || badLon) return null;
  if (nearZero(lon, lat)) return void error('no_coordinates', 'latitude', { lat, lon }), null;
  if (!inVietnam(lon, lat)) {
    const sign = inVietnam(Math.abs(lon), Math.abs(lat));
    return void error('outside_vietnam', 'latitude', { lat, lon, ...(sign ? { kind: 'sign' } : {}) }), null;
  }
  return { lon, lat };
}
