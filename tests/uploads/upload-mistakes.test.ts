import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { findIssuePage } from '../../server/uploads/uploads.repository.js';
import { previewUpload, type UploadView } from '../../server/uploads/uploads.service.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea, snapshotStations, uploadDeps, writeTemp, writeXlsx } from './upload-fixtures.js';

/* Every kind of operator mistake, in CSV, Excel and GeoJSON: each row's reason and row number. */

const TODAY = '2025-06-15';
const HEADER = ['station_code', 'technology', 'latitude', 'longitude', 'status', 'commissioned_on', 'decommissioned_on', 'name', 'operator'];
// [row cells, expected issue code or null], data rows start on row 2.
const CASES: [string[], string | null][] = [
  [['OK-1', '4G', '10.4', '105.4', 'on_air', '2024-01-02', '', 'Mỹ Hòa', 'VIETTEL'], null],
  [['OK-2', 'NR', '10,41', '105,41', 'đang phát sóng', '02/01/2024', '', '', 'Viettel'], null],
  [['', '4G', '10.4', '105.4', '', '', '', '', ''], 'missing_value'],
  [['BAD-T', '3G', '10.4', '105.4', '', '', '', '', ''], 'unknown_technology'],
  [['BAD-S', '4G', '10.4', '105.4', 'broken', '', '', '', ''], 'unknown_status'],
  [['BAD-LAT', '4G', '95', '105.4', '', '', '', '', ''], 'out_of_range'],
  [['SWAP', '4G', '105.4', '10.4', '', '', '', '', ''], 'swapped_coordinates'],
  [['NUM', '4G', 'abc', '105.4', '', '', '', '', ''], 'bad_number'],
  [['DATE', '4G', '10.4', '105.4', '', '31/02/2024', '', '', ''], 'bad_date'],
  [['FUT', '4G', '10.4', '105.4', 'on_air', '2030-01-01', '', '', ''], 'future_date'],
  [['ORDER', '4G', '10.4', '105.4', 'decommissioned', '2024-05-01', '2024-01-01', '', ''], 'date_order'],
  [['OTHER', '4G', '10.4', '105.4', '', '', '', '', 'MobiFone'], 'other_operator'],
  [['LONG', '4G', '10.4', '105.4', '', '', '', 'x'.repeat(300), ''], 'bad_text'],
  [['CTRL', '4G', '10.4', '105.4', '', '', '', 'a\u0007b', ''], 'bad_text'],
  [['OK-1', 'LTE', '10.42', '105.42', '', '', '', '', ''], 'duplicate'],
  [['FAR', '4G', '21.0', '105.8', '', '', '', '', ''], 'outside_areas'],
];

async function issuesOf(database: Database, u: UploadView) {
  return (await findIssuePage(database.db, u.id, { offset: 0, limit: 500 })).rows;
}

