import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { importBoundarySet, type FieldMap } from '../../server/boundary-sets/boundary-import.service.js';
import type { ParentSource } from '../../server/boundary-sets/boundary-parents.js';
import { listBoundarySets } from '../../server/boundary-sets/boundary-sets.repository.js';
import { listChildCodes, listParentAreaFeatures, listParentAreas } from '../../server/boundary-sets/parent-areas.repository.js';
import { AppError } from '../../server/errors.js';
import { dbKind, getTestDatabase, resetDatabase } from '../helpers/test-db.js';

// Hand-made files: unit squares 0.1° wide in a row along 10° N; a parent is the box over its children.
const box = (x0: number, x1: number) => ({ type: 'Polygon', coordinates: [[[x0, 10], [x1, 10], [x1, 10.1], [x0, 10.1], [x0, 10]]] });
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const child = (code: string, parent: string | null, i: number, extra: Record<string, unknown> = {}) =>
  ({ type: 'Feature', properties: { code, name: `Xã ${code}`, prov: parent, ...extra }, geometry: box(105 + i * 0.1, 105.1 + i * 0.1) });
const parent = (code: string, from: number, to: number) =>
  ({ type: 'Feature', properties: { pcode: code, pname: `Tỉnh ${code}` }, geometry: box(105 + from * 0.1, 105 + to * 0.1) });

const FIELDS: FieldMap = { codeField: 'code', nameField: 'name', parentField: 'prov' };
const fileOf = (features: unknown[]): ParentSource => ({ kind: 'file', input: fc(features), codeField: 'pcode', nameField: 'pname' });
// Children 001–003 in parent 01 (squares 0–2), 004–005 in parent 02 (squares 3–4).
const CHILDREN = [child('001', '01', 0), child('002', '01', 1), child('003', '01', 2), child('004', '02', 3), child('005', '02', 4)];
const PARENTS = [parent('01', 0, 3), parent('02', 3, 5)];

