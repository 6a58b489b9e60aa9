import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import {
  collectionsResponse, conformanceResponse, exceptionResponse, itemResponse, itemsResponse, landingResponse,
} from '../../server/ogc/ogc.schemas.js';
import { call, type Credentials } from '../auth/auth-client.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

/** OGC API – Features at /ogc on the demo data: the documents, paging, filters, access and refusals. */
describe(`OGC API – Features (${dbKind()})`, () => {
  let database: Database;
  let server: App;
  let areasId: string;
  const who = {} as Record<'anonymous' | 'planner' | 'operator' | 'limited', Credentials>;
  const get = (path: string, creds: Credentials = {}) => call(server, 'GET', path, creds);

  beforeAll(async () => {
    server = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    database = server.database;
    const db = database.db;
    who.anonymous = {};
    who.planner = { token: await server.token('planner', { username: 'ogc-planner' }) };
    who.operator = { token: await server.token('operator', { username: 'ogc-operator', operator: 'VIETTEL' }) };
    who.limited = { token: await server.token('inspector', { username: 'ogc-limited', areas: ['883', '884'] }) };
    const sets = await call(server, 'GET', '/api/boundary-sets');
    areasId = `areas-${sets.json.sets[0].id}`;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server?.close();
  });

  it('has a landing page linking self, service-desc (OpenAPI 3.0), conformance and data', async () => {
    const r = await get('/ogc');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    const links = landingResponse.parse(r.json).links;
    const rel = (name: string) => links.find((l) => l.rel === name)!;
    expect(rel('self').href).toBe(`${server.url}/ogc`);
    expect(rel('service-desc')).toMatchObject({ href: `${server.url}/ogc/api`, type: 'application/vnd.oai.openapi+json;version=3.0' });
    expect(rel('conformance').href).toBe(`${server.url}/ogc/conformance`);
    expect(rel('data').href).toBe(`${server.url}/ogc/collections`);
    const api = await get('/ogc/api');
    expect(api.headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi\+json;.*\bversion=3\.0/);
    expect(api.json.openapi).toMatch(/^3\.0\./);
    expect(Object.keys(api.json.paths)).toEqual(expect.arrayContaining(['/collections/{collectionId}/items', '/collections/stations/items']));
    const limit = api.json.paths['/collections/{collectionId}/items'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit.schema).toEqual({ type: 'integer', minimum: 1, maximum: 10000, default: 10 });
  });

  it('declares core, geojson and oas30', async () => {
    const { conformsTo } = conformanceResponse.parse((await get('/ogc/conformance')).json);
    expect(conformsTo.map((c) => c.split('/').pop()).sort()).toEqual(['core', 'geojson', 'oas30']);
  });

  it('lists one collection per boundary set and the stations, each with a CRS84 extent from the data', async () => {
    const { collections } = collectionsResponse.parse((await get('/ogc/collections')).json);
    expect(collections.map((c) => c.id)).toEqual([areasId, 'stations']);
    const areas = collections[0]!;
    expect(areas.title).toMatch(/An Giang/);
    const [minx, miny, maxx, maxy] = areas.extent.spatial.bbox[0]!;
    expect(areas.extent.spatial.crs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
    // An Giang: about 104.7–105.6 E, 10.1–10.98 N (lon/lat order).
    expect(minx).toBeGreaterThan(104.4); expect(maxx).toBeLessThan(105.9);
    expect(miny).toBeGreaterThan(9.9); expect(maxy).toBeLessThan(11.2);
    expect(areas.links.find((l) => l.rel === 'items')!.href).toBe(`${server.url}/ogc/collections/${areasId}/items`);
    const one = await get(`/ogc/collections/${areasId}`);
    expect(one.json).toEqual(areas);
  });

  it('serves every figure of /api/areas as properties, on today or on the day datetime names', async () => {
    for (const day of [undefined, '2024-06-30']) {
      const r = await get(`/ogc/collections/${areasId}/items?limit=100${day ? `&datetime=${day}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^application\/geo\+json/);
      const page = itemsResponse.parse(r.json);
      const api = (await call(server, 'GET', `/api/areas${day ? `?asOf=${day}` : ''}`)).json;
      expect(page.numberMatched).toBe(11);
      expect(page.features.map((f) => f.id)).toEqual(api.features.map((f: { id: string }) => f.id));
      for (const f of page.features) {
        const same = api.features.find((a: { id: string }) => a.id === f.id);
        expect(f.properties).toEqual({ ...same.properties, asOf: api.asOf, target: api.target.label });
        expect(f.geometry).toEqual(same.geometry);
      }
    }
    const instant = (await get(`/ogc/collections/${areasId}/items/883?datetime=2024-06-30T18:00:00Z`)).json;
    expect(instant.properties.asOf).toBe('2024-07-01'); // 01:00 on 1 July in Vietnam
  });

  it('pages areas by keyset with next links, none after the last page', async () => {
    const seen: string[] = [];
    let url: string | undefined = `/ogc/collections/${areasId}/items?limit=4`;
    let pages = 0;
    while (url) {
      const page = itemsResponse.parse((await get(url)).json);
      pages++;
      expect(page.numberMatched).toBe(11);
      expect(page.numberReturned).toBe(page.features.length);
      expect(Date.parse(page.timeStamp)).not.toBeNaN();
      seen.push(...page.features.map((f) => f.id));
      const next = page.links.find((l) => l.rel === 'next')?.href;
      if (next) expect(new URL(next).searchParams.get('limit')).toBe('4');
      url = next?.replace(server.url, '');
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    // A page that ends exactly at the last feature has no next link.
    const exact = itemsResponse.parse((await get(`/ogc/collections/${areasId}/items?limit=11`)).json);
    expect(exact.links.find((l) => l.rel === 'next')).toBeUndefined();
  });

  it('filters areas by a CRS84 bbox (lon,lat order) meeting their polygons', async () => {
    const all = itemsResponse.parse((await get(`/ogc/collections/${areasId}/items?limit=100`)).json);
    const target = all.features.find((f) => f.id === '883')!;
    const api = (await call(server, 'GET', '/api/areas/883')).json.area.bbox as number[];
    const [cx, cy] = [(api[0]! + api[2]!) / 2, (api[1]! + api[3]!) / 2];
    const near = itemsResponse.parse((await get(`/ogc/collections/${areasId}/items?bbox=${cx - 0.001},${cy - 0.001},${cx + 0.001},${cy + 0.001}`)).json);
    expect(near.numberMatched).toBeGreaterThanOrEqual(1);
    expect(near.numberMatched).toBeLessThan(11);
    expect(near.features.map((f) => f.id)).toContain(target.id);
    // Lat/lon order swapped puts a latitude of 105°: refused, not read as some other place.
    const swapped = await get(`/ogc/collections/${areasId}/items?bbox=${cy - 0.001},${cx - 0.001},${cy + 0.001},${cx + 0.001}`);
    expect(swapped.status).toBe(400);
  });

  it('serves one area by its code, with links', async () => {
    const r = await get(`/ogc/collections/${areasId}/items/883`);
    expect(r.status).toBe(200);
    const f = itemResponse.parse(r.json);
    expect(f.id).toBe('883');
    expect(f.properties).toMatchObject({ code: '883', n4g: expect.any(Number), status: expect.stringMatching(/met|behind|no_baseline/) });
    expect(f.links.find((l) => l.rel === 'self')!.href).toBe(`${server.url}/ogc/collections/${areasId}/items/883`);
  });

  it('refuses station features without a session or token, and serves them with one, all pages', async () => {
    expect((await get('/ogc/collections/stations/items')).status).toBe(401);
    expect(exceptionResponse.parse((await get('/ogc/collections/stations/items')).json).code).toBe('unauthenticated');
    // Percent-encoding the collection id does not get around the stations' policy row.
    expect((await get('/ogc/collections/st%61tions/items')).status).toBe(404);
    const total = (await call(server, 'GET', '/api/stats', who.planner)).json;
    const ids = new Set<string>();
    let url: string | undefined = '/ogc/collections/stations/items?limit=1000';
    let matched = -1;
    while (url) {
      const page = itemsResponse.parse((await get(url, who.planner)).json);
      matched = page.numberMatched;
      for (const f of page.features) ids.add(f.id);
      url = page.links.find((l) => l.rel === 'next')?.href.replace(server.url, '');
    }
    const all = (await call(server, 'GET', '/api/stations?format=csv', who.planner)).text.trim().split('\r\n').length - 1;
    expect(ids.size).toBe(all);
    expect(matched).toBe(all);
    expect(all).toBeGreaterThan(total.totals.n4g); // planned and decommissioned ones too
  });

  it('counts stations on air on datetime as /api/stats does', async () => {
    const day = '2024-06-30';
    const page = itemsResponse.parse((await get(`/ogc/collections/stations/items?datetime=${day}&limit=1`, who.planner)).json);
    const stats = (await call(server, 'GET', `/api/stats?asOf=${day}`, who.planner)).json;
    expect(page.numberMatched).toBe(stats.totals.n4g + stats.totals.n5g);
  });

  it('keeps operator and inspector scopes on station features', async () => {
    const operator = itemsResponse.parse((await get('/ogc/collections/stations/items?limit=10000', who.operator)).json);
    expect(operator.numberMatched).toBeGreaterThan(0);
    expect(new Set(operator.features.map((f) => f.properties.operator))).toEqual(new Set(['VIETTEL']));
    const limited = itemsResponse.parse((await get('/ogc/collections/stations/items?limit=10000', who.limited)).json);
    expect(new Set(limited.features.map((f) => f.properties.areaCode))).toEqual(new Set(['883', '884']));
    const other = limited.features[0]!;
    expect((await get(`/ogc/collections/stations/items/${encodeURIComponent(other.id)}`, who.limited)).status).toBe(200);
    const outside = itemsResponse.parse((await get('/ogc/collections/stations/items?limit=10000', who.planner)).json)
      .features.find((f) => f.properties.areaCode === '886')!;
    expect((await get(`/ogc/collections/stations/items/${encodeURIComponent(outside.id)}`, who.limited)).status).toBe(404);
    expect((await get(`/ogc/collections/stations/items/${encodeURIComponent(outside.id)}`, who.planner)).status).toBe(200);
    const notViettel = limited.features.find((f) => f.properties.operator !== 'VIETTEL')!;
    expect((await get(`/ogc/collections/stations/items/${encodeURIComponent(notViettel.id)}`, who.operator)).status).toBe(404);
  });

  it('answers area collections to anonymous visitors as PUBLIC_READ says', async () => {
    expect((await get(`/ogc/collections/${areasId}/items`)).status).toBe(200);
    const closed = await startApp({ env: { PUBLIC_READ: 'false' }, auth: 'none' });
    try {
      const r = await call(closed, 'GET', `/ogc/collections/${areasId}/items`);
      expect(r.status).toBe(401);
      expect(exceptionResponse.parse(r.json)).toMatchObject({ code: 'unauthenticated' });
      expect((await call(closed, 'GET', `/ogc/collections/${areasId}/items`, who.planner)).status).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it('refuses bad input with a 400 or 404 in the OGC exception shape', async () => {
    const cases: [string, number, RegExp][] = [
      [`/ogc/collections/${areasId}/items?limit=0`, 400, /limit: must be a whole number from 1 to 10,000/],
      [`/ogc/collections/${areasId}/items?limit=10001`, 400, /limit/],
      [`/ogc/collections/${areasId}/items?limit=ten`, 400, /limit/],
      [`/ogc/collections/${areasId}/items?bbox=1,2,3`, 400, /bbox: must be four numbers/],
      [`/ogc/collections/${areasId}/items?bbox=105,10,104,11`, 400, /bbox: crosses the antimeridian/],
      [`/ogc/collections/${areasId}/items?bbox=10,105,11,106`, 400, /bbox: is out of range/],
      [`/ogc/collections/${areasId}/items?datetime=2024-02-30`, 400, /datetime/],
      [`/ogc/collections/${areasId}/items?datetime=2024-01-01/2024-06-30`, 400, /datetime: an interval is not supported/],
      [`/ogc/collections/${areasId}/items?datetime=../2024-06-30`, 400, /interval/],
      [`/ogc/collections/${areasId}/items?cursor=nonsense`, 400, /cursor/],
      [`/ogc/collections/${areasId}/items?colour=red`, 400, /colour/],
      [`/ogc/collections/${areasId}/items?f=html`, 400, /only JSON/],
      ['/ogc/conformance?x=1', 400, /x/],
      ['/ogc/collections/nope', 404, /Collection "nope" was not found/],
      ['/ogc/collections/areas-99999/items', 404, /Collection "areas-99999" was not found/],
      [`/ogc/collections/${areasId}/items/NOPE`, 404, /Feature "NOPE" was not found/],
      ['/ogc/nowhere', 404, /No API route|No OGC API route/],
    ];
    for (const [path, status, description] of cases) {
      const r = await get(path);
      expect(r.status, path).toBe(status);
      const body = exceptionResponse.parse(r.json);
      expect(body.description, path).toMatch(description);
      expect(Object.keys(r.json).slice(0, 2)).toEqual(['code', 'description']);
    }
    expect((await get('/ogc/collections/stations/items/VIETTEL:NOPE:5G', who.planner)).status).toBe(404);
    expect((await get('/ogc/collections/stations/items?limit=0', who.planner)).json.code).toBe('invalid_parameter');
  });

  it('takes what GDAL and QGIS add: f=json, six-number bboxes', async () => {
    expect((await get(`/ogc/collections/${areasId}/items?f=json&limit=2`)).status).toBe(200);
    expect((await get('/ogc/collections?f=json')).status).toBe(200);
    const six = await get(`/ogc/collections/${areasId}/items?bbox=104,9,-100,106,11,100`);
    expect(itemsResponse.parse(six.json).numberMatched).toBe(11);
  });
});
