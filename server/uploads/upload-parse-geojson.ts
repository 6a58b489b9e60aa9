import { readFile } from 'node:fs/promises';
import { fieldOfHeader, type Field } from './upload-headers.js';
import { unreadableFile } from './upload-messages.js';
import type { Cell, ParsedRow } from './upload-source.js';

/**
 * Reads a GeoJSON FeatureCollection of points. JSON has no cheap streaming parse here, so the
 * file is read whole; the size limit (UPLOAD_MAX_BYTES) bounds it.
 */
export async function* readGeoJsonRows(path: string, unknown: Set<string>, onBytes?: (n: number) => void): AsyncGenerator<ParsedRow> {
  const buf = await readFile(path);
  onBytes?.(buf.length);
  let doc: unknown;
  try {
    doc = JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw unreadableFile('geojson_not_json', { detail: (err as Error).message });
  }
  const features = (doc as { type?: unknown; features?: unknown } | null)?.features;
  if ((doc as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw unreadableFile('geojson_not_collection');
  }
  for (let i = 0; i < features.length; i++) yield toRow(features[i], i + 1, unknown);
}

function toRow(feature: unknown, rowNumber: number, unknown: Set<string>): ParsedRow {
  const f = (feature ?? {}) as { properties?: unknown; geometry?: unknown };
  const values: Partial<Record<Field, Cell>> = {};
  const props = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
  for (const [key, raw] of Object.entries(props)) {
    const field = fieldOfHeader(key);
    if (!field) {
      if (unknown.size < 200) unknown.add(key.normalize('NFC'));
      continue;
    }
    values[field] = raw === null || raw === undefined ? null : typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean' ? raw : JSON.stringify(raw);
  }
  const g = (f.geometry ?? null) as { type?: unknown; coordinates?: unknown } | null;
  const c = g?.coordinates;
  if (g?.type !== 'Point' || !Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
    return { rowNumber, values, problem: 'the feature has no Point geometry [longitude, latitude]' };
  }
  values.longitude = c[0];
  values.latitude = c[1];
  return { rowNumber, values };
}
