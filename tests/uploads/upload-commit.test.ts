import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { readDataVersion } from '../../server/db/data-version.js';
import { commitUpload, discardUpload, rollbackUpload } from '../../server/uploads/upload-commit.service.js';
import { findChanges, findIssuePage } from '../../server/uploads/uploads.repository.js';
import { getUpload, previewUpload } from '../../server/uploads/uploads.service.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea, snapshotStations, stationStates, uploadDeps, writeTemp } from './upload-fixtures.js';

const HEAD = 'station_code,technology,latitude,longitude,status,commissioned_on,name';
const rowsOf = (n: number, from = 0, name = 'Trạm') =>
  Array.from({ length: n }, (_, i) => `C${String(from + i).padStart(5, '0')},4G,10.${400 + ((from + i) % 90)},105.4,on_air,2024-01-01,${name} ${from + i}`);

describe(`upload commit, rollback, concurrency (${dbKind()})`, () => {
  let database: Database;
  const preview = (lines: string[], mode: 'merge' | 'replace' = 'merge', operator = 'VIETTEL') =>
    previewUpload(uploadDeps(database), { path: writeTemp('c.csv', csv([HEAD, ...lines])), fileName: 'c.csv', operator, mode, uploadedBy: 'tester', today: '2025-06-15' });

  beforeEach(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
  });

  it('nothing changes until commit; commit writes, places into areas and moves the data version; the same file again changes nothing', async () => {
    const empty = await snapshotStations(database);
    const p = await preview(rowsOf(3));
    expect(p.counts).toMatchObject({ create: 3, update: 0, unchanged: 0 });
    expect(await snapshotStations(database)).toEqual(empty);
    const v0 = await readDataVersion(database.db);
    const done = await commitUpload(database.db, p.id, 'boss');
    expect(done).toMatchObject({ state: 'committed', committedBy: 'boss', uploadedBy: 'tester' });
    expect(await readDataVersion(database.db)).toBeGreaterThan(v0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from station_areas where area_id is not null`.execute(database.db);
    expect(rows[0]!.n).toBe(3);
    const after = await snapshotStations(database);
    const again = await preview(rowsOf(3));
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 3 });
    await commitUpload(database.db, again.id, 'boss');
    expect(await snapshotStations(database)).toEqual(after);
    await expect(commitUpload(database.db, again.id, 'boss')).rejects.toMatchObject({ status: 409, code: 'not_a_preview' });
  });

  it('replace mode decommissions the stations the file no longer lists; rollback restores them exactly', async () => {
    await commitUpload(database.db, (await preview(rowsOf(4))).id, 'a');
    const before = await stationStates(database);
    const p = await preview([...rowsOf(2), 'C00002,4G,10.45,105.45,on_air,2024-01-01,Moved'], 'replace');
    expect(p.counts).toMatchObject({ create: 0, update: 1, unchanged: 2, decommission: 1, warnings: 1 });
    const [warning] = (await findIssuePage(database.db, p.id, { offset: 0, limit: 10 })).rows;
    expect(warning).toMatchObject({ row: null, severity: 'warning', code: 'replace_decommissions' });
    expect(warning!.message).toBe('replace mode: 1 of the 4 stations of VIETTEL in the planner (25 %) are not in this file and will be decommissioned on commit');
    // Listed in file order (the moved station's row), the decommissions without a row last.
    expect((await findChanges(database.db, p.id)).map((c) => [c.code, c.action, c.rowNumber])).toEqual([['C00002', 'update', 4], ['C00003', 'decommission', null]]);
    await commitUpload(database.db, p.id, 'a');
    const { rows } = await sql<{ code: string; status: string }>`select code, status from stations order by code`.execute(database.db);
    expect(rows.map((r) => r.status)).toEqual(['on_air', 'on_air', 'on_air', 'decommissioned']);
    await rollbackUpload(database.db, p.id, 'a');
    expect(await stationStates(database)).toEqual(before);
  });

  it('a stale preview is refused; a later upload blocks the rollback of an earlier one, listing the stations', async () => {
    const first = await preview(rowsOf(3));
    const second = await preview(rowsOf(3, 0, 'Renamed'));
    await commitUpload(database.db, first.id, 'a');
    await expect(commitUpload(database.db, second.id, 'a')).rejects.toMatchObject({ status: 409, code: 'stale_preview' });
    const third = await preview(rowsOf(1, 0, 'Again'));
    await commitUpload(database.db, third.id, 'a');
    const err = await rollbackUpload(database.db, first.id, 'a').catch((e) => e);
    expect(err).toMatchObject({ status: 409, code: 'rollback_conflict' });
    expect(err.details.laterUploads).toEqual([{ code: 'C00000', technology: '4G', uploadId: third.id, fileName: 'c.csv' }]);
    await rollbackUpload(database.db, third.id, 'a');
    await rollbackUpload(database.db, first.id, 'a');
    expect(await snapshotStations(database)).toEqual([]);
    // A change made outside uploads also blocks a rollback.
    const fourth = await preview(rowsOf(2));
    await commitUpload(database.db, fourth.id, 'a');
    await sql`update stations set name = 'edited by hand' where code = 'C00001'`.execute(database.db);
    await expect(rollbackUpload(database.db, fourth.id, 'a')).rejects.toMatchObject({ code: 'rollback_conflict', details: { changedSince: [{ code: 'C00001', technology: '4G' }] } });
  });

  it('replace commits only a file without errors: a row in error may be a station the list means to keep', async () => {
    await commitUpload(database.db, (await preview(rowsOf(4))).id, 'a');
    const before = await stationStates(database);
    // The second row's code is lost (empty): replace cannot know it is C00001 and would decommission it.
    const p = await preview([rowsOf(1)[0]!, ',4G,10.41,105.4,on_air,2024-01-01,Trạm 1'], 'replace');
    expect(p.counts).toMatchObject({ errorRows: 1, decommission: 3 });
    // The preview says so before anyone tries.
    const [notice] = (await findIssuePage(database.db, p.id, { offset: 0, limit: 1, lang: 'en' })).rows;
    expect([notice!.code, notice!.message]).toEqual(['replace_decommissions',
      'replace mode: 3 of the 4 stations of VIETTEL in the planner (75 %) are not in this file; this preview cannot be committed while 1 rows are in error (a row in error may be a station the list keeps): fix them and upload again, or upload in merge mode']);
    await expect(commitUpload(database.db, p.id, 'a')).rejects.toMatchObject({
      status: 409, code: 'replace_with_errors', details: { errorRows: 1, decommission: 3 },
      message: expect.stringMatching(/^A replace applies only a file without errors.*rows in error: 1\..*merge mode/),
    });
    expect(await stationStates(database)).toEqual(before);
    expect((await getUpload(database.db, p.id)).state).toBe('previewed');
  });

  it('a rollback blocked by more than 1,000 stations counts them all and blames the later upload for each', async () => {
    const first = await preview(rowsOf(1500, 0, 'Many'));
    await commitUpload(database.db, first.id, 'a');
    const second = await preview(rowsOf(1500, 0, 'Many renamed'));
    await commitUpload(database.db, second.id, 'a');
    const err = await rollbackUpload(database.db, first.id, 'a').catch((e) => e);
    expect(err).toMatchObject({ status: 409, code: 'rollback_conflict', details: { laterUploadIds: [second.id], totals: { laterUploads: 1500, changedSince: 0 } } });
    expect(err.details.laterUploads).toHaveLength(1000);
    expect(err.details.changedSince).toEqual([]);
    expect(err.message).toMatch(new RegExp(`1,500 of its stations changed again since \\(1,500 by upload ${second.id}: roll that one back first\\)\\.$`));
    expect(err.details).toMatchObject({ capped: true, reason: 'rollback_conflict', params: { kind: 'later', total: 1500 } });
    await rollbackUpload(database.db, second.id, 'a');
    await rollbackUpload(database.db, first.id, 'a');
  });

  it('previews made stale by a commit are set aside as superseded; a preview can be discarded; both keep their report', async () => {
    const changesOf = async (id: number) => Number((await sql<{ n: number }>`select count(*)::int as n from upload_changes where upload_id = ${id}`.execute(database.db)).rows[0]!.n);
    const a = await preview(rowsOf(3));
    const b = await preview([...rowsOf(3, 0, 'Other'), 'BAD,3G,10.4,105.4,on_air,,']);
    await commitUpload(database.db, a.id, 'a');
    expect(await getUpload(database.db, b.id)).toMatchObject({ state: 'discarded', supersededBy: a.id, discardedBy: null, discardedAt: expect.any(String) });
    expect(await changesOf(b.id)).toBe(0);
    expect((await findIssuePage(database.db, b.id, { offset: 0, limit: 10 })).rows.map((i) => i.code)).toEqual(['unknown_technology']);
    await expect(commitUpload(database.db, b.id, 'a')).rejects.toMatchObject({ status: 409, code: 'stale_preview', message: expect.stringMatching(new RegExp(`\\(upload ${a.id}\\)`)) });

    // A commit that writes nothing moves no version: an open preview stays open and committable.
    const same = await preview(rowsOf(3));
    const next = await preview(rowsOf(1, 10));
    expect(same.counts).toMatchObject({ create: 0, update: 0, unchanged: 3 });
    await commitUpload(database.db, same.id, 'a');
    expect((await getUpload(database.db, next.id)).state).toBe('previewed');

    const discarded = await discardUpload(database.db, next.id, 'lan');
    expect(discarded).toMatchObject({ state: 'discarded', discardedBy: 'lan', supersededBy: null });
    expect(await changesOf(next.id)).toBe(0);
    await expect(commitUpload(database.db, next.id, 'a')).rejects.toMatchObject({ status: 409, code: 'not_a_preview', message: expect.stringMatching(/is discarded/) });
    await expect(discardUpload(database.db, a.id, 'a')).rejects.toMatchObject({ status: 409, code: 'not_a_preview', message: expect.stringMatching(/already committed; only an open preview can be discarded \(a rollback undoes a commit\)/) });
    await expect(rollbackUpload(database.db, next.id, 'a')).rejects.toMatchObject({ status: 409, code: 'not_committed' });
    expect(await snapshotStations(database)).toHaveLength(3);
  });

  it('a commit that fails half-way leaves the previous state whole', async () => {
    await commitUpload(database.db, (await preview(rowsOf(10))).id, 'a');
    const before = await snapshotStations(database);
    const p = await preview(rowsOf(12000, 0, 'New name'));
    expect(p.counts).toMatchObject({ create: 11990, update: 10 });
    // Break one change near the end (after two slices of 5,000 were written): the check constraint fails there.
    await sql`update upload_changes set after_decommissioned_on = '2000-01-01'
      where upload_id = ${p.id} and code = 'C11990'`.execute(database.db);
    await expect(commitUpload(database.db, p.id, 'a')).rejects.toThrow();
    expect(await snapshotStations(database)).toEqual(before);
    const { rows } = await sql<{ state: string }>`select state from uploads where id = ${p.id}`.execute(database.db);
    expect(rows[0]!.state).toBe('previewed');
  });

  it('two commits for one operator at once never interleave: one wins, the other is stale', async () => {
    const a = await preview(rowsOf(3000, 0, 'A'));
    const b = await preview(rowsOf(3000, 0, 'B'));
    const results = await Promise.allSettled([commitUpload(database.db, a.id, 'a'), commitUpload(database.db, b.id, 'b')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'stale_preview' });
    const { rows } = await sql<{ name: string; n: number }>`select left(name, 1) as name, count(*)::int as n from stations group by 1`.execute(database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.n).toBe(3000);
    // The same preview committed twice at once: written once.
    const c = await preview(rowsOf(3000, 0, 'C'));
    const twice = await Promise.allSettled([commitUpload(database.db, c.id, 'c'), commitUpload(database.db, c.id, 'c')]);
    expect(twice.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('different operators do not block or stale each other', async () => {
    const a = await preview(rowsOf(5), 'merge', 'VIETTEL');
    const b = await preview(rowsOf(5), 'merge', 'VNPT');
    await Promise.all([commitUpload(database.db, a.id, 'a'), commitUpload(database.db, b.id, 'b')]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from stations`.execute(database.db);
    expect(rows[0]!.n).toBe(10);
  });
});
