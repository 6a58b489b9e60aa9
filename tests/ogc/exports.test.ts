import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bandColour, progressBand } from '../../geo/colour-scale.js';
import type { Database } from '../../server/db/database.js';
import { upsertStations } from '../../server/stations/stations.repository.js';
import { featureCount, gdal, gdalAvailability, OGRINFO, readLayer } from '../helpers/gdal.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

const gdalCheck = gdalAvailability();
if (!gdalCheck.run) console.warn(gdalCheck.reason);

/** A name as an upload could carry it: markup and an ampersand must come out as text. */
const NASTY = 'Trạm <b>Mỹ</b> & "Long" ]]></description>';

/** KML and GeoPackage downloads of /api/areas and /api/stations, read back by GDAL and by SQLite. */
describe(`KML and GeoPackage files (${dbKind()})`, () => {
  let database: Database;
  let server: App;
  let token: string;
  let areas: any;
  let stationCount: number;
  const dir = mkdtempSync(join(tmpdir(), 'ogc-files-'));
  const download = async (path: string, name: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = new Uint8Array(await res.arrayBuffer());
    writeFileSync(join(dir, name), body);
    return { res, body, file: join(dir, name), text: new TextDecoder().decode(body) };
  };

  beforeAll(async () => {
    server = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    database = server.database;
    const operator = await database.db.selectFrom('operators').select('id').where('code', '=', 'VNPT').executeTakeFirstOrThrow();
    await upsertStations(database.db, [{ operatorId: operator.id, code: 'XSS-1', technology: '5G', name: NASTY, lon: 105.1, lat: 10.5, status: 'on_air', commissionedOn: '2024-01-01', decommissionedOn: null }]);
    token = await server.token('planner', { username: 'files-planner' });
    areas = await (await fetch(`${server.url}/api/areas`)).json();
    stationCount = (await (await fetch(`${server.url}/api/stations?format=csv`, { headers: { authorization: `Bearer ${token}` } })).text()).trim().split('\r\n').length - 1;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the areas as KML coloured as on the map, figures in the description, names in Vietnamese', async () => {
    const { res, text } = await download('/api/areas?format=kml', 'areas.kml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.google-earth\.kml\+xml/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="areas_An-Giang.*\.kml"/);
    const bp = areas.target.bp;
    for (const f of areas.features) {
      const placemark = new RegExp(`<Placemark id="area-${f.id}"><name>([^<]*)</name><description>([^<]*)</description><styleUrl>#(\\w+)</styleUrl>`).exec(text);
      expect(placemark, f.id).not.toBeNull();
      expect(placemark![1]).toBe(f.properties.name);
      expect(placemark![3]).toBe(progressBand(f.properties.n4g, f.properties.n5g, bp));
      expect(placemark![2]).toContain(`&lt;th align=&quot;left&quot;&gt;Còn thiếu&lt;/th&gt;&lt;td&gt;${f.properties.needed}&lt;/td&gt;`);
    }
    const hex = bandColour('band4');
    expect(text).toContain(`<Style id="band4"><LineStyle><color>ffffffff</color><width>1.2</width></LineStyle><PolyStyle><color>c7${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}</color>`);
    const english = await download('/api/areas?format=kml&lang=en', 'areas-en.kml');
    expect(english.text).toContain('&lt;th align=&quot;left&quot;&gt;Needed&lt;/th&gt;');
  });

  it('writes stations as KML with uploaded text escaped', async () => {
    const { res, text } = await download('/api/stations?format=kml', 'stations.kml');
    expect(res.status).toBe(200);
    expect(text.match(/<Placemark>/g)).toHaveLength(stationCount);
    expect(text).not.toContain('<b>Mỹ</b>');
    expect(text).toContain('Trạm &lt;b&gt;Mỹ&lt;/b&gt; &amp; &quot;Long&quot; ]]&gt;&lt;/description&gt;');
    expect((await fetch(`${server.url}/api/stations?format=kml`)).status).toBe(401);
  });

  it('writes GeoPackages with the three metadata tables, CRS 4326 and the extent', async () => {
    const SQL = await initSqlJs();
    for (const [path, table, count] of [['/api/areas?format=gpkg', 'areas', 11], ['/api/stations?format=gpkg', 'stations', stationCount]] as const) {
      const { res, body } = await download(path, `${table}.gpkg`);
      expect(res.headers.get('content-type')).toBe('application/geopackage+sqlite3');
      const db = new SQL.Database(body);
      const one = (q: string) => db.exec(q)[0]!.values[0]!;
      expect(one('PRAGMA application_id')[0]).toBe(0x47504b47);
      expect(one('SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = 4326')).toEqual(['EPSG', 4326]);
      const [dataType, srs, minx, miny, maxx, maxy] = one(`SELECT data_type, srs_id, min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = '${table}'`);
      expect([dataType, srs]).toEqual(['features', 4326]);
      expect(Number(minx)).toBeGreaterThan(104); expect(Number(maxx)).toBeLessThan(106);
      expect(Number(miny)).toBeGreaterThan(9.5); expect(Number(maxy)).toBeLessThan(11.5);
      expect(one(`SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name = '${table}'`))
        .toEqual(['geom', table === 'areas' ? 'MULTIPOLYGON' : 'POINT', 4326]);
      expect(one(`SELECT count(*) FROM "${table}"`)[0]).toBe(count);
      db.close();
    }
  });

  describe.skipIf(!gdalCheck.run)('read by GDAL', () => {
    it('opens the KML files with every feature, diacritics intact', async () => {
      const kmlAreas = await gdal(OGRINFO, ['-ro', '-al', '-so', join(dir, 'areas.kml')]);
      expect(kmlAreas.stdout).toMatch(/Feature Count: 11/);
      const names = (await gdal(OGRINFO, ['-ro', '-al', join(dir, 'areas.kml')])).stdout;
      for (const f of areas.features) expect(names).toContain(f.properties.name);
      const kmlStations = await gdal(OGRINFO, ['-ro', '-al', '-so', join(dir, 'stations.kml')]);
      expect(kmlStations.stdout).toMatch(new RegExp(`Feature Count: ${stationCount}\\b`));
      expect((await gdal(OGRINFO, ['-ro', '-al', join(dir, 'stations.kml')])).stdout).toContain(NASTY);
    });

    it('opens the GeoPackages with every feature, the figures, EPSG:4326 and diacritics intact', async () => {
      const info = (await gdal(OGRINFO, ['-ro', '-so', join(dir, 'areas.gpkg'), 'areas'])).stdout;
      expect(info).toMatch(/Geometry: Multi Polygon/);
      expect(info).toMatch(/Feature Count: 11/);
      expect(info).toMatch(/ID\["EPSG",4326\]|AUTHORITY\["EPSG","4326"\]/);
      const stats = await (await fetch(`${server.url}/api/stats`)).json() as { rows: any[] };
      const read = await readLayer(join(dir, 'areas.gpkg'), 'areas');
      for (const row of stats.rows) {
        const f = read.find((a) => a.properties.code === row.code)!;
        expect(f.geometry?.type).toBe('MultiPolygon');
        expect(f.properties).toMatchObject({ name: row.name, n4g: row.n4g, n5g: row.n5g, required: row.required, needed: row.needed, status: row.status });
      }
      expect(await featureCount(join(dir, 'stations.gpkg'), 'stations')).toBe(stationCount);
      const station = (await readLayer(join(dir, 'stations.gpkg'), 'stations')).find((s) => s.properties.station_code === 'XSS-1')!;
      expect(station.properties.name).toBe(NASTY);
      expect(station.geometry).toEqual({ type: 'Point', coordinates: [105.1, 10.5] });
    });
  });
});
