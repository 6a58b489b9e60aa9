import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { commitUpload, rollbackUpload } from '../../server/uploads/upload-commit.service.js';
import { previewUpload } from '../../server/uploads/uploads.service.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { resetWithOneArea, uploadDeps, writeTemp } from '../uploads/upload-fixtures.js';

// The planner's statistics follow a bulk commit or rollback by themselves (autovacuum may be off):
// pg_class.reltuples is what ANALYZE last counted.
describe(`statistics refreshed after bulk station writes (${dbKind()})`, () => {
  let database: Database;
  const counted = async () => (await sql<{ n: number }>`select reltuples::float8 as n from pg_class where oid = 'stations'::regclass`.execute(database.db)).rows[0]!.n;
  const upload = async (codes: string[]) => {
    const lines = ['station_code,technology,longitude,latitude,status', ...codes.map((c, i) => `${c},4G,${(105.31 + i * 0.0005).toFixed(6)},10.4,on_air`)];
    const p = await previewUpload(uploadDeps(database), { path: writeTemp('stats.csv', lines.join('\n')), fileName: 'stats.csv', operator: 'VNPT', mode: 'merge', uploadedBy: 't' });
    return commitUpload(database.db, p.id, 't');
  };
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    await sql`analyze stations`.execute(database.db);
  }, 600_000);

  // Whether a small write is left alone depends also on the server's count of live rows, which
  // each connection reports when idle (earlier tests' counts may land late): not asserted here.
  it('ANALYZEs after a commit and a rollback that change more than 50 rows + 10 % of the stations', async () => {
    expect(await counted()).toBeLessThanOrEqual(0);
    const big = await upload(Array.from({ length: 120 }, (_, i) => `A${i}`));
    expect(await counted()).toBe(120);
    await upload(['B1', 'B2', 'B3']);
    await rollbackUpload(database.db, big.id, 't');
    expect(await counted()).toBe(3);
  });
});
