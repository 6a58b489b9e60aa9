import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kinks } from '@turf/turf';
import type { Feature, Polygon, MultiPolygon } from 'geojson';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { importBoundarySet, type ImportReport } from '../../server/boundary-sets/boundary-import.service.js';
import { listBoundarySets } from '../../server/boundary-sets/boundary-sets.repository.js';
import { listParentAreas } from '../../server/boundary-sets/parent-areas.repository.js';
import { dbKind, getTestDatabase, resetDatabase } from '../helpers/test-db.js';

// The map since the July 2025 reform (../shared/data/README.md): never part of the repository.
const DIR = fileURLToPath(new URL('../../../shared/data/vietnam-2025/', import.meta.url));
const COMMUNES = `${DIR}communes-2025.geojson`;
const PROVINCES = `${DIR}provinces-2025.geojson`;
const AN_GIANG = fileURLToPath(new URL('../../../shared/data/an-giang/communes-2025.geojson', import.meta.url));
const present = existsSync(COMMUNES) && existsSync(PROVINCES);
if (!present) console.warn(`[skip] the 2025 communes and provinces are not at ${DIR}: the import test on the real national map is skipped (a fresh clone has no ../shared)`);

type Polygonal = Feature<Polygon | MultiPolygon, Record<string, string>>;
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { features: Polygonal[] };

describe.skipIf(!present)(`import of the 2025 communes under their provinces (${dbKind()})`, { timeout: 600_000 }, () => {
  let database: Database;
  let report: ImportReport;
  const communes = present ? read(COMMUNES) : { features: [] };

  beforeAll(async () => {
    database = await getTestDatabase();
    await resetDatabase(database);
    report = await database.db.transaction().execute((trx) =>
      importBoundarySet(trx, { name: 'Communes 2025', level: 'commune', parentLevel: 'province', source: 'sapnhap.bando.com.vn', licence: 'MIT' },
        communes, { codeField: 'code', nameField: 'name', parentField: 'provinceCode' },
        { kind: 'file', input: read(PROVINCES), codeField: 'code', nameField: 'name' }));
  }, 600_000);

  it('imports 3,321 communes in 34 provinces, every commune under a province of the set', async () => {
    expect(report).toMatchObject({ areas: 3321, parents: 34, parentLevel: 'province', childlessParents: [] });
    const { rows } = await sql<{ total: number; placed: number }>`
      select count(*)::int as total, count(p.id)::int as placed
      from areas a left join parent_areas p on p.set_id = a.set_id and p.code = a.parent_code
      where a.set_id = ${report.setId}`.execute(database.db);
    expect(rows[0]).toEqual({ total: 3321, placed: 3321 });
    const [set] = await listBoundarySets(database.db);
    expect(set).toMatchObject({ name: 'Communes 2025', level: 'commune', parentLevel: 'province', areaCount: 3321, parentCount: 34 });
  });

  it('repairs and reports exactly the self-intersecting communes', () => {
    const crossing = communes.features.filter((f) => kinks(f).features.length > 0).map((f) => f.properties.code).sort();
    expect(crossing.length).toBeGreaterThan(0);
    expect(report.repaired.map((r) => r.code).sort()).toEqual(crossing);
    for (const r of report.repaired) expect(r).toMatchObject({ level: 'area', reason: expect.stringMatching(/Self-intersection/) });
  });

  it('gives each province the area of its communes added up, to 0.1 %', async () => {
    const sums = await sql<{ code: string; km2: number }>`
      select parent_code as code, sum(area_km2) as km2 from areas where set_id = ${report.setId} group by parent_code`.execute(database.db);
    const sumOf = new Map(sums.rows.map((r) => [r.code, Number(r.km2)]));
    const provinces = await listParentAreas(database.db, report.setId);
    expect(provinces).toHaveLength(34);
    for (const p of provinces) expect(Math.abs(p.areaKm2 - sumOf.get(p.code)!) / p.areaKm2).toBeLessThan(0.001);
    expect(provinces.find((p) => p.code === '91')).toMatchObject({ name: 'An Giang', childCount: 102 });
  });

  it.skipIf(!existsSync(AN_GIANG))('imports one province\'s communes with the national provinces file, leaving the 33 others out with a warning', async () => {
    const one = await database.db.transaction().execute((trx) =>
      importBoundarySet(trx, { name: 'An Giang communes 2025', level: 'commune' }, read(AN_GIANG),
        { codeField: 'code', nameField: 'name', parentField: 'provinceCode' },
        { kind: 'file', input: read(PROVINCES), codeField: 'code', nameField: 'name' }));
    expect(one).toMatchObject({ areas: 102, parents: 1 });
    expect(one.childlessParents).toHaveLength(33);
    expect(one.childlessParents).not.toContain('91');
    expect((await listParentAreas(database.db, one.setId)).map((p) => p.code)).toEqual(['91']);
  });
});
