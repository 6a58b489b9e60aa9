import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { renderFileProblem } from '../../server/uploads/upload-messages.js';
import { readUploadRows } from '../../server/uploads/upload-read.js';
import type { ColumnReport, ParsedRow } from '../../server/uploads/upload-source.js';
import { validateRow } from '../../server/uploads/upload-validate.js';
import { writeTemp } from './upload-fixtures.js';

/* GeoJSON as GIS tools write it: property names, the crs member, projected or quoted coordinates, MultiPoints. */

type Geometry = { type: string; coordinates: unknown } | null;
const feature = (properties: Record<string, unknown>, geometry: Geometry = { type: 'Point', coordinates: [105.43, 10.38] }) => ({ type: 'Feature', properties, geometry });
const collection = (features: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features });
const crs = (name: string) => ({ crs: { type: 'name', properties: { name } } });

async function readAll(body: string) {
  const columns: ColumnReport = { recognised: {}, unknown: [] };
  const rows: ParsedRow[] = [];
  for await (const r of readUploadRows(writeTemp('g.geojson', body), { format: 'geojson', maxRows: 10_000 }, columns)) rows.push(r);
  return { rows, columns };
}

const refusal = (body: string) => readAll(body).then(() => null, (e: unknown) => e as AppError);

describe('GeoJSON properties', () => {
  it('says which property names were read as which field, Vietnamese ones too', async () => {
    const { columns } = await readAll(collection([
      feature({ 'Mã trạm': 'G-1', 'Công nghệ': 'NR', 'Ghi chú': 'x', lat: 1, lon: 2 }),
      feature({ station_code: 'G-2', tech: '4G', 'Trạng thái': 'on_air' }),
    ]));
    // Latitude and longitude come from the geometry: properties named so are neither read nor unknown.
    expect(columns.recognised).toEqual({ station_code: 'Mã trạm', technology: 'Công nghệ', status: 'Trạng thái' });
    expect(columns.unknown).toEqual(['Ghi chú']);
  });

  it.each([
    [{ station_code: 'A', 'Mã trạm': 'A', technology: '4G' }, ['station_code', 'Mã trạm'], 'station_code'],
    [{ station_code: 'A', technology: '4G', tech: '5G' }, ['technology', 'tech'], 'technology'],
  ])('two names for one field in the same feature: the file is refused as ambiguous, as a CSV is (%j)', async (props, headers, field) => {
    const err = await refusal(collection([feature({ station_code: 'OK', technology: '4G' }), feature(props)]));
    expect(err).toMatchObject({ status: 422, details: { reason: 'ambiguous_columns', params: { headers, fields: [field] }, duplicates: [{ field, headers }] } });
    expect(renderFileProblem('ambiguous_columns', (err!.details as { params: unknown }).params, 'vi')).toMatch(/^Cột bị trùng: /);
  });

  it('a number in a date property is not an Excel serial date: 45366 is a bad date, not 2024-03-15', async () => {
    const { rows } = await readAll(collection([feature({ station_code: 12345, technology: '4G', commissioned_on: 45366, status: 'on_air' })]));
    expect(rows[0]!.values).toMatchObject({ station_code: '12345', commissioned_on: '45366' });
    const { station, issues } = validateRow(rows[0]!, { operator: { code: 'VIETTEL', name: 'Viettel' }, today: '2025-06-15' });
    expect(station).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ code: 'bad_date', field: 'commissioned_on', value: '45366', params: { kind: 'format' } })]);
  });
});

