import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { findChanges, findIssuePage } from '../../server/uploads/uploads.repository.js';
import { commitUpload } from '../../server/uploads/upload-commit.service.js';
import { previewUpload } from '../../server/uploads/uploads.service.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea, uploadDeps, writeTemp, writeXlsx } from './upload-fixtures.js';

/*
 * QA's files of single-value mistakes (c14–c20, c22, c32, x10), cut to a row or two each and
 * uploaded whole: what each row gives, stored and rendered by the database in both languages.
 */

const TODAY = '2026-12-01';
const HEADER = 'station_code,technology,latitude,longitude,status,commissioned_on,decommissioned_on,name,operator';
// [row, expected issue keys (code.kind severity)]; rows start on line 2. Every point is in the test square.
const ROWS: [string, string[]][] = [
  ['QA-C14-001,4G,"10°22\'30""N","105°26\'04""E",on_air,2023-05-01,,DMS,', []],
  ['QA-C14-002,4G,10 22 30,105 26 04,on_air,2023-05-01,,DMS spaces,', ['bad_number.dms_spaces error', 'bad_number.dms_spaces error']],
  ['QA-C13-005,4G,1.03777E+01,1.05428E+02,on_air,2023-05-01,,scientific,', []],
  ['QA-C13-007,4G,"10.377,9",105.4,on_air,2023-05-01,,two marks,', ['bad_number.separators error']],
  ['QA-C15-002,4G,0,0,on_air,2023-05-01,,null island,', ['no_coordinates error']],
  ['QA-C15-006,4G,-10.3771,105.4271,on_air,2023-05-01,,sign,', ['outside_vietnam.sign error']],
  ['QA-C15-012,4G,48.8566,2.3522,on_air,2023-05-01,,Paris,', ['outside_vietnam error']],
  ['QA-C16-015,4G,10.3714,105.427,on_air,15/03/2024 00:00,,time,', []],
  ['QA-C16-007,4G,10.3706,105.427,on_air,3/15/2024,,US,', ['bad_date.us_order error']],
  ['QA-C16-018,4G,10.3717,105.427,on_air,1899-12-31,,old,', ['bad_date.year_range error']],
  ['QA-C16B-002,4G,10.3702,105.427,on_air,2020-01-01,2021-01-01,on air ended,', ['status_conflict error']],
  ['QA-C16B-007,4G,10.3707,105.427,planned,,2021-01-01,planned ended,', ['status_conflict.planned error']],
  ['QA-C17-004,LTE-A,10.3703,105.429,on_air,2023-01-01,,LTE-A,', []],
  ['QA-C17-011,5G NSA,10.371,105.429,on_air,2023-01-01,,5G NSA,', []],
  ['QA-C17-020,4G+5G,10.3719,105.429,on_air,2023-01-01,,both,', ['unknown_technology.both error']],
  ['QA-C18-013,4G,10.3712,105.431,Tạm dừng,2023-01-01,,suspended,', ['unknown_status.suspended error']],
  ['QA-C18-020,4G,10.3719,105.431,Đã phát sóng,2023-01-01,,on air,', []],
  ['QA-C20-004,4G,10.3703,105.433,on_air,2023-01-01,,op,Viettel An Giang', []],
  ['QA-C20-009,4G,10.3708,105.433,on_air,2023-01-01,,op,VinaPhone', ['other_operator error']],
  ['QA-C20-099,4G,10.3709,105.433,on_air,2023-01-01,,op,Công ty ABC', ['unknown_operator error']],
  ['QA-C22-007,4G,10.3771,105.4271,on_air,2023-05-01,,bidi \u202Eevil\u202C,', ['bad_text.invisible error']],
  ['QA-C22-008,4G,10.3771,105.4271,on_air,2023-05-01,,c1\u0085char,', ['bad_text.control_chars error']],
  ['QA-C07-002,4G,10.379,105.427,on_air,2023-05-01,,"Dòng 1\nDòng 2",', ['bad_text.line_breaks warning']],
  ['N/A,4G,10.3771,105.4271,on_air,2023-05-01,,N/A code,', ['missing_value.placeholder error']],
  ['QA-C32-011,4G,#N/A,105.4,on_air,N/A,-,excel NA,', ['missing_value.placeholder error']],
];

