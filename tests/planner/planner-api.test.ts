import * as turf from '@turf/turf';
import ExcelJS from '../../server/xlsx/exceljs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import {
  coverageResponse, recommendationsResponse, scenarioResponse, scenarioSchema, scenariosResponse, timelineResponse, whatIfResponse,
} from '../../server/planner/planner.schemas.js';
import { statsResponse } from '../../server/stats/stats.schemas.js';
import { generateDemoData } from '../../seeds/demo-data.js';
import { type App, getJson, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

const AS_OF = '2026-11-26';
const demo = generateDemoData();
const ceilDiv = (a: number, b: number) => Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b));

describe(`planner API on the demo data (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  const api = (path: string) => getJson(`${app.url}/api${path}`);
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${app.url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    app = await startApp({ demo: true });
    database = app.database;
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await app?.close();
  });

  it('recommends exactly `needed` upgrades per area behind the target, never a co-located site', async () => {
    const { status, body } = await api(`/planner/recommendations?asOf=${AS_OF}`);
    expect(status).toBe(200);
    const rec = recommendationsResponse.parse(body);
    const stats = statsResponse.parse((await api(`/stats?asOf=${AS_OF}`)).body);
    const behind = stats.rows.filter((r) => r.needed > 0);
    expect(rec.areas.map((a) => [a.code, a.needed])).toEqual(behind.map((r) => [r.code, r.needed]));
    for (const a of rec.areas) {
      const picks = rec.picks.filter((p) => p.area === a.code);
      expect(picks.length).toBe(Math.min(a.needed, a.candidates));
      expect(a.newSitesToBuild).toBe(a.needed - picks.length);
      expect(picks.map((p) => p.rank)).toEqual(picks.map((_, i) => i + 1));
    }
    // Independent check of co-location against the generated stations (turf's haversine).
    const blocking = demo.stations.filter((s) => s.technology === '5G' && !(s.decommissionedOn !== null && s.decommissionedOn <= AS_OF) && s.status !== 'decommissioned');
    for (const p of rec.picks) {
      const near = blocking.some((f) => f.operator === p.operator && turf.distance([f.lon, f.lat], [p.lon, p.lat], { units: 'meters' }) <= 50);
      expect(near, `${p.operator} ${p.code}`).toBe(false);
    }
    expect(new Set(rec.picks.map((p) => `${p.operator}:${p.code}`)).size).toBe(rec.picks.length);
    expect(rec.totals.picks).toBe(rec.picks.length);
    expect(rec.picks[0]!.reason.vi).toMatch(/^Phủ thêm .* km² chưa có sóng 5G/);
    expect(rec.radiiKm['5G']).toEqual({ urban: 0.45, suburban: 1.2, rural: 2.2 });
  });

  it('ranks per operator with only that operator\'s stations, and the same list twice', async () => {
    const a = recommendationsResponse.parse((await api(`/planner/recommendations?asOf=${AS_OF}&operator=vnpt&area=886`)).body);
    expect(a.picks.length).toBeGreaterThan(0);
    expect(a.picks.every((p) => p.operator === 'VNPT' && p.area === '886')).toBe(true);
    const stats = statsResponse.parse((await api(`/stats?asOf=${AS_OF}&operator=VNPT`)).body);
    expect(a.areas[0]!.needed).toBe(stats.rows.find((r) => r.code === '886')!.needed);
    const b = (await api(`/planner/recommendations?asOf=${AS_OF}&operator=VNPT&area=886`)).body;
    expect(b.picks).toEqual(a.picks);
  });

  it('exports the work list as CSV and XLSX with the same rows', async () => {
    const rec = recommendationsResponse.parse((await api(`/planner/recommendations?asOf=${AS_OF}&area=891`)).body);
    const csv = await fetch(`${app.url}/api/planner/recommendations?asOf=${AS_OF}&area=891&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="5g-upgrades_.*\.csv"/);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^area,area_name,rank,operator,station_code/);
    expect(lines.length).toBe(rec.picks.length + 1);
    expect(lines[1]).toContain(`891,Tri Tôn,1,${rec.picks[0]!.operator},${rec.picks[0]!.code}`);

    const xlsx = await fetch(`${app.url}/api/planner/recommendations?asOf=${AS_OF}&area=891&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer() as never);
    const sheet = book.getWorksheet('Work list')!;
    expect(sheet.rowCount).toBe(rec.picks.length + 1);
    expect(sheet.getRow(2).getCell(5).value).toBe(rec.picks[0]!.code);
    expect(book.getWorksheet('Assumptions')!.getRow(3).getCell(2).value).toBe(AS_OF);
  });

  it('models coverage per area with shares between 0 and 1 and GeoJSON', async () => {
    const { status, body } = await api(`/planner/coverage?asOf=${AS_OF}`);
    expect(status).toBe(200);
    const cov = coverageResponse.parse(body);
    expect(cov.modelled).toBe(true);
    expect(cov.areas.length).toBe(demo.areas.length);
    for (const a of cov.areas) {
      expect(a.coveredKm2).toBeLessThanOrEqual(a.areaKm2 + 1e-9);
      expect(a.share).toBeCloseTo(a.coveredKm2 / a.areaKm2, 3);
    }
    expect(cov.coverage.features.length).toBe(cov.areas.filter((a) => a.stations > 0).length);
    const fourG = coverageResponse.parse((await api(`/planner/coverage?asOf=${AS_OF}&technology=LTE&geometry=false`)).body);
    expect(fourG.technology).toBe('4G');
    expect(fourG.coverage.features).toEqual([]);
    // 4G discs are wider and 4G sites outnumber 5G: more ground covered everywhere in the demo.
    expect(fourG.totals.share).toBeGreaterThan(cov.totals.share);
  });

  it('gives the timeline, the 90-day run rate and the projected date from the same counts as /stats', async () => {
    const tl = timelineResponse.parse((await api(`/planner/timeline?asOf=${AS_OF}`)).body);
    expect(tl.series.at(-1)!.date).toBe(AS_OF);
    const now = statsResponse.parse((await api(`/stats?asOf=${AS_OF}`)).body);
    const then = statsResponse.parse((await api(`/stats?asOf=2026-08-28`)).body);
    expect(tl.pace).toMatchObject({ n4g: now.totals.n4g, n5g: now.totals.n5g, needed: now.totals.needed, added5g: now.totals.n5g - then.totals.n5g });
    const days = ceilDiv(tl.pace.needed * 90, tl.pace.added5g);
    expect(tl.pace.projectedOn).toBe(new Date(Date.parse(`${AS_OF}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10));
    expect(tl.pace.status).toBe('behind'); // the due date (2025-12-31) has passed unmet
    const may = tl.series.find((p) => p.date === '2025-05-31')!;
    expect(may.milestoneBp).toBe(1030);
    const mayStats = statsResponse.parse((await api(`/stats?asOf=2025-05-31`)).body);
    expect([may.n4g, may.n5g]).toEqual([mayStats.totals.n4g, mayStats.totals.n5g]);
    const met = tl.areas.filter((a) => a.needed === 0);
    expect(met.length).toBeGreaterThan(0);
    expect(met.every((a) => a.status === 'on_track')).toBe(true);
    const one = timelineResponse.parse((await api(`/planner/timeline?asOf=${AS_OF}&area=883&operator=VIETTEL`)).body);
    expect(one.area?.code).toBe('883');
    expect(one.operators.map((o) => o.operator)).toEqual(['VIETTEL']);
  });

  it('answers a what-if without saving, and saves and reopens it as a scenario', async () => {
    const params = { asOf: AS_OF, target: '60%', upgrades: [{ operator: 'VNPT', topN: 2 }] };
    const { status, body } = await post('/planner/what-if', params);
    expect(status).toBe(200);
    const w = whatIfResponse.parse(body);
    expect(w.totals.before.required).toBe(ceilDiv(w.totals.before.n4g * 6, 10));
    const added = w.areas.reduce((a, r) => a + r.added, 0);
    expect(added).toBe(w.upgrades[0]!.applied);
    expect(w.areas.every((r) => r.added <= 2 && r.after.n5g === r.before.n5g + r.added)).toBe(true);
    expect(w.totals.after.n5g).toBe(w.totals.before.n5g + added);
    expect((await api('/planner/scenarios')).body.scenarios).toEqual([]);

    const saved = await post('/planner/scenarios', { name: 'VNPT nâng cấp 2 trạm', parameters: params });
    expect(saved.status).toBe(201);
    const sc = scenarioSchema.parse(saved.body);
    const list = scenariosResponse.parse((await api('/planner/scenarios')).body);
    expect(list.scenarios.map((s) => s.name)).toEqual(['VNPT nâng cấp 2 trạm']);
    const reopened = scenarioResponse.parse((await api(`/planner/scenarios/${sc.id}`)).body);
    expect(reopened.scenario.parameters).toEqual(params);
    expect(reopened.result).toEqual(w);
  });

  it('a what-if for several operators and a selection: the same figures as /api/stats, the upgrades on top', async () => {
    const scope = { asOf: AS_OF, target: '40%', operator: 'VIETTEL,VNPT' };
    const stats = statsResponse.parse((await api(`/stats?asOf=${AS_OF}&target=40%25&operator=VIETTEL,VNPT&area=883,884`)).body);
    const none = whatIfResponse.parse((await post('/planner/what-if', { ...scope, area: ['883', '884'] })).body);
    expect(none.operator).toBe('VIETTEL,VNPT');
    expect(none.selection).toEqual({ areas: stats.selection!.areas, before: stats.selection!.totals, after: stats.selection!.totals });
    expect(none.totals.after).toEqual(stats.totals);
    expect(none.unassigned).toEqual(stats.unassigned);

    const w = whatIfResponse.parse((await post('/planner/what-if', { ...scope, area: '883,884', upgrades: [{ operator: 'VNPT', topN: 2 }, { operator: 'MOBIFONE', topN: 2 }] })).body);
    const added = (codes: string[]) => w.areas.filter((a) => codes.includes(a.code)).reduce((n, a) => n + a.added, 0);
    expect(added(['883', '884'])).toBeGreaterThan(0);
    // MOBIFONE is not counted in this view: its upgrades change no figure.
    expect(w.areas.reduce((n, a) => n + a.added, 0)).toBe(w.upgrades[0]!.applied);
    expect(w.selection!.after.n5g).toBe(w.selection!.before.n5g + added(['883', '884']));
    expect(w.selection!.after.n4g).toBe(w.selection!.before.n4g);
    for (const a of w.areas) {
      expect(a.operators.reduce((n, o) => n + o.n5g, 0)).toBe(a.after.n5g);
      expect(a.operators.find((o) => o.operator === 'MOBIFONE')).toMatchObject({ n4g: 0, n5g: 0 });
    }
    // A saved scenario reopened for a selection answers the same.
    const sc = scenarioSchema.parse((await post('/planner/scenarios', { name: 'Chọn 2 huyện', parameters: { ...scope, upgrades: [{ operator: 'VNPT', topN: 2 }, { operator: 'MOBIFONE', topN: 2 }] } })).body);
    const reopened = scenarioResponse.parse((await api(`/planner/scenarios/${sc.id}?area=883,884`)).body);
    expect(reopened.result).toEqual(w);
    expect((await api(`/planner/scenarios/${sc.id}?areas=883`)).status).toBe(400);
    expect((await post('/planner/what-if', { ...scope, coverage: true })).status).toBe(400);
  });

  it('says 400 for bad input and 404 for unknown things', async () => {
    const bad = [
      '/planner/recommendations?target=abc', '/planner/recommendations?asOf=2025-02-30', '/planner/recommendations?format=pdf',
      '/planner/recommendations?operator=NOPE', '/planner/recommendations?colour=red', '/planner/coverage?technology=3G',
      '/planner/coverage?geometry=maybe', '/planner/timeline?baseline=yesterday', '/planner/scenarios/abc', '/planner/scenarios/0',
    ];
    for (const path of bad) {
      const { status, body } = await api(path);
      expect(status, path).toBe(400);
      expect(body.error.code, path).toMatch(/invalid_parameter|bad_request/);
    }
    for (const path of ['/planner/recommendations?area=999', '/planner/coverage?area=999', '/planner/timeline?set=nope', '/planner/scenarios/987654']) {
      expect((await api(path)).status, path).toBe(404);
    }
    const badBodies = [
      { upgrades: [{ operator: 'VNPT', topN: 0 }] }, { target: 'half' }, { target: -1 }, { upgrades: [{ operator: 'NOPE', topN: 1 }] }, { surprise: true },
    ];
    for (const b of badBodies) expect((await post('/planner/what-if', b)).status, JSON.stringify(b)).toBe(400);
    expect((await post('/planner/scenarios', { name: '', parameters: {} })).status).toBe(400);
    expect((await post('/planner/scenarios', { name: 'x', parameters: { target: 'half' } })).status).toBe(400);
    const raw = await fetch(`${app.url}/api/planner/what-if`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"target":' });
    expect(raw.status).toBe(400);
  });
});
