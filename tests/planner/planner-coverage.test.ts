import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundarySet } from '../../server/boundary-sets/boundary-import.service.js';
import type { Database } from '../../server/db/database.js';
import { listOperators } from '../../server/operators/operators.repository.js';
import { coverageResponse, whatIfResponse } from '../../server/planner/planner.schemas.js';
import { upsertStations } from '../../server/stations/stations.repository.js';
import { type App, getJson, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

/*
 * One 20 × 20 km square, 500 people per km² (suburban: 5G 1.2 km, 4G 2 km), one 5G at the
 * centre and a 4G 5 km east: the coverage is a hand-checkable disc, drawn as an equal-area
 * polygon (its area is πr²).
 */
const LON = 105.3, LAT = 10.4;
const KM_LON = 1 / (111.32 * Math.cos((LAT * Math.PI) / 180)), KM_LAT = 1 / 110.574;
const disc = (rKm: number) => Math.PI * rKm * rKm;

describe(`modelled coverage on a hand-checkable square (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  const api = (path: string) => getJson(`${app.url}/api${path}`);

  beforeAll(async () => {
    app = await startApp({ demo: false });
    database = app.database;
    const [w, s, e, n] = [LON - 10 * KM_LON, LAT - 10 * KM_LAT, LON + 10 * KM_LON, LAT + 10 * KM_LAT];
    await importBoundarySet(database.db, { name: 'square' }, {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'SQ', name: 'Ô vuông', population: 200_000 }, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } }],
    }, { codeField: 'code', nameField: 'name', populationField: 'population' });
    const vnpt = (await listOperators(database.db)).find((o) => o.code === 'VNPT')!.id;
    const base = { operatorId: vnpt, name: null, status: 'on_air' as const, commissionedOn: '2025-01-01', decommissionedOn: null };
    await upsertStations(database.db, [
      { ...base, code: 'C5', technology: '5G', lon: LON, lat: LAT },
      { ...base, code: 'C4', technology: '4G', lon: LON, lat: LAT },
      { ...base, code: 'E4', technology: '4G', lon: LON + 5 * KM_LON, lat: LAT },
    ]);
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await app?.close();
  });

  it('covers one 5G disc of the suburban radius, and two overlapping 4G discs', async () => {
    const five = coverageResponse.parse((await api('/planner/coverage?set=square&asOf=2026-01-01')).body);
    const a = five.areas[0]!;
    expect([a.environment, a.environmentSource, a.radiusKm, a.stations]).toEqual(['suburban', 'density', 1.2, 1]);
    expect(a.coveredKm2 / disc(1.2)).toBeCloseTo(1, 2);
    expect(Math.abs(a.coveredPopulation! - (200_000 * a.coveredKm2) / a.areaKm2)).toBeLessThan(1);
    expect(five.coverage.features[0]!.geometry.type).toBe('Polygon');

    const four = coverageResponse.parse((await api('/planner/coverage?set=square&asOf=2026-01-01&technology=4G')).body);
    // Two 2 km discs 5 km apart do not overlap.
    expect(four.areas[0]!.coveredKm2 / (2 * disc(2))).toBeCloseTo(1, 2);
  });

  it('counts no station before it is on air', async () => {
    const before = coverageResponse.parse((await api('/planner/coverage?set=square&asOf=2024-12-31')).body);
    expect([before.areas[0]!.stations, before.areas[0]!.coveredKm2]).toEqual([0, 0]);
    expect(before.coverage.features).toEqual([]);
  });

  it('a what-if upgrade of the eastern 4G adds its 5G disc', async () => {
    const res = await fetch(`${app.url}/api/planner/what-if`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ set: 'square', asOf: '2026-01-01', upgrades: [{ operator: 'VNPT', topN: 5 }], coverage: true }),
    });
    const w = whatIfResponse.parse(await res.json());
    expect(w.picks.map((p) => p.code)).toEqual(['E4']); // C4 is co-located with C5
    expect(w.coverage5g!.after.coveredKm2 / (2 * disc(1.2))).toBeCloseTo(1, 2);
  });

  it('uses the stored environment class over the density', async () => {
    await sql`update areas set environment = 'urban' where code = 'SQ'`.execute(database.db);
    const urban = coverageResponse.parse((await api('/planner/coverage?set=square&asOf=2026-01-01')).body);
    expect([urban.areas[0]!.environment, urban.areas[0]!.environmentSource, urban.areas[0]!.radiusKm]).toEqual(['urban', 'stored', 0.45]);
    expect(urban.areas[0]!.coveredKm2 / disc(0.45)).toBeCloseTo(1, 2);
  });
});
