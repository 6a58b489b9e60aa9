import { createReadStream } from 'node:fs';
import { JSONParser } from '@streamparser/json';
import { fieldOfHeader, type Field } from './upload-headers.js';
import { unreadableFile } from './upload-messages.js';
import type { Cell, ParsedRow } from './upload-source.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Streams the Point features of a GeoJSON FeatureCollection, one row each (numbered from 1, in
 * file order). The parser keeps only the feature being read (`keepStack: false`): a 50 MB file
 * costs one feature's memory, not the whole document's. The root's `type` may come after the
 * features (JSON keys have no order): a file that turns out not to be a FeatureCollection is
 * refused at its end, and the caller's transaction saves nothing of it.
 */
export async function* readGeoJsonRows(path: string, unknown: Set<string>, onBytes?: (n: number) => void): AsyncGenerator<ParsedRow> {
  // Not '$.features' itself: a path emitted whole would keep every feature below it.
  const parser = new JSONParser({ paths: ['$.type', '$.features.*'], keepStack: false });
  const ready: ParsedRow[] = [];
  let rootType: unknown, featuresNotArray = false, count = 0;
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) rootType = value;
    else if (typeof key === 'number') ready.push(toRow(value, ++count, unknown));
    else featuresNotArray = true;
  };
  const input = createReadStream(path);
  let first = true;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      let bytes: Uint8Array = chunk;
      if (first && UTF8_BOM.every((b, i) => chunk[i] === b)) bytes = chunk.subarray(3);
      first = false;
      write(parser, bytes);
      while (ready.length) yield ready.shift()!;
    }
    if (!parser.isEnded) end(parser);
    while (ready.length) yield ready.shift()!;
  } finally {
    input.destroy();
  }
  if (rootType !== 'FeatureCollection' || featuresNotArray) {
    throw typeof rootType === 'string' ? unreadableFile('geojson_not_collection', { type: rootType }) : unreadableFile('geojson_not_geojson');
  }
}

function write(parser: JSONParser, bytes: Uint8Array): void {
  try {
    parser.write(bytes);
  } catch (err) {
    throw unreadableFile('geojson_not_json', { detail: (err as Error).message });
  }
}

function end(parser: JSONParser): void {
  try {
    parser.end();
  } catch (err) {
    throw unreadableFile('geojson_truncated', { detail: (err as Error).message });
  }
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