describe(`boundary import with a parent level (${dbKind()})`, () => {
  let database: Database;
  const rowsWritten = async () => (await sql<{ n: number }>`select
    (select count(*) from boundary_sets)::int + (select count(*) from areas)::int + (select count(*) from parent_areas)::int as n`.execute(database.db)).rows[0]!.n;
  const importSet = (name: string, input: unknown, parents?: ParentSource, meta: Record<string, unknown> = {}) =>
    database.db.transaction().execute((trx) => importBoundarySet(trx, { name, level: 'commune', ...meta }, input, FIELDS, parents));
  const refusal = async (input: unknown, parents?: ParentSource): Promise<AppError> => {
    const before = await rowsWritten();
    const err = await importSet('refused', input, parents).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(await rowsWritten()).toBe(before); // nothing imported
    return err as AppError;
  };

  beforeEach(async () => {
    database = await getTestDatabase();
    await resetDatabase(database);
  });

  it('stores the parents from their file, the level names, and each area under its parent', async () => {
    const report = await importSet('Communes', fc(CHILDREN), fileOf(PARENTS), { parentLevel: 'province' });
    expect(report).toMatchObject({ areas: 5, parents: 2, parentLevel: 'province', childlessParents: [], repaired: [] });
    const [set] = await listBoundarySets(database.db);
    expect(set).toMatchObject({ name: 'Communes', level: 'commune', parentLevel: 'province', areaCount: 5, parentCount: 2 });
    const parents = await listParentAreaFeatures(database.db, report.setId);
    expect(parents.map((p) => [p.code, p.name, p.childCount])).toEqual([['01', 'Tỉnh 01', 3], ['02', 'Tỉnh 02', 2]]);
    expect(parents[0]!.bbox).toEqual([105, 10, 105.3, 10.1]);
    expect(parents[1]!.properties).toMatchObject({ pcode: '02' });
    expect(await listChildCodes(database.db, report.setId, ['02'])).toEqual(['004', '005']);
    const index = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where tablename = 'parent_areas' and indexdef ilike '%using gist%'`.execute(database.db);
    expect(index.rows[0]!.n).toBe(1);
  });

  it('without a parents file, makes each parent the union of its areas, named from the areas', async () => {
    const named = CHILDREN.map((c) => ({ ...c, properties: { ...c.properties, provName: c.properties.prov === '01' ? 'Tỉnh Một' : 'Tỉnh Hai' } }));
    const report = await importSet('Communes', fc(named), { kind: 'union', nameField: 'provName' });
    expect(report).toMatchObject({ parents: 2, parentLevel: 'province' }); // a commune's parent level by default
    const parents = await listParentAreas(database.db, report.setId);
    expect(parents.map((p) => [p.code, p.name])).toEqual([['01', 'Tỉnh Một'], ['02', 'Tỉnh Hai']]);
    const sums = await sql<{ code: string; km2: number }>`select parent_code as code, sum(area_km2) as km2 from areas group by parent_code order by 1`.execute(database.db);
    for (const [i, p] of parents.entries()) expect(p.areaKm2).toBeCloseTo(Number(sums.rows[i]!.km2), 6);
  });

  it('refuses an area whose parent code is not in the parents file, naming the code and its areas', async () => {
    const err = await refusal(fc([...CHILDREN, child('006', '03', 5), child('007', '03', 6)]), fileOf(PARENTS));
    expect(err.message).toMatch(/parent codes used by areas but not in the parents file: 03 \(areas 006, 007\)/);
    expect(err.details).toContainEqual(expect.objectContaining({ problem: 'parent_not_found', codes: ['03'] }));
  });

  it('refuses areas without a parent code, naming them', async () => {
    const err = await refusal(fc([...CHILDREN, child('006', null, 5), child('007', '', 6)]), fileOf(PARENTS));
    expect(err.details).toContainEqual(expect.objectContaining({ problem: 'parent_code_missing', codes: ['006', '007'] }));
    expect(err.message).toMatch(/areas without a parent code: 006, 007/);
  });

  it('refuses two parents with one code, naming the code', async () => {
    const err = await refusal(fc(CHILDREN), fileOf([...PARENTS, parent('02', 3, 5)]));
    expect(err.details).toContainEqual(expect.objectContaining({ file: 'parents', problem: 'parent_code_repeated', codes: ['02'] }));
    expect(err.message).toMatch(/parents share a code: 02 \(features 2, 3\)/);
  });

  it('refuses areas whose codes repeat, naming every repeated code', async () => {
    const err = await refusal(fc([...CHILDREN, child('002', '01', 5), child('004', '02', 6), child('004', '02', 7)]), fileOf(PARENTS));
    expect(err.details).toContainEqual(expect.objectContaining({ file: 'areas', problem: 'code_repeated', codes: ['002', '004'] }));
    expect(err.message).toMatch(/areas share a code: 002 \(features 2, 6\); 004 \(features 4, 7, 8\)/);
  });

  it('reports every problem of both files at once', async () => {
    const err = await refusal(fc([...CHILDREN, child('001', '09', 5)]), fileOf([...PARENTS, parent('01', 0, 3)]));
    expect((err.details as { problem?: string }[]).map((d) => d.problem).sort()).toEqual(['code_repeated', 'parent_code_repeated']);
  });

  it('refuses a parents file that is not a FeatureCollection, or has a broken ring', async () => {
    expect((await refusal(fc(CHILDREN), { kind: 'file', input: { type: 'Feature' }, codeField: 'pcode', nameField: 'pname' })).message)
      .toMatch(/parents file is not a GeoJSON FeatureCollection/);
    const open = { ...parent('02', 3, 5), geometry: { type: 'Polygon', coordinates: [[[105.3, 10], [105.5, 10], [105.5, 10.1], [105.3, 10.1]]] } };
    expect((await refusal(fc(CHILDREN), fileOf([PARENTS[0], open]))).message).toMatch(/parent feature 2: ring 1 is not closed/);
  });

  it('refuses areas of one parent that name it differently (no parents file)', async () => {
    const input = fc(CHILDREN.map((c, i) => ({ ...c, properties: { ...c.properties, provName: i === 1 ? 'Tinh Mot' : `Tỉnh ${c.properties.prov}` } })));
    const err = await refusal(input, { kind: 'union', nameField: 'provName' });
    expect(err.details).toContainEqual(expect.objectContaining({ problem: 'parent_name_conflict', codes: ['01'] }));
  });

  it('leaves out a parent without areas, with a warning naming it', async () => {
    const report = await importSet('Communes', fc(CHILDREN), fileOf([...PARENTS, parent('03', 5, 7)]));
    expect(report).toMatchObject({ parents: 2, childlessParents: ['03'] });
    expect((await listParentAreas(database.db, report.setId)).map((p) => p.code)).toEqual(['01', '02']);
  });

  it('refuses a parent level equal to the areas\' level', async () => {
    const err = await importSet('Communes', fc(CHILDREN), fileOf(PARENTS), { parentLevel: 'commune' }).catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(/parent level must differ/);
    expect(await rowsWritten()).toBe(0);
  });

  it('refuses parents without the areas\' parent field', async () => {
    const err = await database.db.transaction()
      .execute((trx) => importBoundarySet(trx, { name: 'x' }, fc(CHILDREN), { codeField: 'code', nameField: 'name' }, fileOf(PARENTS)))
      .catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(/--parent-field/);
  });

  it('keeps the database itself from holding an area whose parent is not in its set', async () => {
    const a = await importSet('A', fc(CHILDREN), fileOf(PARENTS));
    await importSet('B', fc(CHILDREN.map((c) => ({ ...c, properties: { ...c.properties, prov: '09' } }))));
    // Parent 09 exists in set B only: an area of set A may not name it.
    await expect(sql`update areas set parent_code = '09' where set_id = ${a.setId} and code = '001'`.execute(database.db)).rejects.toThrow(/areas_parent_fkey/);
    // A set deleted takes its parents along.
    await sql`delete from boundary_sets where id = ${a.setId}`.execute(database.db);
    expect((await sql<{ n: number }>`select count(*)::int as n from parent_areas`.execute(database.db)).rows[0]!.n).toBe(1);
  });
});
