import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { commitUpload } from '../../server/uploads/upload-commit.service.js';
import { findIssuePage } from '../../server/uploads/uploads.repository.js';
import { previewUpload } from '../../server/uploads/uploads.service.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea, uploadDeps, writeTemp } from './upload-fixtures.js';

/*
 * What a file does not say, the stored station keeps: a column the file lacks, or an empty
 * cell, leaves the name, status and dates as they are (QA P3: a file of codes and coordinates
 * wiped names and dates and put decommissioned stations back on air).
 */

const TODAY = '2025-06-15';

describe(`merging a file into stored stations (${dbKind()})`, () => {
  let database: Database;
  const upload = async (lines: string[], mode: 'merge' | 'replace' = 'merge') => {
    const p = await previewUpload(uploadDeps(database), { path: writeTemp('m.csv', csv(lines)), fileName: 'm.csv', operator: 'VIETTEL', mode, uploadedBy: 't', today: TODAY });
    const { rows: issues } = await findIssuePage(database.db, p.id, { offset: 0, limit: 100 });
    return { preview: p, issues, commit: () => commitUpload(database.db, p.id, 't') };
  };
  const station = async (code: string) => (await sql<{ name: string | null; status: string; c: string | null; d: string | null; lon: number; lat: number }>`
    select name, status, commissioned_on::text as c, decommissioned_on::text as d, ST_X(geom) as lon, ST_Y(geom) as lat
    from stations where code = ${code}`.execute(database.db)).rows[0];

  beforeEach(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    const first = await upload([
      'station_code,technology,latitude,longitude,status,commissioned_on,decommissioned_on,name',
      'OFF,4G,10.40,105.40,decommissioned,2020-01-01,2024-05-01,Trạm Mỹ Hòa',
      'ON,4G,10.41,105.41,on_air,2021-03-04,,Trạm Bình Đức',
      'SCHED,4G,10.42,105.42,on_air,2021-03-04,2030-01-01,Trạm sẽ tắt',
      'PLAN,5G,10.43,105.43,planned,2030-01-01,,Trạm dự kiến',
    ]);
    expect(first.issues).toEqual([]);
    await first.commit();
  });

  it('a file of codes and coordinates moves the stations and keeps their names, status and dates', async () => {
    const { preview, issues, commit } = await upload([
      'Mã trạm,Công nghệ,Vĩ độ,Kinh độ',
      'OFF,4G,10.401,105.401', 'ON,4G,10.411,105.411', 'SCHED,4G,10.42,105.42', 'PLAN,5G,10.43,105.43',
    ]);
    expect(issues).toEqual([]);
    expect(preview.counts).toMatchObject({ create: 0, update: 2, unchanged: 2 });
    await commit();
    expect(await station('OFF')).toEqual({ name: 'Trạm Mỹ Hòa', status: 'decommissioned', c: '2020-01-01', d: '2024-05-01', lon: 105.401, lat: 10.401 });
    expect(await station('ON')).toMatchObject({ name: 'Trạm Bình Đức', status: 'on_air', c: '2021-03-04', d: null });
  });

  it('empty cells keep what is stored too; a status back on air clears a past decommissioning date, not a future one', async () => {
    const { issues, commit } = await upload([
      'station_code,technology,latitude,longitude,status,commissioned_on,decommissioned_on,name',
      'OFF,4G,10.40,105.40,on_air,,,',
      'SCHED,4G,10.42,105.42,on_air,,,',
    ]);
    expect(issues).toEqual([]);
    await commit();
    expect(await station('OFF')).toMatchObject({ name: 'Trạm Mỹ Hòa', status: 'on_air', c: '2020-01-01', d: null });
    expect(await station('SCHED')).toMatchObject({ status: 'on_air', d: '2030-01-01' });
  });

  it('a new station without a status is on air, or decommissioned when the file gives the date', async () => {
    const { preview, commit } = await upload([
      'station_code,technology,latitude,longitude,decommissioned_on', 'NEW-ON,4G,10.44,105.44,', 'NEW-OFF,4G,10.45,105.45,2024-02-02',
    ]);
    expect(preview.counts).toMatchObject({ create: 2 });
    await commit();
    expect(await station('NEW-ON')).toMatchObject({ status: 'on_air', d: null });
    expect(await station('NEW-OFF')).toMatchObject({ status: 'decommissioned', d: '2024-02-02' });
  });

  it('a row that breaks a date rule only once merged with the stored station is an error that names the stored date', async () => {
    const { preview, issues } = await upload([
      'station_code,technology,latitude,longitude,status,commissioned_on,decommissioned_on',
      'ON,4G,10.41,105.41,,,2019-01-01', // before the stored commissioning date 2021-03-04
      'OFF,4G,10.40,105.40,,2024-09-09,', // after the stored decommissioning date 2024-05-01
      'PLAN,5G,10.43,105.43,on_air,,', // on air, but the stored commissioning date is 2030
    ]);
    expect(issues.map((i) => [i.row, i.code, i.field])).toEqual([
      [2, 'date_order', 'decommissioned_on'], [3, 'date_order', 'commissioned_on'], [4, 'future_date', 'commissioned_on'],
    ]);
    expect(issues[0]!.message).toMatch(/before the commissioning date already stored \(2021-03-04\)/);
    expect(issues[1]!.message).toMatch(/after the decommissioning date already stored \(2024-05-01\)/);
    expect(issues[2]!.message).toMatch(/stored commissioning date 2030-01-01 is after today/);
    expect(preview.counts).toMatchObject({ create: 0, update: 0, unchanged: 0, errorRows: 3 });
  });

  it('a new station commissioned in the future without a status is an error in the usual words (the date is the file\'s)', async () => {
    const { issues } = await upload(['station_code,technology,latitude,longitude,commissioned_on', 'FUT,4G,10.44,105.44,2031-01-01']);
    expect(issues.map((i) => [i.code, i.message])).toEqual([['future_date', expect.stringMatching(/^commissioned on 2031-01-01, after today/)]]);
  });
});