describe(`single cell values from QA's files (${dbKind()})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
  });
  const preview = (path: string, fileName: string) =>
    previewUpload(uploadDeps(database), { path, fileName, operator: 'VIETTEL', mode: 'merge', uploadedBy: 'qa', today: TODAY });
  const keyOf = (i: { code: string; severity: string; params: unknown }) => {
    const kind = (i.params as { kind?: unknown } | null)?.kind;
    return `${i.code}${typeof kind === 'string' ? `.${kind}` : ''} ${i.severity}`;
  };

  it('CSV: every row its reasons, the rows with only a warning kept', async () => {
    const u = await preview(writeTemp('qa.csv', csv([HEADER, ...ROWS.map(([r]) => r)])), 'qa.csv');
    const { rows: issues } = await findIssuePage(database.db, u.id, { offset: 0, limit: 500 });
    ROWS.forEach(([, expected], i) => expect(issues.filter((x) => x.row === i + 2).map(keyOf), ROWS[i]![0]).toEqual(expected));
    const kept = ROWS.filter(([, e]) => e.every((k) => k.endsWith('warning'))).length;
    expect(u.counts).toMatchObject({ create: kept, errorRows: ROWS.length - kept, warnings: 1 });
    const changes = await findChanges(database.db, u.id);
    expect(changes.find((c) => c.code === 'QA-C07-002')!.after.name).toBe('Dòng 1 Dòng 2');
    expect(changes.find((c) => c.code === 'QA-C14-001')!.after).toMatchObject({ lat: 10.375, lon: 105.434444444 }); // kept to 9 decimals
    expect(changes.find((c) => c.code === 'QA-C32-011')).toBeUndefined();
  });

  it('the new reasons in Vietnamese, as the database renders and finds them', async () => {
    const u = await preview(writeTemp('qa.csv', csv([HEADER, ...ROWS.map(([r]) => r)])), 'qa.csv');
    const find = async (q: string) => (await findIssuePage(database.db, u.id, { offset: 0, limit: 50, lang: 'vi', q })).rows;
    expect((await find('dau tru bi ghi nham')).map((i) => i.row)).toEqual([7]);
    expect((await find('thang va ngay bi doi cho')).map((i) => i.message)).toEqual([
      'Ngày phát sóng "3/15/2024" không phải là ngày có thật khi đọc theo ngày/tháng/năm: có phải tháng và ngày bị đổi chỗ? Ngày ghi theo ngày/tháng/năm (15/03/2024)',
    ]);
    expect((await find('khong nhan ra ten nha mang')).map((i) => i.row)).toEqual([21]);
    expect((await find('Alt+Enter')).map((i) => i.severity)).toEqual(['warning']);
    // The C1 control is shown escaped, as C0 ones are.
    expect((await find('c1\\u0085')).map((i) => i.value)).toEqual(['c1\\u0085char']);
  });

  it('XLSX: a name with Alt+Enter is kept with one space and a warning (QA x10 row 3)', async () => {
    const path = await writeXlsx('x10.xlsx', [{ name: 'Sheet1', rows: [HEADER.split(','), ['QA-X10-002', '4G', 10.382, 105.432, 'on_air', null, null, 'line1\nline2 (Alt+Enter)']] }]);
    const u = await preview(path, 'x10.xlsx');
    expect(u.counts).toMatchObject({ create: 1, errorRows: 0, warnings: 1 });
    expect((await findChanges(database.db, u.id))[0]!.after.name).toBe('line1 line2 (Alt+Enter)');
  });

  it('XLSX: a computed coordinate (105.43100000000001) is stored as 105.431; the same list as CSV after it changes nothing', async () => {
    await resetWithOneArea(database);
    const path = await writeXlsx('noise.xlsx', [{ name: 'Sheet1', rows: [['station_code', 'technology', 'latitude', 'longitude'],
      ['QA-N-1', '4G', 10.3 + 0.082, 105.43100000000001], ['QA-N-2', '5G', 10.375000000000002, 105.43100000000001]] }]);
    const first = await preview(path, 'noise.xlsx');
    expect(first.counts).toMatchObject({ create: 2, errorRows: 0 });
    expect((await findChanges(database.db, first.id)).map((c) => [c.after.lat, c.after.lon])).toEqual([[10.382, 105.431], [10.375, 105.431]]);
    await commitUpload(database.db, first.id, 'qa');
    const again = await preview(writeTemp('noise.csv', csv(['station_code,technology,latitude,longitude', 'QA-N-1,4G,10.382,105.431', 'QA-N-2,5G,10.375,105.431'])), 'noise.csv');
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
  });

  it('XLSX: a formula whose cached result is an error (#DIV/0!, #REF!) is that error, in both languages', async () => {
    await resetWithOneArea(database);
    const path = await writeXlsx('errors.xlsx', [{ name: 'Sheet1', rows: [['station_code', 'technology', 'latitude', 'longitude', 'name'],
      ['QA-F-1', '4G', { formula: '1/0', result: { error: '#DIV/0!' } }, 105.43, 'ok'],
      [{ formula: 'VLOOKUP(A9,Z:Z,1,0)', result: { error: '#REF!' } }, '5G', 10.38, 105.43, 'ok'],
      ['QA-F-3', '4G', 10.38, 105.43, { formula: 'B4&C4', result: 'Trạm F3' }]] }]);
    const u = await preview(path, 'errors.xlsx');
    expect(u.counts).toMatchObject({ create: 1, errorRows: 2 });
    const vi = (await findIssuePage(database.db, u.id, { offset: 0, limit: 10, lang: 'vi' })).rows;
    expect(vi.map((i) => [i.row, i.code, i.field, i.value])).toEqual([[2, 'formula_error', 'latitude', '#DIV/0!'], [3, 'formula_error', 'station_code', '#REF!']]);
    expect(vi[1]!.message).toMatch(/^Mã trạm hiện lỗi #REF! của Excel/);
    expect((await findChanges(database.db, u.id)).map((c) => c.after.name)).toEqual(['Trạm F3']);
  });
});