describe('GeoJSON coordinates', () => {
  it('numbers written as strings are numbers; a MultiPoint of one point is that point', async () => {
    const { rows } = await readAll(collection([
      feature({ station_code: 'S' }, { type: 'Point', coordinates: ['105.427', ' 10.377 '] }),
      feature({ station_code: 'M' }, { type: 'MultiPoint', coordinates: [[105.428, 10.378, 3]] }),
    ]));
    expect(rows.map((r) => [r.values.longitude, r.values.latitude, r.problem ?? null])).toEqual([[105.427, 10.377, null], [105.428, 10.378, null]]);
  });

  it.each([
    ['a MultiPoint of several points', { type: 'MultiPoint', coordinates: [[105.4, 10.4], [105.5, 10.5]] }, { kind: 'multipoint', points: 2 }],
    ['coordinates that are not numbers', { type: 'Point', coordinates: ['105,4', '10,4'] }, { kind: 'not_numbers' }],
    ['no geometry', null, {}],
    ['a LineString', { type: 'LineString', coordinates: [[105.4, 10.4], [105.5, 10.5]] }, {}],
  ])('%s: a row with a geometry problem (bad_geometry, its variant), not a refused file', async (_label, geometry, params) => {
    const { rows } = await readAll(collection([feature({ station_code: 'X' }, geometry), feature({ station_code: 'OK' })]));
    expect(rows[0]).toMatchObject({ problem: expect.stringMatching(/no Point geometry/), problems: [{ code: 'bad_geometry', params }] });
    expect(rows[1]!.problem).toBeUndefined();
  });

  it.each([
    ['urn:ogc:def:crs:EPSG::3405', 'EPSG:3405 (VN-2000 / UTM zone 48N)'],
    ['EPSG:3857', 'EPSG:3857 (Web Mercator)'],
    ['http://www.opengis.net/def/crs/EPSG/0/32648', 'EPSG:32648 (WGS 84 / UTM zone 48N)'],
    ['urn:ogc:def:crs:EPSG::9999', 'EPSG:9999'],
    ['VN2000_TM3_105_45', 'VN2000_TM3_105_45'],
  ])('a crs member naming %s: one refusal for the file, whichever comes first', async (name, shown) => {
    const projected = [feature({ station_code: 'P' }, { type: 'Point', coordinates: [546983.44, 1147681.2] })];
    for (const body of [collection(projected, crs(name)), JSON.stringify({ type: 'FeatureCollection', features: projected, ...crs(name) })]) {
      const err = await refusal(body);
      expect(err).toMatchObject({ status: 422, details: { reason: 'geojson_crs', params: { crs: shown } } });
      expect(err!.message).toBe(`The GeoJSON coordinates are in ${shown}, not WGS84 longitude/latitude: re-export the file with ogr2ogr -t_srs EPSG:4326 (in QGIS: save it with the CRS EPSG:4326).`);
    }
  });

  it.each(['urn:ogc:def:crs:OGC:1.3:CRS84', 'urn:ogc:def:crs:EPSG::4326', 'EPSG:4326', 'WGS 84'])('a crs member naming %s is longitude/latitude', async (name) => {
    const { rows } = await readAll(collection([feature({ station_code: 'A' })], crs(name)));
    expect(rows[0]!.values).toMatchObject({ longitude: 105.43, latitude: 10.38 });
  });

  it('projected coordinates without a crs: one refusal when most points are, with the first one', async () => {
    const points = [[546983.44, 1147681.2], [547092.76, 1147791.9], [105.43, 10.38]];
    const err = await refusal(collection(points.map((coordinates, i) => feature({ station_code: `P${i}` }, { type: 'Point', coordinates }))));
    expect(err!.details).toMatchObject({ reason: 'geojson_projected', params: { count: 2, total: 3, x: 546983.44, y: 1147681.2 } });
    expect(renderFileProblem('geojson_projected', (err!.details as { params: unknown }).params, 'vi'))
      .toMatch(/^Tọa độ trong tệp GeoJSON không phải kinh độ\/vĩ độ: 2 trên 3 điểm nằm ngoài ±180\/±90 \(điểm đầu tiên: 546983,44; 1147681,2\)/);
  });

  it('a few stray points, or latitude and longitude the other way round, are the rows\' own errors', async () => {
    const stray = await readAll(collection([feature({ station_code: 'A' }), feature({ station_code: 'B' }, { type: 'Point', coordinates: [546983.44, 1147681.2] })]));
    expect(stray.rows).toHaveLength(2);
    const swapped = await readAll(collection([feature({ station_code: 'S' }, { type: 'Point', coordinates: [10.38, 105.43] })], crs('urn:ogc:def:crs:EPSG::4326')));
    expect(swapped.rows[0]!.values).toMatchObject({ longitude: 10.38, latitude: 105.43 });
  });

  it('a large projected file is refused before its end, not after an issue per feature', async () => {
    const n = 3000;
    const body = collection(Array.from({ length: n }, (_, i) => feature({ station_code: `P${i}`, pad: 'x'.repeat(100) }, { type: 'Point', coordinates: [546983 + i, 1147681] })));
    const columns: ColumnReport = { recognised: {}, unknown: [] };
    let read = 0;
    const err = await (async () => {
      for await (const _ of readUploadRows(writeTemp('p.geojson', body), { format: 'geojson', maxRows: n }, columns)) read++;
    })().then(() => null, (e: unknown) => e as AppError);
    expect((err!.details as { reason: string }).reason).toBe('geojson_projected');
    expect(read).toBeLessThan(n);
  });
});
