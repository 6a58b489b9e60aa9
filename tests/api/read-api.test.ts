import { booleanClockwise } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { areaDetailResponse, areasResponse } from '../../server/areas/areas.schemas.js';
import { boundarySetsResponse } from '../../server/boundary-sets/boundary-sets.schemas.js';
import { healthResponse } from '../../server/health/health.routes.js';
import { statsResponse } from '../../server/stats/stats.schemas.js';
import { stationsResponse } from '../../server/stations/stations.schemas.js';
import { upsertStations } from '../../server/stations/stations.repository.js';
import { type App, getJson, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

// Contract tests: every answer is checked against the zod schema the route is documented with.
describe(`read API on the demo data (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  const api = (path: string) => getJson(`${app.url}/api${path}`);

  beforeAll(async () => {
    app = await startApp({ demo: true });
    database = app.database;
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await app?.close();
  });

  it('reports health with the database kind and PostGIS version', async () => {
    const { status, body } = await api('/health');
    expect(status).toBe(200);
    expect(healthResponse.parse(body)).toMatchObject({ status: 'ok', database: dbKind() });
    expect(body.postgis).toMatch(/^3\./);
  });

  it('lists the demo boundary set, flagged as demo and default', async () => {
    const { body } = await api('/boundary-sets');
    const { sets } = boundarySetsResponse.parse(body);
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ isDemo: true, isDefault: true, areaCount: 11, level: 'district' });
  });

  it('serves areas as RFC 7946: lon/lat, CCW exterior rings, at most 6 decimals, figures inside', async () => {
    const { status, body } = await api('/areas');
    expect(status).toBe(200);
    const fc = areasResponse.parse(body);
    expect(fc.features).toHaveLength(11);
    expect(fc.demo).toBe(true);
    expect(fc.notice).toMatch(/approximate.*synthetic.*boundaries import/s);
    for (const f of fc.features) {
      for (const polygon of f.geometry.coordinates) {
        expect(booleanClockwise(polygon[0]!)).toBe(false);
        for (const hole of polygon.slice(1)) expect(booleanClockwise(hole)).toBe(true);
        for (const [lon, lat] of polygon.flat() as [number, number][]) {
          expect(lon).toBeGreaterThan(104); expect(lon).toBeLessThan(106.5); // An Giang: lon ≈ 105, lat ≈ 10.5
          expect(lat).toBeGreaterThan(9.5); expect(lat).toBeLessThan(11.5);
          expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
          expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
        }
      }
      expect(f.id).toBe(f.properties.code);
    }
    const names = fc.features.map((f) => f.properties.name);
    expect(names).toContain('Long Xuyên');
    expect(names.every((n) => n === n.normalize('NFC'))).toBe(true);
  });

  it('keeps set-wide totals and the sum of area gaps apart, unassigned included in totals', async () => {
    const s = statsResponse.parse((await api('/stats?asOf=2026-11-26&target=50%25')).body);
    const sum = (k: 'n4g' | 'n5g' | 'needed') => s.rows.reduce((a, r) => a + r[k], 0);
    expect(s.totals.n4g).toBe(sum('n4g') + s.unassigned.n4g);
    expect(s.totals.n5g).toBe(sum('n5g') + s.unassigned.n5g);
    expect(s.unassigned.n4g).toBeGreaterThan(0); // the demo puts a few stations over the border
    expect(s.totals.neededAllAreas).toBe(sum('needed'));
    expect(s.totals.required).toBe(Math.ceil(s.totals.n4g / 2));
    expect(s.totals.neededAllAreas).toBeGreaterThanOrEqual(s.totals.needed);
    expect(s.rows.some((r) => r.status === 'met') && s.rows.some((r) => r.status === 'behind')).toBe(true);
    expect(s.target).toMatchObject({ bp: 5000, label: '50%', name: null });
  });

  it('uses the stored target and its milestones when no target is given', async () => {
    const s = statsResponse.parse((await api('/stats')).body);
    expect(s.target.bp).toBe(5000);
    expect(s.target.name).toMatch(/50%/);
    expect(s.target.milestones.map((m) => m.bp)).toEqual([1030, 1490, 2490, 4370, 5750]);
  });

  it('recounts the past: fewer 5G on air at the start of 2024 than today', async () => {
    const then = statsResponse.parse((await api('/stats?asOf=2024-01-01')).body);
    const now = statsResponse.parse((await api('/stats?asOf=2026-11-26')).body);
    expect(then.totals.n5g).toBeLessThan(now.totals.n5g);
    const baseline = statsResponse.parse((await api('/stats?asOf=2026-11-26&baseline=2024-01-01')).body);
    expect(baseline.totals.n4g).toBe(then.totals.n4g); // 4G frozen at the baseline
    expect(baseline.totals.n5g).toBe(now.totals.n5g);
  });

  it('splits one area by operator, the parts adding up to the area', async () => {
    const { status, body } = await api('/areas/883?asOf=2026-11-26');
    expect(status).toBe(200);
    const d = areaDetailResponse.parse(body);
    expect(d.operators.map((o) => o.operator)).toEqual(['VIETTEL', 'VNPT', 'MOBIFONE', 'VIETNAMOBILE']);
    expect(d.operators.reduce((a, o) => a + o.n4g, 0)).toBe(d.figures.n4g);
    expect(d.operators.reduce((a, o) => a + o.n5g, 0)).toBe(d.figures.n5g);
    const viettel = statsResponse.parse((await api('/stats?asOf=2026-11-26&operator=viettel')).body);
    expect(viettel.rows.find((r) => r.code === '883')).toMatchObject({ n4g: d.operators[0]!.n4g, n5g: d.operators[0]!.n5g });
  });

  it('answers 404 for an unknown area or set, with the error shape', async () => {
    for (const path of ['/areas/999999', '/stats?set=nope', '/areas?set=424242', '/nothing-here']) {
      const { status, body } = await api(path);
      expect(status, path).toBe(404);
      expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });

  it('pages through every station with the cursor, no station twice, matching the CSV export', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body } = await api(`/stations?limit=700${cursor ? `&cursor=${cursor}` : ''}`);
      const page = stationsResponse.parse(body);
      for (const f of page.features) {
        expect(seen.has(f.id)).toBe(false);
        seen.add(f.id);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen.size).toBeGreaterThan(2000);
    const csv = await (await fetch(`${app.url}/api/stations?format=csv`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(seen.size + 1);
  });

  it('filters by area, operator, technology, status, date and bbox together', async () => {
    const q = '/stations?area=883,884&operator=VNPT&technology=nr&status=on_air&asOf=2026-01-01&limit=10000';
    const page = stationsResponse.parse((await api(q)).body);
    expect(page.features.length).toBeGreaterThan(0);
    for (const f of page.features) {
      const p = f.properties;
      expect(['883', '884']).toContain(p.areaCode);
      expect(p).toMatchObject({ operator: 'VNPT', technology: '5G', status: 'on_air' });
      expect(p.commissionedOn === null || p.commissionedOn <= '2026-01-01').toBe(true);
    }
    const bbox = [105.3, 10.3, 105.5, 10.45];
    const inBox = stationsResponse.parse((await api(`/stations?bbox=${bbox.join(',')}&limit=10000`)).body);
    expect(inBox.features.length).toBeGreaterThan(0);
    for (const f of inBox.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon >= bbox[0]! && lon <= bbox[2]! && lat >= bbox[1]! && lat <= bbox[3]!).toBe(true);
    }
    const colocated = page.features.filter((f) => f.properties.colocated).length;
    expect(colocated / page.features.length).toBeGreaterThan(0.5); // most demo 5G sit on 4G sites
  });

  it('exports CSV with a telling file name and spreadsheet formulas neutralised', async () => {
    await upsertStations(database.db, [{ operatorId: 1, code: '=HYPERLINK("http://x")', technology: '4G', name: '+cmd|calc', lon: 105.44, lat: 10.39, status: 'on_air', commissionedOn: '2020-01-01', decommissionedOn: null }]);
    const res = await fetch(`${app.url}/api/stations?format=csv&operator=VIETTEL&technology=4G&area=883`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/filename="stations_An-Giang-districts-2019-demo-approximate-_883_VIETTEL_4G\.csv"/);
    const text = await res.text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(`'+cmd|calc`);
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });

  it('sums several operators: each area is the sum of their own counts, every gap computed anew', async () => {
    const both = statsResponse.parse((await api('/stats?asOf=2026-11-26&operator=VIETTEL,vnpt')).body);
    const v = statsResponse.parse((await api('/stats?asOf=2026-11-26&operator=VIETTEL')).body);
    const n = statsResponse.parse((await api('/stats?asOf=2026-11-26&operator=VNPT')).body);
    expect(both.operator).toBe('VIETTEL,VNPT');
    both.rows.forEach((r, i) => {
      expect([r.n4g, r.n5g]).toEqual([v.rows[i]!.n4g + n.rows[i]!.n4g, v.rows[i]!.n5g + n.rows[i]!.n5g]);
      expect(r.required).toBe(Math.ceil(r.n4g / 2));
    });
    expect(both.totals.n4g).toBe(v.totals.n4g + n.totals.n4g);
    expect(both.unassigned.n5g).toBe(v.unassigned.n5g + n.unassigned.n5g);
    expect((await api('/stats?operator=VIETTEL,ACME')).status).toBe(400);
  });

  it('exports the area table as CSV: the same figures as the JSON, then the chosen areas\' total', async () => {
    const json = statsResponse.parse((await api('/stats?asOf=2026-11-26&target=50%25&area=883,886')).body);
    expect(json.rows.map((r) => r.code)).toEqual(['883', '886']);
    const res = await fetch(`${app.url}/api/stats?asOf=2026-11-26&target=50%25&area=883,886&format=csv`);
    expect(res.headers.get('content-disposition')).toMatch(/filename="area-gap_.*_883-886_asof-2026-11-26_target-50pct\.csv"/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('area_code,area_name,n4g,n5g,ratio,required,needed,status,area_km2,population,needed_all_areas');
    expect(lines).toHaveLength(1 + 2 + 1);
    const [code, name, n4g, n5g, , required, needed, status] = lines[1]!.split(',');
    const row = json.rows[0]!;
    expect([code, name, Number(n4g), Number(n5g), Number(required), Number(needed), status]).toEqual([row.code, row.name, row.n4g, row.n5g, row.required, row.needed, row.status]);
    const [n4gSum, n5gSum] = [json.rows.reduce((a, r) => a + r.n4g, 0), json.rows.reduce((a, r) => a + r.n5g, 0)];
    const total = lines[3]!.split(',');
    expect([total[1], Number(total[2]), Number(total[3]), Number(total[5]), Number(total[10])])
      .toEqual(['(total of the selected areas)', n4gSum, n5gSum, Math.ceil(n4gSum / 2), json.rows[0]!.needed + json.rows[1]!.needed]);
  });

  it('documents every route it serves in the OpenAPI document, with the parameters the routes accept', async () => {
    const { body } = await api('/openapi.json');
    expect(body.openapi).toMatch(/^3\./);
    for (const p of ['/api/health', '/api/boundary-sets', '/api/areas', '/api/areas/{code}', '/api/stats', '/api/stations']) expect(body.paths[p]).toBeDefined();
    const names = (p: string) => body.paths[p].get.parameters.map((x: { name: string }) => x.name).sort();
    expect(names('/api/stats')).toEqual(['area', 'asOf', 'baseline', 'format', 'lang', 'operator', 'set', 'target', 'technology']);
    expect(names('/api/stations')).toEqual(['area', 'asOf', 'bbox', 'cursor', 'format', 'lang', 'limit', 'operator', 'set', 'status', 'technology']);
    expect(names('/api/areas')).toEqual(['asOf', 'baseline', 'format', 'lang', 'operator', 'set', 'target']);
    // And the routes really refuse a parameter the document does not list.
    expect((await api('/stats?colour=red')).status).toBe(400);
  });
});
