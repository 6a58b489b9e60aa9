import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { AppError } from '../../server/errors.js';
import { syncColocationDistance } from '../../server/stations/stations.repository.js';
import { commitUpload, rollbackUpload } from '../../server/uploads/upload-commit.service.js';
import { previewUpload } from '../../server/uploads/uploads.service.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { resetWithOneArea, uploadDeps, writeTemp } from '../uploads/upload-fixtures.js';

/*
 * Co-location is stored at write time (migration 0021). Whatever sequence of uploads (merge and
 * replace), rollbacks, edits by hand and changes of distance happens, the stored flags are the
 * ones a brute-force recomputation finds: every pair of stations measured, no index, no trigger.
 */

// Four sites in the test square at 10.4° N; a station stands on a site, 30 m east of it or 70 m
// north of it: within 50 m of the site, outside 50 m but within 80 m, never near a threshold.
const METRE_LON = 1 / 109_490; // degrees of longitude per metre at 10.4° N
const METRE_LAT = 1 / 110_600;
const SPOTS = [0, 1, 2, 3].flatMap((k) => {
  const lon = 105.35 + k * 0.02, lat = 10.4;
  return [[lon, lat], [lon + 30 * METRE_LON, lat], [lon, lat + 70 * METRE_LAT]] as [number, number][];
});

const rowArb = fc.record({
  code: fc.constantFrom('S1', 'S2', 'S3', 'S4', 'S5'),
  technology: fc.constantFrom('4G', '5G'),
  spot: fc.nat({ max: SPOTS.length - 1 }),
  status: fc.constantFrom('on_air', 'on_air', 'planned', 'decommissioned'),
});
const commandArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('upload' as const), operator: fc.constantFrom('VIETTEL', 'VNPT'), mode: fc.constantFrom('merge' as const, 'replace' as const), rows: fc.array(rowArb, { minLength: 1, maxLength: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rollback' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), spot: fc.nat({ max: SPOTS.length - 1 }), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('distance' as const), meters: fc.constantFrom(50, 80) }) },
);
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

describe(`stored co-location equals a brute-force recomputation (${dbKind()})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await getTestDatabase();
  }, 600_000);

  const stored = async () => (await sql<{ id: number }>`select station_id as id from station_colocated order by 1`.execute(database.db)).rows.map((r) => Number(r.id));
  const bruteForce = async () => (await sql<{ id: number }>`
    select s.id from stations s, colocation_setting c
    where exists (select 1 from stations t
      where t.operator_id = s.operator_id and t.technology <> s.technology and t.status <> 'decommissioned'
        and ST_Distance(t.geom::geography, s.geom::geography) <= c.meters)
    order by 1`.execute(database.db)).rows.map((r) => Number(r.id));

  async function run(command: Command, committed: number[]): Promise<void> {
    const db = database.db;
    if (command.kind === 'upload') {
      const lines = ['station_code,technology,longitude,latitude,status,decommissioned_on', ...command.rows.map((r) => {
        const [lon, lat] = SPOTS[r.spot]!;
        return [r.code, r.technology, lon.toFixed(9), lat.toFixed(9), r.status, r.status === 'decommissioned' ? '2025-01-01' : ''].join(',');
      })];
      const path = writeTemp('colocation.csv', lines.join('\n'));
      const p = await previewUpload(uploadDeps(database), { path, fileName: 'colocation.csv', operator: command.operator, mode: command.mode, uploadedBy: 'fc', today: '2025-06-01' });
      if (p.counts.errorRows > 0) return; // a file with one code twice: refused rows, nothing to commit
      committed.push((await commitUpload(db, p.id, 'fc')).id);
    } else if (command.kind === 'rollback') {
      if (!committed.length) return;
      const id = committed[command.pick % committed.length]!;
      // A later upload or an edit changed its stations: refused, and nothing changes.
      await rollbackUpload(db, id, 'fc').catch((err: unknown) => { if (!(err instanceof AppError) || err.status !== 409) throw err; });
    } else if (command.kind === 'move' || command.kind === 'delete') {
      const ids = (await sql<{ id: number }>`select id from stations order by id`.execute(db)).rows;
      if (!ids.length) return;
      const id = ids[command.pick % ids.length]!.id;
      if (command.kind === 'delete') await sql`delete from stations where id = ${id}`.execute(db);
      else await sql`update stations set geom = ST_SetSRID(ST_MakePoint(${SPOTS[command.spot]![0]}::float8, ${SPOTS[command.spot]![1]}::float8), 4326) where id = ${id}`.execute(db);
    } else {
      await syncColocationDistance(db, command.meters);
    }
  }

  it('after random sequences of uploads, rollbacks, edits and distance changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 7 }), async (commands) => {
        await resetWithOneArea(database);
        await syncColocationDistance(database.db, 50);
        const committed: number[] = [];
        for (const command of commands) {
          await run(command, committed);
          expect(await stored()).toEqual(await bruteForce());
        }
      }),
      { numRuns: 12, seed: 20251301 },
    );
    await syncColocationDistance(database.db, 50);
  }, 600_000);

  it('finds pairs at all: the sequences are not all trivial', async () => {
    await resetWithOneArea(database);
    await run({ kind: 'upload', operator: 'VIETTEL', mode: 'merge', rows: [
      { code: 'S1', technology: '4G', spot: 0, status: 'on_air' }, { code: 'S1', technology: '5G', spot: 1, status: 'on_air' },
      { code: 'S2', technology: '5G', spot: 2, status: 'on_air' }] }, []);
    expect((await stored()).length).toBe(2); // the 4G and the 5G 30 m away; not the 5G 70 m away
    await syncColocationDistance(database.db, 80);
    expect((await stored()).length).toBe(3);
    await syncColocationDistance(database.db, 50);
    expect((await stored()).length).toBe(2);
  });
});
