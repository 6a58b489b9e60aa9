import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { commitUpload } from '../../server/uploads/upload-commit.service.js';
import { findIssuePage } from '../../server/uploads/uploads.repository.js';
import { previewUpload } from '../../server/uploads/uploads.service.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea, uploadDeps, writeTemp, writeXlsx } from './upload-fixtures.js';

/* A station code is one operator's: a row naming another operator's station is caught (QA P6). */

describe(`another operator's station code (${dbKind()})`, () => {
  let database: Database;
  const FILE = ['station_code,technology,latitude,longitude', 'VNP-AG-1,4G,10.4,105.4', 'VNP-AG-1,5G,10.4,105.4', 'VTL-AG-1,4G,10.41,105.41'];
  const upload = async (overrides: Parameters<typeof uploadDeps>[1] = {}) => {
    const p = await previewUpload(uploadDeps(database, overrides), { path: writeTemp('o.csv', csv(FILE)), fileName: 'o.csv', operator: 'VIETTEL', mode: 'merge', uploadedBy: 't' });
    return { preview: p, issues: (await findIssuePage(database.db, p.id, { offset: 0, limit: 50 })).rows };
  };

  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    await sql`insert into stations (operator_id, code, technology, geom, status)
      select id, 'VNP-AG-1', '4G', ST_SetSRID(ST_MakePoint(105.4, 10.4), 4326), 'on_air' from operators where code = 'VNPT'`.execute(database.db);
  });

  it('is an error naming the operator, for every technology of that code; the other rows go on', async () => {
    const { preview, issues } = await upload();
    expect(issues.map((i) => [i.row, i.severity, i.code, i.value])).toEqual([[2, 'error', 'other_operator', 'VNP-AG-1'], [3, 'error', 'other_operator', 'VNP-AG-1']]);
    expect(issues[0]!.message).toMatch(/station code VNP-AG-1 is already a station of VNPT/);
    expect(preview.counts).toMatchObject({ create: 1, unchanged: 0, errorRows: 2 });
    await commitUpload(database.db, preview.id, 't');
    const again = await upload();
    expect(again.preview.counts).toMatchObject({ create: 0, unchanged: 1, errorRows: 2 });
  });

  it('codes are compared loosely: another operator\'s in other case or dashes is caught; one like a stored station of ours is a warning', async () => {
    const p = await previewUpload(uploadDeps(database), { path: writeTemp('l.csv', csv([
      'station_code,technology,latitude,longitude', 'vnp‐ag‐1,4G,10.4,105.4', 'vtl-ag-1,4G,10.41,105.41', 'VTL-AG-1,4G,10.41,105.41',
    ])), fileName: 'l.csv', operator: 'VIETTEL', mode: 'merge', uploadedBy: 't' });
    const issues = (await findIssuePage(database.db, p.id, { offset: 0, limit: 50 })).rows;
    expect(issues.map((i) => [i.row, i.severity, i.code, i.value])).toEqual([
      [2, 'error', 'other_operator', 'vnp‐ag‐1'], [3, 'warning', 'lookalike_code', 'vtl-ag-1'],
      [4, 'warning', 'lookalike_code', 'VTL-AG-1'], // and like row 3 of the same file
    ]);
    expect(issues[1]!.message).toMatch(/^station code vtl-ag-1 looks like VTL-AG-1, a station already stored/);
    expect(p.counts).toMatchObject({ create: 1, unchanged: 1, errorRows: 1, warnings: 2 });
  });

  it('is a warning with UPLOAD_OTHER_OPERATOR_CODE=warn, and the rows are planned', async () => {
    const { preview, issues } = await upload({ uploadOtherOperatorCode: 'warn' });
    expect(issues.map((i) => [i.row, i.severity])).toEqual([[2, 'warning'], [3, 'warning']]);
    expect(preview.counts).toMatchObject({ create: 2, unchanged: 1, errorRows: 0, warnings: 2 });
  });

  it('a code of ours without its separators or leading zeros (Excel made 00777 the number 777) is a warning; another operator\'s that alike is no conflict', async () => {
    await sql`insert into stations (operator_id, code, technology, geom, status)
      select id, '00777', '4G', ST_SetSRID(ST_MakePoint(105.4, 10.4), 4326), 'on_air' from operators where code = 'VIETTEL'`.execute(database.db);
    const path = await writeXlsx('z.xlsx', [{ name: 'Trạm', rows: [['station_code', 'technology', 'latitude', 'longitude'],
      [777, '4G', 10.4, 105.4], ['VTLAG001', '4G', 10.41, 105.41], ['VNPAG1', '4G', 10.42, 105.42], ['VTL AG 2', '4G', 10.43, 105.43], ['VTL-AG-02', '4G', 10.43, 105.43]] }]);
    const p = await previewUpload(uploadDeps(database), { path, fileName: 'z.xlsx', operator: 'VIETTEL', mode: 'merge', uploadedBy: 't' });
    const issues = (await findIssuePage(database.db, p.id, { offset: 0, limit: 50 })).rows;
    expect(issues.map((i) => [i.row, i.severity, i.code, i.value, (i.params as { other?: string }).other])).toEqual([
      [2, 'warning', 'lookalike_code', '777', '00777'], [3, 'warning', 'lookalike_code', 'VTLAG001', 'VTL-AG-1'],
      [6, 'warning', 'lookalike_code', 'VTL-AG-02', 'VTL AG 2'],
    ]);
    expect(issues[0]!.message).toBe('station code 777 looks like 00777, a station already stored (only case, dashes, spaces or leading zeros differ): the same station? It is kept as a new one');
    expect(p.counts).toMatchObject({ create: 5, errorRows: 0, warnings: 3 });
  });
});
