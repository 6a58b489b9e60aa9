import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { area as turfArea } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { importBoundarySet } from '../../server/boundary-sets/boundary-import.service.js';
import { areasResponse } from '../../server/areas/areas.schemas.js';
import { statsResponse } from '../../server/stats/stats.schemas.js';
import { type App, getJson, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

const FILE = fileURLToPath(new URL('../../../shared/data/an-giang/districts-2019.geojson', import.meta.url));
const present = existsSync(FILE);
if (!present) console.warn(`[skip] official An Giang districts not found at ${FILE}: the import test on real boundaries is skipped (a fresh clone has no ../shared)`);

describe.skipIf(!present)(`import of the official An Giang districts (${dbKind()})`, () => {
  let app: App;
  let database: Database;
  const source = present ? JSON.parse(readFileSync(FILE, 'utf8')) : null;

  beforeAll(async () => {
    app = await startApp({ demo: true }); // stations exist before the new set: they must be re-assigned
    database = app.database;
  });
  afterAll(async () => { await app?.close(); });

  it('imports 11 areas with names, diacritics and properties intact, and places every station', async () => {
    const report = await database.db.transaction().execute((trx) =>
      importBoundarySet(trx, { name: 'An Giang districts 2019', level: 'district', source: 'gis.chinhphu.vn via dvhcvn', licence: 'GPL-3.0' }, source, {
        codeField: 'gso_code', nameField: 'name', parentField: 'province_code',
      }),
    );
    expect(report.areas).toBe(11);
    expect(report.repaired).toEqual([]); // the file's polygons are valid (shared/data/README.md)

    const fc = areasResponse.parse((await getJson(`${app.url}/api/areas?set=${encodeURIComponent('An Giang districts 2019')}`)).body);
    expect(fc.features.map((f) => f.properties.code)).toEqual(['883', '884', '886', '887', '888', '889', '890', '891', '892', '893', '894']);
    const expectedNames = new Map(source.features.map((f: any) => [String(f.properties.gso_code), f.properties.name.normalize('NFC')]));
    for (const f of fc.features) expect(f.properties.name).toBe(expectedNames.get(f.properties.code));
    expect(fc.features.map((f) => f.properties.name)).toContain('Tịnh Biên');
    const km2 = fc.features.reduce((a, f) => a + f.properties.areaKm2, 0);
    expect(km2).toBeGreaterThan(3540); // README: the 11 sum to 3,556.6 km²
    expect(km2).toBeLessThan(3575);
    // PostGIS's ellipsoidal area and turf's spherical one agree to well under 1 %.
    for (const f of fc.features) expect(Math.abs(turfArea(f) / 1e6 - f.properties.areaKm2) / f.properties.areaKm2).toBeLessThan(0.01);

    const detail = (await getJson(`${app.url}/api/areas/890?set=${encodeURIComponent('An Giang districts 2019')}`)).body;
    expect(detail.area.properties.attributes).toMatchObject({ gso_code: expect.anything(), unit_type: expect.any(String), full_name: expect.any(String) });

    // Every demo station is placed in the new set: assigned + unassigned = all counted.
    const real = statsResponse.parse((await getJson(`${app.url}/api/stats?set=${encodeURIComponent('An Giang districts 2019')}&asOf=2026-11-26`)).body);
    const demo = statsResponse.parse((await getJson(`${app.url}/api/stats?set=${encodeURIComponent('An Giang districts 2019 (demo, approximate)')}&asOf=2026-11-26`)).body);
    expect(real.totals.n4g).toBe(demo.totals.n4g);
    expect(real.totals.n5g).toBe(demo.totals.n5g);
    expect(real.rows.reduce((a, r) => a + r.n4g, 0)).toBeGreaterThan(real.totals.n4g * 0.9);
    // The newest official set becomes the default over the demo.
    // Its parent level: the province, the union of its districts (no parents file given).
    expect((await getJson(`${app.url}/api/boundary-sets`)).body.sets[0]).toMatchObject({ name: 'An Giang districts 2019', isDefault: true, parentLevel: 'province', parentCount: 1 });
  });

  it('refuses a second set with the same name and leaves the first whole', async () => {
    await expect(database.db.transaction().execute((trx) =>
      importBoundarySet(trx, { name: 'An Giang districts 2019' }, source, { codeField: 'gso_code', nameField: 'name' }),
    )).rejects.toThrow(/exists already/);
    const count = await database.db.selectFrom('areas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(22);
  });
});