describe(`upload mistakes (${dbKind()})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
  });

  const preview = (path: string, fileName: string, extra: { sheet?: string } = {}) =>
    previewUpload(uploadDeps(database), { path, fileName, operator: 'VIETTEL', mode: 'merge', uploadedBy: 'test', today: TODAY, ...extra });

  async function expectEveryMistake(u: UploadView, rowOf: (i: number) => number) {
    const issues = await issuesOf(database, u);
    CASES.forEach(([, code], i) => {
      const mine = issues.filter((x) => x.row === rowOf(i));
      if (code === null) expect(mine, `row ${rowOf(i)}`).toEqual([]);
      else expect(mine.map((x) => x.code), `row ${rowOf(i)}`).toContain(code);
    });
    expect(issues.find((x) => x.code === 'swapped_coordinates')!.message).toMatch(/look swapped/);
    expect(issues.find((x) => x.code === 'duplicate')!.message).toMatch(/already on row 2/);
    // OK-1, OK-2 and FAR (outside = warning by default) are created; the rest are errors.
    expect(u.counts).toMatchObject({ create: 3, update: 0, unchanged: 0, errorRows: CASES.length - 3, warnings: 1 });
  }

  it('CSV: every mistake reported with its line number, nothing written', async () => {
    const before = await snapshotStations(database);
    const body = csv([HEADER.join(','), ...CASES.map(([r]) => r.map((c) => (/[,"\u0007]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))], '\r\n');
    const u = await preview(writeTemp('m.csv', '\uFEFF' + body), 'mistakes.csv');
    await expectEveryMistake(u, (i) => i + 2);
    expect(await snapshotStations(database)).toEqual(before);
  });

  it('XLSX: the same mistakes in a named sheet, Vietnamese NFD headers', async () => {
    const vi = ['Mã trạm', 'Công nghệ', 'Vĩ độ', 'Kinh độ', 'Trạng thái', 'Ngày phát sóng', 'Ngày ngừng', 'Tên trạm', 'Nhà mạng'].map((h) => h.normalize('NFD').toUpperCase());
    const path = await writeXlsx('m.xlsx', [
      { name: 'Ghi chú', rows: [['not this sheet']] },
      // XML cannot carry U+0007: the control character case uses a C1 control instead (a line
      // break in a name is made a space with a warning, upload-values.ts).
      { name: 'Trạm', rows: [vi, ...CASES.map(([r]) => r.map((c, j) => (j === 2 || j === 3) && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c.replace('\u0007', '\u0080')))] },
    ]);
    const u = await preview(path, 'mistakes.xlsx', { sheet: 'trạm'.normalize('NFD') });
    expect(u.columns.recognised.station_code).toBe('Mã trạm'.normalize('NFD').toUpperCase().normalize('NFC'));
    await expectEveryMistake(u, (i) => i + 2);
  });

  it('GeoJSON: the same mistakes as features, numbered from 1', async () => {
    const features = CASES.map(([r]) => {
      const lat = Number(r[2]!.replace(',', '.')), lon = Number(r[3]!.replace(',', '.'));
      const props = Object.fromEntries(HEADER.map((h, j) => [h, r[j]]).filter(([h]) => h !== 'latitude' && h !== 'longitude'));
      const geometry = r[2] === 'abc' ? null : { type: 'Point', coordinates: [lon, lat] };
      return { type: 'Feature', properties: { ...props, extra_prop: 1 }, geometry };
    });
    const u = await preview(writeTemp('m.geojson', JSON.stringify({ type: 'FeatureCollection', features })), 'mistakes.geojson');
    const issues = await issuesOf(database, u);
    expect(issues.filter((x) => x.row === 8).map((x) => x.code)).toEqual(['bad_geometry']);
    expect(u.columns.unknown).toEqual(['extra_prop']);
    expect(issues.filter((x) => x.row === 7).map((x) => x.code)).toContain('swapped_coordinates');
  });

  it('semicolons, decimal commas, quotes, LF, unknown columns kept aside and reported', async () => {
    const path = writeTemp('s.csv', csv(['Mã trạm;Công nghệ;Vĩ độ;Kinh độ;Ghi chú', 'S-1;gNB;10,45;105,45;"a;b ""c"""']));
    const u = await preview(path, 's.csv');
    expect(u.counts.create).toBe(1);
    expect(u.columns.unknown).toEqual(['Ghi chú']);
    const [first] = await issuesOf(database, u);
    expect(first).toMatchObject({ row: null, severity: 'warning', code: 'unknown_column', value: 'Ghi chú' });
  });

  it('codes that differ only in case or dash style get a warning naming the first row; an exact repeat is an error', async () => {
    const path = writeTemp('alike.csv', csv(['station_code,technology,latitude,longitude', 'QA-C19-001,4G,10.4,105.4', 'qa-c19-001,4G,10.41,105.41',
      'QA\u2010C19\u2010001,4G,10.42,105.42', 'QA-C19-001,5G,10.4,105.4', 'QA-C19-001,4G,10.43,105.43']));
    const u = await preview(path, 'alike.csv');
    expect((await issuesOf(database, u)).map((i) => [i.row, i.severity, i.code])).toEqual([
      [3, 'warning', 'lookalike_code'], [4, 'warning', 'lookalike_code'], [6, 'error', 'duplicate'],
    ]);
    expect(u.counts).toMatchObject({ create: 4, errorRows: 1, warnings: 2 });
  });

  it('many issues are written as the file streams and still read back by row, the whole file\'s first', async () => {
    // 12,000 rows in error (written in batches of 5,000 while reading), a point outside the area
    // found later by the database, and an unknown column known only at the end.
    const lines = ['station_code,technology,latitude,longitude,ghi_chu', 'FAR-1,4G,21.0,105.8,x',
      ...Array.from({ length: 12_000 }, (_, i) => `E-${i},XG,10.4,105.4,x`)];
    const u = await preview(writeTemp('many.csv', csv(lines)), 'many.csv');
    expect(u.counts).toMatchObject({ errorRows: 12_000, warnings: 2, create: 1 });
    const all = (await findIssuePage(database.db, u.id, { offset: 0, limit: 500 })).rows;
    expect(all.slice(0, 3).map((i) => [i.row, i.code])).toEqual([[null, 'unknown_column'], [2, 'outside_areas'], [3, 'unknown_technology']]);
    const late = await findIssuePage(database.db, u.id, { offset: 11_000, limit: 500 });
    expect(late.total).toBe(12_002);
    expect(late.rows.map((i) => i.row)).toEqual(Array.from({ length: 500 }, (_, i) => 11_001 + i));
  });

  it('a total line under the table (Tổng cộng, Total) is left out with a warning, not a row in error; a code like TONG-01 is not one', async () => {
    const u = await preview(writeTemp('total.csv', csv(['station_code,technology,latitude,longitude', 'T-1,4G,10.4,105.4', 'T-2,5G,10.41,105.41',
      'Tổng cộng,2 trạm,,', 'TOTAL:,2,,', 'TONG-01,4G,,'])), 'total.csv');
    expect(u.counts).toMatchObject({ create: 2, errorRows: 1 });
    const issues = (await findIssuePage(database.db, u.id, { offset: 0, limit: 50, lang: 'vi' })).rows;
    expect(issues.filter((i) => i.code === 'total_row').map((i) => [i.row, i.severity, i.value, i.message])).toEqual([
      [4, 'warning', 'Tổng cộng', 'Dòng này là dòng tổng cộng ("Tổng cộng"), không phải một trạm: đã được bỏ qua'],
      [5, 'warning', 'TOTAL:', 'Dòng này là dòng tổng cộng ("TOTAL:"), không phải một trạm: đã được bỏ qua'],
    ]);
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.row)).toEqual([6, 6]);
  });

  it('outside every area is an error when configured', async () => {
    const path = writeTemp('o.csv', csv(['station_code,technology,latitude,longitude', 'FAR,4G,21,105.8', 'IN,4G,10.4,105.4']));
    const u = await previewUpload(uploadDeps(database, { uploadOutsideArea: 'error' }), { path, fileName: 'o.csv', operator: 'VIETTEL', mode: 'merge', uploadedBy: 't' });
    expect(u.counts).toMatchObject({ create: 1, errorRows: 1 });
  });

  it('refuses unreadable files with a clear 4xx and saves nothing', async () => {
    const cases: [string, string | Buffer, RegExp, number][] = [
      ['nohead.csv', csv(['foo,bar', '1,2']), /Required columns missing: station_code, technology, latitude, longitude/, 422],
      ['dup.csv', csv(['code,Mã trạm,technology,lat,lon']), /"code", "Mã trạm" name the same field more than once \(station_code\)/, 422],
      ['empty.csv', '', /empty/, 422],
      ['quote.csv', csv(['station_code,technology,latitude,longitude', 'A,"4G,1,2']), /cannot be read/, 422],
      ['fake.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not an Excel .xlsx/, 422],
      ['bad.geojson', '{"type":"Feature"', /not valid JSON/, 422],
      ['old.xls', 'x', /\.xls/, 422],
    ];
    const before = await snapshotStations(database);
    const { length: uploadsBefore } = await database.db.selectFrom('operators').selectAll().execute();
    for (const [name, body, message, status] of cases) {
      const err = await preview(writeTemp(name, body), name).then(() => null, (e: unknown) => e as { status: number; message: string });
      expect(err, name).not.toBeNull();
      expect(err!.message, name).toMatch(message);
      expect(err!.status, name).toBe(status);
    }
    expect(await snapshotStations(database)).toEqual(before);
    expect(uploadsBefore).toBe(4);
  });

  it('limits: too many rows and too many bytes, with the setting to change', async () => {
    const path = writeTemp('big.csv', csv(['station_code,technology,latitude,longitude', ...Array.from({ length: 11 }, (_, i) => `L${i},4G,10.4,105.4`)]));
    const rows = await previewUpload(uploadDeps(database, { uploadMaxRows: 10 }), { path, fileName: 'big.csv', operator: 'VIETTEL', mode: 'merge', uploadedBy: 't' }).catch((e) => e);
    expect(rows).toMatchObject({ status: 413, message: expect.stringMatching(/more than 10 rows.*UPLOAD_MAX_ROWS/) });
    const bytes = await previewUpload(uploadDeps(database, { uploadMaxBytes: 100 }), { path, fileName: 'big.csv', operator: 'VIETTEL', mode: 'merge', uploadedBy: 't' }).catch((e) => e);
    expect(bytes).toMatchObject({ status: 413, message: expect.stringMatching(/UPLOAD_MAX_BYTES/) });
  });
});
