import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { buildOpenApiDocument } from '../../server/openapi/openapi.js';
import { uploadResponse } from '../../server/uploads/uploads.schemas.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea } from './upload-fixtures.js';

/** Every upload route refuses a query parameter it does not know, and paging numbers say what they take. */
describe(`upload routes and their query strings (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  let preview: ReturnType<typeof uploadResponse.parse>;

  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    app = await startApp();
    const form = new FormData();
    form.append('operator', 'VIETTEL');
    form.append('file', new Blob([csv(['station_code,technology,latitude,longitude', 'Q1,4G,10.41,105.41'])]), 'q.csv');
    preview = uploadResponse.parse(await (await fetch(`${app.url}/api/uploads`, { method: 'POST', body: form })).json());
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await app.close();
  });

  /** Each upload route of the OpenAPI document as a request that would succeed but for `?typo=1`. */
  const requests = () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/uploads')).flatMap(([p, ops]) => Object.keys(ops).map((method) => {
      const path = p.replace('{id}', String(preview.id)).replace('{lang}.{ext}', 'vi.csv');
      const init: RequestInit = { method: method.toUpperCase() };
      if (p === '/api/uploads' && method === 'post') {
        const form = new FormData();
        form.append('operator', 'VIETTEL');
        form.append('file', new Blob([csv(['station_code,technology,latitude,longitude', 'Q2,4G,10.41,105.41'])]), 'q2.csv');
        init.body = form;
      } else if (method === 'post') {
        init.body = '{}';
        init.headers = { 'content-type': 'application/json' };
      }
      return { route: `${method.toUpperCase()} ${p}`, path, init };
    }));
  };

  it('lists the ten upload routes', () => {
    expect(requests().map((r) => r.route).sort()).toEqual([
      'GET /api/uploads', 'GET /api/uploads/limits', 'GET /api/uploads/templates/{lang}.{ext}', 'GET /api/uploads/{id}', 'GET /api/uploads/{id}/changes',
      'GET /api/uploads/{id}/errors', 'POST /api/uploads', 'POST /api/uploads/{id}/commit', 'POST /api/uploads/{id}/discard', 'POST /api/uploads/{id}/rollback',
    ]);
  });

  it('refuses an unknown query parameter on every upload route with the standard 400, and does nothing', async () => {
    const got: string[] = [];
    for (const r of requests()) {
      const res = await fetch(`${app.url}${r.path}?typo=1`, r.init);
      const body = await res.json();
      got.push(`${r.route} → ${res.status} ${body.error?.code} ${body.error?.message}`);
    }
    expect(got).toEqual(requests().map((r) => `${r.route} → 400 invalid_parameter Invalid request: Unrecognized key: "typo"`));
    // The commit and the preview were refused, not done.
    const after = uploadResponse.parse(await (await fetch(`${app.url}/api/uploads/${preview.id}`)).json());
    expect(after.state).toBe('previewed');
    const list = await (await fetch(`${app.url}/api/uploads`)).json();
    expect(list.uploads.map((u: { fileName: string }) => u.fileName)).toEqual(['q.csv']);
  });

  it.each([
    ['changes?page=1e309', 'page: must be a whole number from 1 to 1,000,000, in digits'],
    ['changes?page=0', 'page: must be a whole number from 1 to 1,000,000, in digits'],
    ['changes?page=2.5', 'page: must be a whole number from 1 to 1,000,000, in digits'],
    ['changes?page=1&page=2', 'page: must be a whole number from 1 to 1,000,000, in digits'],
    ['changes?pageSize=501', 'pageSize: must be a whole number from 1 to 500, in digits'],
    ['changes?pageSize=ten', 'pageSize: must be a whole number from 1 to 500, in digits'],
    ['?limit=1e309', 'limit: must be a whole number from 1 to 200, in digits'],
    ['?limit=-1', 'limit: must be a whole number from 1 to 200, in digits'],
    ['changes?page=0x10', 'page: must be a whole number from 1 to 1,000,000, in digits'],
    ['changes?page=1e3', 'page: must be a whole number from 1 to 1,000,000, in digits'],
    ['changes?page=%20', 'page: must be a whole number from 1 to 1,000,000, in digits'],
    ['changes?page=', 'page: must be a whole number from 1 to 1,000,000, in digits'],
    ['?before=abc', 'before: must be an upload id (digits)'],
    ['?before=0', 'before: must be an upload id (digits, from 1)'],
  ])('%s → 400 "%s"', async (query, message) => {
    const path = query.startsWith('?') ? `/api/uploads${query}` : `/api/uploads/${preview.id}/${query}`;
    const res = await fetch(`${app.url}${path}`);
    expect([res.status, (await res.json()).error]).toEqual([400, { code: 'invalid_parameter', message: `Invalid request: ${message}`, details: [expect.objectContaining({ message: message.split(': ')[1] })] }]);
  });

  it('still takes the numbers in range', async () => {
    expect((await fetch(`${app.url}/api/uploads/${preview.id}/changes?page=1000000&pageSize=500`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/uploads?limit=200&before=${preview.id + 1}`)).status).toBe(200);
  });
});
