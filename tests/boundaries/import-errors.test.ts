import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { importBoundarySet } from '../../server/boundary-sets/boundary-import.service.js';
import { AppError } from '../../server/errors.js';
import { dbKind, getTestDatabase, resetDatabase } from '../helpers/test-db.js';

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 10], [x + 0.1, 10], [x + 0.1, 10.1], [x, 10.1], [x, 10]]] });
const feature = (props: Record<string, unknown>, geometry: unknown = square(105)) => ({ type: 'Feature', properties: props, geometry });

describe(`boundary import refuses bad files and writes nothing (${dbKind()})`, () => {
  let database: Database;
  const count = async () => (await sql<{ n: number }>`select (select count(*) from areas)::int + (select count(*) from boundary_sets)::int as n`.execute(database.db)).rows[0]!.n;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetDatabase(database);
  });

  it.each([
    ['not a FeatureCollection', { type: 'Feature' }, /not a GeoJSON FeatureCollection/],
    ['no features', { type: 'FeatureCollection', features: [] }, /no features/],
    ['a point', { type: 'FeatureCollection', features: [feature({ c: '1', n: 'a' }, { type: 'Point', coordinates: [105, 10] })] }, /1 problem/],
    ['a missing code', { type: 'FeatureCollection', features: [feature({ n: 'a' })] }, /1 problem/],
    ['a code twice', { type: 'FeatureCollection', features: [feature({ c: '1', n: 'a' }), feature({ c: '1', n: 'b' }, square(106))] }, /1 problem/],
    ['a bad population', { type: 'FeatureCollection', features: [feature({ c: '1', n: 'a', p: 'many' })] }, /1 problem/],
  ])('%s', async (_label, input, message) => {
    const before = await count();
    const err = await database.db.transaction()
      .execute((trx) => importBoundarySet(trx, { name: 'bad' }, input, { codeField: 'c', nameField: 'n', populationField: 'p' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('rolls back the whole set when one geometry is broken beyond repair', async () => {
    const input = { type: 'FeatureCollection', features: [feature({ c: '1', n: 'a' }), feature({ c: '2', n: 'b' }, { type: 'Polygon', coordinates: [[[105, 10], [105, 10]]] })] };
    const before = await count();
    await expect(database.db.transaction().execute((trx) => importBoundarySet(trx, { name: 'half' }, input, { codeField: 'c', nameField: 'n' }))).rejects.toThrow();
    expect(await count()).toBe(before);
  });
});
