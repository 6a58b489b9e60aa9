import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { uploadResponse, uploadsListResponse } from '../../server/uploads/uploads.schemas.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea, xlsxBuffer } from './upload-fixtures.js';

/** The multipart form of POST /api/uploads: what busboy would drop silently is a 400; `sheet` is kept for workbooks only. */
const HEAD = 'station_code,technology,latitude,longitude,name';
const BODY = csv([HEAD, 'F1,4G,10.41,105.41,Một']);

describe(`the upload form (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    app = await startApp();
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await app.close();
  });

  type Part = [name: string, value: string] | [name: string, file: Blob, fileName: string];
  const send = (parts: Part[]) => {
    const form = new FormData();
    for (const [name, value, fileName] of parts) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, value, fileName);
    }
    return fetch(`${app.url}/api/uploads`, { method: 'POST', body: form });
  };
  const file = (body: string | Uint8Array = BODY, name = 'tram.csv'): Part => ['file', new Blob([body as BlobPart]), name];
  const uploadCount = async () => uploadsListResponse.parse(await (await fetch(`${app.url}/api/uploads?limit=200`)).json()).uploads.length;
  const refused = async (parts: Part[], message: RegExp) => {
    const res = await send(parts);
    const body = await res.json();
    expect([res.status, body.error.message]).toEqual([400, expect.stringMatching(message)]);
    return body.error;
  };

  it('an 11th field is not dropped any more: the form is read whole and the unknown fields are named', async () => {
    const extra: Part[] = Array.from({ length: 10 }, (_, i) => [`f${i + 1}`, 'x']);
    const error = await refused([...extra, ['operator', 'VIETTEL'], file()], /Unrecognized keys: "f1", "f2".*"f10"/);
    expect(error.message).not.toMatch(/operator/);
  });

  it('more than 20 fields, a second file, a file under another name, a field sent twice or too long: a 400 saying so, nothing saved', async () => {
    const before = await uploadCount();
    const many: Part[] = Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x']);
    await refused([['operator', 'VIETTEL'], ...many, file()], /^too many form fields: at most 20$/);
    await refused([['operator', 'VIETTEL'], file(), file(BODY, 'second.csv')], /one file per upload/);
    await refused([['operator', 'VIETTEL'], ['attachment', new Blob([BODY]), 'tram.csv']], /part named "file", not "attachment"/);
    await refused([['operator', 'VIETTEL'], ['operator', 'VNPT'], file()], /"operator" is sent more than once/);
    await refused([['operator', 'VIETTEL'], ['mode', 'x'.repeat(2001)], file()], /"mode" is longer than 2000 characters/);
    expect(await uploadCount()).toBe(before);
    // The same form without the extra part goes through.
    expect((await send([['operator', 'VIETTEL'], ['mode', 'merge'], file()])).status).toBe(201);
  });

  it('keeps `sheet` for a workbook and stores null for CSV and GeoJSON, where it means nothing', async () => {
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.41, 10.41] },
      properties: { station_code: 'G1', technology: '4G' } }] });
    const workbook = await xlsxBuffer([{ name: 'Ghi chú', rows: [['nothing here']] }, { name: 'Trạm', rows: [HEAD.split(','), ['X1', '4G', 10.41, 105.41, 'Một']] }]);
    const cases: [Part, string | null][] = [[file(), null], [file(geojson, 'tram.geojson'), null], [file(BODY, 'no-extension'), null], [file(workbook, 'tram.xlsx'), 'Trạm']];
    for (const [part, sheet] of cases) {
      const res = await send([['operator', 'VIETTEL'], ['sheet', 'Trạm'], part]);
      expect(res.status, String(part[2])).toBe(201);
      const preview = uploadResponse.parse(await res.json());
      expect([preview.sheet, preview.counts.create], String(part[2])).toEqual([sheet, 1]);
      expect((await (await fetch(`${app.url}/api/uploads/${preview.id}`)).json()).sheet).toBe(sheet);
    }
  });
});
