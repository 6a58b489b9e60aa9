import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { call } from '../auth/auth-client.js';
import { featureCount, gdal, gdalAvailability, OGR2OGR, OGRINFO, readLayer } from '../helpers/gdal.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

const gdalCheck = gdalAvailability();
if (!gdalCheck.run) console.warn(gdalCheck.reason);

/** The real client: GDAL's OAPIF driver (what QGIS's OGC API – Features provider is modelled on) against the running app. */
describe.skipIf(!gdalCheck.run)(`GDAL reads /ogc (${dbKind()})`, () => {
  let database: Database;
  let server: App;
  let token: string;
  let areasLayer: string;
  const dir = mkdtempSync(join(tmpdir(), 'ogc-gdal-'));
  const PAGE_SIZE = '500';

  beforeAll(async () => {
    server = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    database = server.database;
    token = await server.token('planner', { username: 'ogc-gdal-planner' });
    areasLayer = `areas-${(await call(server, 'GET', '/api/boundary-sets')).json.sets[0].id}`;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the collections', async () => {
    const r = await gdal(OGRINFO, ['-ro', '-q', `OAPIF:${server.url}/ogc`], { GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`1: ${areasLayer} \\(title: An Giang[^\n]*\\) \\(Multi Polygon\\)`));
    expect(r.stdout).toMatch(/2: stations \(title: Stations \/ Trạm\) \(Point\)/);
  });

  it('copies every area with its figures and every station, through all pages, into a GeoPackage', async () => {
    const out = join(dir, 'copy.gpkg');
    const r = await gdal(OGR2OGR, ['-f', 'GPKG', out, `OAPIF:${server.url}/ogc`, '-oo', `PAGE_SIZE=${PAGE_SIZE}`], { GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` });
    expect(r.code, r.stderr).toBe(0);

    const stats = (await call(server, 'GET', '/api/stats', { token })).json;
    const areas = await readLayer(out, areasLayer);
    expect(areas).toHaveLength(stats.rows.length);
    for (const row of stats.rows) {
      const copied = areas.find((a) => a.properties.code === row.code)!;
      expect(copied.geometry?.type).toMatch(/Polygon/);
      expect(copied.properties).toMatchObject({ name: row.name, n4g: row.n4g, n5g: row.n5g, required: row.required, needed: row.needed, status: row.status });
    }
    expect(areas.some((a) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(String(a.properties.name)))).toBe(true);

    const stations = (await call(server, 'GET', '/api/stations?format=csv', { token })).text.trim().split('\r\n').length - 1;
    expect(stations).toBeGreaterThan(Number(PAGE_SIZE) * 2); // so the copy went through several pages
    expect(await featureCount(out, 'stations')).toBe(stations);
  });

  it('is refused the stations without a token, and still reads the public areas', async () => {
    const out = join(dir, 'anonymous.gpkg');
    const refused = await gdal(OGR2OGR, ['-f', 'GPKG', out, `OAPIF:${server.url}/ogc`, 'stations', '-oo', `PAGE_SIZE=${PAGE_SIZE}`]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/401|unauthenticated/i);
    const areas = join(dir, 'areas.gpkg');
    const ok = await gdal(OGR2OGR, ['-f', 'GPKG', areas, `OAPIF:${server.url}/ogc`, areasLayer, '-oo', `PAGE_SIZE=${PAGE_SIZE}`]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(await featureCount(areas, areasLayer)).toBe(11);
  });
});
