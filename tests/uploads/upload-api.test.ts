import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { issuesResponse, uploadResponse, uploadsListResponse } from '../../server/uploads/uploads.schemas.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea } from './upload-fixtures.js';

describe(`uploads API (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    app = await startApp({ env: { UPLOAD_MAX_BYTES: '20000' } });
  });
  afterAll(async () => app.close());

  const upload = (body: string | Uint8Array, name: string, fields: Record<string, string> = { operator: 'viettel' }) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([body as BlobPart]), name);
    return fetch(`${app.url}/api/uploads`, { method: 'POST', body: form });
  };

  it('preview → errors (JSON and spreadsheet-safe CSV) → commit → history → rollback', async () => {
    const res = await upload(csv(['station_code,technology,latitude,longitude,name', 'A1,4G,10.4,105.4,Mỹ Hòa', 'A2,=HYPERLINK("x"),10.4,105.4,']), 'trạm.csv');
    expect(res.status).toBe(201);
    const preview = uploadResponse.parse(await res.json());
    expect(preview).toMatchObject({ operator: 'VIETTEL', state: 'previewed', uploadedBy: 'test-admin', fileName: 'trạm.csv', counts: { create: 1, errorRows: 1 } });

    const errors = issuesResponse.parse(await (await fetch(`${app.url}/api/uploads/${preview.id}/errors?severity=error`)).json());
    expect(errors.issues).toEqual([expect.objectContaining({ row: 3, code: 'unknown_technology', value: '=HYPERLINK("x")' })]);
    const report = await (await fetch(`${app.url}/api/uploads/${preview.id}/errors?format=csv`)).text();
    expect(report).toContain("'=HYPERLINK");
    expect(report).not.toMatch(/(^|,)"?=HYPERLINK/m);

    const commit = await fetch(`${app.url}/api/uploads/${preview.id}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(commit.status).toBe(200);
    expect(await commit.json()).toMatchObject({ state: 'committed', committedBy: 'test-admin' });
    const stations = await (await fetch(`${app.url}/api/stations?operator=VIETTEL`)).json();
    expect(stations.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['Mỹ Hòa']);

    const history = uploadsListResponse.parse(await (await fetch(`${app.url}/api/uploads?operator=VIETTEL`)).json());
    expect(history.uploads[0]).toMatchObject({ id: preview.id, state: 'committed' });
    const again = await fetch(`${app.url}/api/uploads/${preview.id}/commit`, { method: 'POST' });
    expect(again.status).toBe(409);
    const rollback = await fetch(`${app.url}/api/uploads/${preview.id}/rollback`, { method: 'POST' });
    expect(await rollback.json()).toMatchObject({ state: 'rolled_back' });
    expect((await (await fetch(`${app.url}/api/stations?operator=VIETTEL`)).json()).features).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('bad requests are 4xx with a message, never 500', async () => {
    expect((await upload('x', 'a.csv', {})).status).toBe(400);
    expect((await upload('x', 'a.csv', { operator: 'NOPE' })).status).toBe(400);
    expect((await upload('x', 'a.csv', { operator: 'VIETTEL', mode: 'wipe' })).status).toBe(400);
    const big = await upload('x'.repeat(30000), 'big.csv');
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toMatch(/UPLOAD_MAX_BYTES/);
    expect((await upload(csv(['a,b']), 'h.csv')).status).toBe(422);
    expect((await fetch(`${app.url}/api/uploads`, { method: 'POST', body: 'x' })).status).toBe(400);
    expect((await fetch(`${app.url}/api/uploads/abc`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/uploads/999999`)).status).toBe(404);
    expect(app.errors).toEqual([]);
  });

  it('a whole-file refusal comes in the language asked (lang=vi), with the same reason and parameters', async () => {
    const vi = await upload(csv(['Mã trạm,Công nghệ,Vĩ độ,Kinh độ']), 'h.csv', { operator: 'VIETTEL', lang: 'vi' });
    expect(vi.status).toBe(422);
    const body = (await vi.json()).error;
    expect(body).toMatchObject({ code: 'unreadable_file', details: { reason: 'no_stations', params: { row: 1 } } });
    expect(body.message).toBe('Tệp không có trạm nào: không có dòng nào bên dưới dòng tiêu đề (dòng 1).');
    const en = await (await upload(csv(['Mã trạm,Công nghệ,Vĩ độ,Kinh độ']), 'h.csv')).json();
    expect(en.error.message).toBe('The file has no stations: there is no row below the header (row 1).');
    expect((await upload('x', 'a.csv', { operator: 'VIETTEL', lang: 'fr' })).status).toBe(400);
  });

  it('a body that ends inside the file part is a 400, and the server goes on', async () => {
    const body = '--XX\r\nContent-Disposition: form-data; name="operator"\r\n\r\nVIETTEL\r\n' +
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nstation_code,technology,latitude,longitude\nA,4G,10.4,105.4\n';
    const res = await fetch(`${app.url}/api/uploads`, { method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary=XX' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/cut or malformed/);
    expect((await fetch(`${app.url}/api/uploads/999999`)).status).toBe(404);
    expect(app.errors).toEqual([]);
  });

  it('templates in both languages read back as valid files', async () => {
    for (const name of ['en.csv', 'vi.csv', 'en.xlsx', 'vi.xlsx']) {
      const res = await fetch(`${app.url}/api/uploads/templates/${name}`);
      expect(res.status, name).toBe(200);
      const body = new Uint8Array(await res.arrayBuffer());
      const preview = await (await upload(body, `template-${name}`)).json();
      // Every value of the example rows reads; their code marks them as the example, so nothing is created.
      expect(preview.counts, name).toMatchObject({ create: 0, errorRows: 2 });
      const { issues } = await (await fetch(`${app.url}/api/uploads/${preview.id}/errors?lang=vi`)).json();
      expect(issues.map((i: { code: string; field: string; message: string }) => [i.code, i.field]), name).toEqual([['bad_text', 'station_code'], ['bad_text', 'station_code']]);
      expect(issues[0].message, name).toMatch(/^Mã trạm (EXAMPLE|VIDU)-0001 là dòng ví dụ của tệp mẫu: hãy xóa dòng này/);
    }
    expect((await fetch(`${app.url}/api/uploads/templates/fr.csv`)).status).toBe(400);
  });

  it('the OpenAPI document lists the upload routes with their methods', async () => {
    const doc = await (await fetch(`${app.url}/api/openapi.json`)).json();
    expect(Object.keys(doc.paths['/api/uploads']).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/api/uploads/{id}/commit'].post).toBeDefined();
    expect(doc.paths['/api/uploads'].post.requestBody.content['multipart/form-data']).toBeDefined();
  });
});
