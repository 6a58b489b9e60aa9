import { createReadStream } from 'node:fs';
import { JSONParser } from '@streamparser/json';
import { AppError } from '../errors.js';
import { fieldOfHeader, type Field } from './upload-headers.js';
import { unreadableFile } from './upload-messages.js';
import { crsProblem, PointTally, readPoint } from './upload-geojson-geometry.js';
import type { Cell, ColumnReport, ParsedRow } from './upload-source.js';
import { unguard } from './upload-values.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Distinct unknown property names kept: enough to count a file's extra columns, bounded whatever the file. */
const MAX_UNKNOWN_NAMES = 100_000;

/**
 * Streams the Point features of a GeoJSON FeatureCollection, one row each (numbered from 1, in
 * file order). The parser keeps only the feature being read (`keepStack: false`): a 50 MB file
 * costs one feature's memory, not the whole document's. The root's `type` and `crs` may come
 * after the features (JSON keys have no order): a file that turns out not to be a
 * FeatureCollection of longitude/latitude points is refused at its end, and the caller's
 * transaction saves nothing of it. `columns` hears which property names were read as which field.
 */
export async function* readGeoJsonRows(path: string, columns: ColumnReport, onBytes?: (n: number) => void): AsyncGenerator<ParsedRow> {
  // Not '$.features' itself: a path emitted whole would keep every feature below it.
  const parser = new JSONParser({ paths: ['$.type', '$.crs', '$.features.*'], keepStack: false });
  const ready: ParsedRow[] = [];
  const unknown = new Set<string>(columns.unknown);
  const points = new PointTally();
  let rootType: unknown, crs: unknown, featuresNotArray = false, count = 0;
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1 && key === 'type') rootType = value;
    else if (stack.length === 1) crs = value;
    else if (typeof key === 'number') ready.push(toRow(value, ++count, columns, unknown, points));
    else featuresNotArray = true;
  };
  const input = createReadStream(path);
  let first = true;
  const where = { lines: 0 }; // newlines before the chunk being parsed, for the line of a syntax error
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      let bytes: Uint8Array = chunk;
      if (first && UTF8_BOM.every((b, i) => chunk[i] === b)) bytes = chunk.subarray(3);
      first = false;
      write(parser, bytes, where, () => rootType);
      where.lines += countNewlines(bytes, bytes.length);
      checkCoordinates(crs, points, false);
      while (ready.length) yield ready.shift()!;
    }
    if (!parser.isEnded) end(parser);
    while (ready.length) yield ready.shift()!;
  } finally {
    input.destroy();
    columns.unknown = [...unknown];
  }
  if (rootType !== 'FeatureCollection' || featuresNotArray) {
    throw typeof rootType === 'string' ? unreadableFile('geojson_not_collection', { type: rootType }) : unreadableFile('geojson_not_geojson');
  }
  checkCoordinates(crs, points, true);
  if (count === 0) throw unreadableFile('geojson_no_features');
}

/** A projected file is one refusal, not two out-of-range errors per feature: as soon as it is clear, and at the end. */
function checkCoordinates(crs: unknown, points: PointTally, atEnd: boolean): void {
  const named = crs === undefined ? null : crsProblem(crs);
  if (named) throw unreadableFile('geojson_crs', { crs: named });
  if (points.looksProjected(atEnd)) throw unreadableFile('geojson_projected', points.params());
}

/**
 * A syntax error said where a person can find it: the line and the text around it, not the
 * parser's state machine (kept in `detail`). Text after a whole first object is a sequence of
 * objects (GeoJSONSeq, one feature a line, as ogr2ogr writes it), said as such.
 */
function write(parser: JSONParser, bytes: Uint8Array, where: { lines: number }, rootTypeOf: () => unknown): void {
  try {
    parser.write(bytes);
  } catch (err) {
    if (err instanceof AppError) throw err; // thrown by toRow from inside the parser's callback
    const detail = (err as Error).message;
    const rootType = rootTypeOf();
    if (/in state ENDED/.test(detail)) throw unreadableFile('geojson_sequence', { type: typeof rootType === 'string' ? rootType : 'JSON', detail });
    const at = Number(/chunk position "(\d+)"/.exec(detail)?.[1] ?? NaN);
    if (!Number.isInteger(at)) {
      // The parser (not the tokenizer) names the token but not where: say which one it was.
      const token = /^Unexpected \w+ \("(.{1,20})"\)/.exec(detail)?.[1];
      throw unreadableFile('geojson_not_json', token ? { kind: 'token', near: token, detail } : { kind: 'plain', detail });
    }
    const line = where.lines + countNewlines(bytes, at) + 1;
    const near = new TextDecoder().decode(bytes.subarray(Math.max(0, at - 30), at + 10)).replace(/\s+/g, ' ').replace(/^\uFFFD+|\uFFFD+$/g, '').trim();
    throw unreadableFile('geojson_not_json', { line, near, detail });
  }
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < bytes.length; i++) if (bytes[i] === 10) n++;
  return n;
}

function end(parser: JSONParser): void {
  try {
    parser.end();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadableFile('geojson_truncated', { detail: (err as Error).message });
  }
}

function toRow(feature: unknown, rowNumber: number, columns: ColumnReport, unknown: Set<string>, points: PointTally): ParsedRow {
  const f = (feature ?? {}) as { properties?: unknown; geometry?: unknown };
  const props = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
  const values = readProperties(props, columns, unknown);
  const point = readPoint(f.geometry);
  if (!point.ok) {
    return { rowNumber, values, problem: 'the feature has no Point geometry [longitude, latitude]', problems: [{ code: 'bad_geometry', params: point.params }] };
  }
  points.add(point.lon, point.lat);
  values.longitude = point.lon;
  values.latitude = point.lat;
  return { rowNumber, values };
}

/**
 * Properties to fields (not latitude and longitude: GDAL copies them from a CSV, the geometry
 * is what counts). Two names for one field in the same feature (`station_code` and "Mã trạm")
 * make the file ambiguous, as two such columns do in a CSV. Numbers are passed on as text: only
 * an Excel cell holds a date as a serial number, so 45366 here is not 2024-03-15.
 */
function readProperties(props: Record<string, unknown>, columns: ColumnReport, unknown: Set<string>): Partial<Record<Field, Cell>> {
  const values: Partial<Record<Field, Cell>> = {};
  const keyOf = new Map<Field, string>();
  for (const [raw, value] of Object.entries(props)) {
    const key = raw.normalize('NFC');
    const field = fieldOfHeader(key);
    if (!field) {
      if (unknown.size < MAX_UNKNOWN_NAMES) unknown.add(key);
      continue;
    }
    if (field === 'latitude' || field === 'longitude') continue; // the geometry says where the station is
    const other = keyOf.get(field);
    if (other !== undefined) {
      throw unreadableFile('ambiguous_columns', { headers: [other, key], fields: [field] }, { duplicates: [{ field, headers: [other, key] }] });
    }
    keyOf.set(field, key);
    columns.recognised[field] ??= key;
    values[field] = value === null || value === undefined ? null : typeof value === 'string' ? unguard(value) : typeof value === 'boolean' ? value
      : typeof value === 'number' ? String(value) : JSON.stringify(value);
  }
  return values;
}
