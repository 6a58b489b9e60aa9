import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { findIssuePage } from '../../server/uploads/uploads.repository.js';
import { previewUpload, type UploadView } from '../../server/uploads/uploads.service.js';
import ExcelJS from '../../server/xlsx/exceljs.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea, snapshotStations, uploadDeps, writeTemp } from './upload-fixtures.js';

/* What the preview says about the whole file (row null, warnings, both languages), and files refused whole. */

const HEAD = 'station_code,technology,latitude,longitude';

describe(`whole-file notices in the preview (${dbKind()})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
  });

  const preview = (path: string, fileName: string, mode: 'merge' | 'replace' = 'merge') =>
    previewUpload(uploadDeps(database), { path, fileName, operator: 'VIETTEL', mode, uploadedBy: 'test', today: '2025-06-15' });
  const notices = async (u: UploadView, lang: 'vi' | 'en' = 'en') =>
    (await findIssuePage(database.db, u.id, { lang, offset: 0, limit: 500 })).rows.filter((i) => i.row === null).map((i) => ({ code: i.code, message: i.message }));

  it('title rows above the header: which rows were not read', async () => {
    const u = await preview(writeTemp('t.csv', csv(['DANH SÁCH TRẠM', 'Ngày xuất: 01/11/2025', '', HEAD, 'T-1,4G,10.4,105.4'])), 't.csv');
    expect(u.columns.headerRow).toBe(4);
    expect(u.counts).toMatchObject({ create: 1, warnings: 1 });
    expect(await notices(u)).toEqual([{ code: 'rows_above_header', message: 'rows 1–3 above the header (row 4) were not read' }]);
    expect(await notices(u, 'vi')).toEqual([{ code: 'rows_above_header', message: 'Các dòng 1–3 phía trên dòng tiêu đề (dòng 4) không được đọc' }]);
    const one = await preview(writeTemp('o.csv', csv(['Báo cáo', HEAD, 'T-2,4G,10.4,105.4'])), 'o.csv');
    expect(await notices(one)).toEqual([{ code: 'rows_above_header', message: 'row 1 above the header (row 2) was not read' }]);
    expect(await notices(await preview(writeTemp('n.csv', csv(['', HEAD, 'T-3,4G,10.4,105.4'])), 'n.csv'))).toEqual([]);
  });

  it('rows hidden in Excel were imported: which ones', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Trạm');
    ws.addRow(HEAD.split(','));
    for (let i = 0; i < 9; i++) ws.addRow([`H-${i}`, '4G', 10.4, 105.4 + i / 1000]);
    ws.getRow(5).hidden = true;
    ws.getRow(9).hidden = true;
    const u = await preview(writeTemp('h.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), 'h.xlsx');
    expect(u.columns.hiddenRows).toEqual([5, 9]);
    expect(u.counts.create).toBe(9);
    expect(await notices(u)).toEqual([{ code: 'hidden_rows', message: 'rows 5, 9 are hidden in Excel and were imported all the same' }]);
    expect(await notices(u, 'vi')).toEqual([{ code: 'hidden_rows', message: 'Các dòng 5, 9 đang bị ẩn trong Excel nhưng vẫn được nhập' }]);
  });

  it('a CSV named .xlsx is read as CSV, and the preview says so', async () => {
    const u = await preview(writeTemp('c.xlsx', csv([HEAD, 'X-1,4G,10.4,105.4'])), 'stations.xlsx');
    expect(u).toMatchObject({ format: 'csv', counts: { create: 1, errorRows: 0, warnings: 1 } });
    expect(await notices(u)).toEqual([{ code: 'read_as_csv', message: 'the file is named .xlsx but holds CSV text: it was read as CSV (name it .CSV next time)' }]);
  });

  it('20,000 unknown columns: the first 50 named, in file order, then how many more; the record keeps 50 and the count', async () => {
    const extra = Array.from({ length: 20_000 }, (_, i) => `extra_${i}`);
    const u = await preview(writeTemp('w.csv', csv([[HEAD, ...extra].join(','), 'W-1,4G,10.4,105.4'])), 'w.csv');
    expect(u.columns.unknown).toEqual(extra.slice(0, 50));
    expect(u.columns.unknownCount).toBe(20_000);
    expect(u.counts.warnings).toBe(51);
    const all = await notices(u);
    expect(all.slice(0, 2)).toEqual([
      { code: 'unknown_column', message: 'column "extra_0" is not one the planner knows: kept aside, not imported' },
      { code: 'unknown_column', message: 'column "extra_1" is not one the planner knows: kept aside, not imported' },
    ]);
    expect(all[50]).toEqual({ code: 'unknown_column', message: 'and 19950 more columns the planner does not know: kept aside, not imported' });
    expect((await notices(u, 'vi'))[50]!.message).toBe('và 19950 cột khác không nhận ra: được để riêng, không nhập vào hệ thống');
    const few = await preview(writeTemp('f.csv', csv([`${HEAD},Ghi chú`, 'W-2,4G,10.4,105.4,x'])), 'f.csv');
    expect(few.columns).not.toHaveProperty('unknownCount');
  });

  it('a file with a header and no station is refused in both modes: a replace would have decommissioned every station', async () => {
    await preview(writeTemp('base.csv', csv([HEAD, 'KEEP-1,4G,10.4,105.4'])), 'base.csv');
    const before = await snapshotStations(database);
    for (const mode of ['merge', 'replace'] as const) {
      const err = await preview(writeTemp('h.csv', csv([HEAD, '', ''])), 'h.csv', mode).then(() => null, (e: unknown) => e);
      expect(err, mode).toMatchObject({ status: 422, details: { reason: 'no_stations', params: { row: 1 } } });
    }
    expect(await snapshotStations(database)).toEqual(before);
  });

  it('a file over UPLOAD_MAX_BYTES: 413 with the reason and the limit, checked before it is read', async () => {
    const path = writeTemp('b.csv', csv([HEAD, 'B-1,4G,10.4,105.4']));
    const err = await previewUpload(uploadDeps(database, { uploadMaxBytes: 10 }), { path, fileName: 'b.csv', operator: 'VIETTEL', mode: 'merge', uploadedBy: 't' })
      .then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ status: 413, message: expect.stringMatching(/^The file is larger than 10 bytes.*UPLOAD_MAX_BYTES/), details: { reason: 'too_many_bytes', params: { max: 10 }, maxBytes: 10 } });
  });
});
