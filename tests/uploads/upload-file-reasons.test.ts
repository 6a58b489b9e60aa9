import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { renderFileProblem } from '../../server/uploads/upload-messages.js';
import { detectFormat, readUploadRows } from '../../server/uploads/upload-read.js';
import { csv, writeTemp, writeXlsx } from './upload-fixtures.js';

/* A file refused whole (422/413) says why as `details.reason` + `details.params`, so a client can say it in Vietnamese. */

async function refusal(path: string, name: string, opts: { sheet?: string; maxRows?: number } = {}): Promise<AppError> {
  try {
    const format = await detectFormat(path, name);
    for await (const _ of readUploadRows(path, { format, sheet: opts.sheet, maxRows: opts.maxRows ?? 100 }, { recognised: {}, unknown: [] })) { /* read to the end */ }
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`${name} was read`);
}

describe('whole-file refusals carry a reason and its parameters', () => {
  it('each reader problem: stable reason, the same HTTP code as before, the English message rendered from it', async () => {
    const cases: [string, string | Buffer, number, string, Record<string, unknown>, RegExp][] = [
      ['nohead.csv', csv(['foo,bar', '1,2']), 422, 'missing_columns', { missing: ['station_code', 'technology', 'latitude', 'longitude'], row: 1, headers: ['foo', 'bar'] }, /^Thiếu cột bắt buộc: Mã trạm, Công nghệ, Vĩ độ, Kinh độ\. Dòng tiêu đề \(dòng 1\) có: "foo", "bar"/],
      ['dup.csv', csv(['code,Mã trạm,technology,lat,lon']), 422, 'ambiguous_columns', { headers: ['code', 'Mã trạm'], fields: ['station_code'] }, /^Cột bị trùng: "code", "Mã trạm" cùng chỉ một trường \(Mã trạm\)/],
      ['empty.csv', '', 422, 'empty_file', {}, /^Tệp trống/],
      ['quote.csv', csv(['station_code,technology,latitude,longitude', 'A,"4G,1,2']), 422, 'csv_unreadable', { line: expect.any(Number), detail: expect.any(String) }, /^Không đọc được tệp CSV sau dòng \d+: /],
      ['latin1.csv', Buffer.from('M\xe3 tr\xe1m,technology,latitude,longitude\n', 'latin1'), 422, 'not_utf8_header', {}, /^Tệp không phải văn bản UTF-8/],
      ['fake.xlsx', 'station_code\n', 422, 'not_xlsx', {}, /^Đây không phải tệp Excel \.xlsx/],
      ['bad.geojson', '{"type":"Feature"', 422, 'geojson_not_json', { detail: expect.any(String) }, /^Tệp GeoJSON không phải JSON hợp lệ: /],
      ['point.geojson', '{"type":"Feature","features":[]}', 422, 'geojson_not_collection', {}, /FeatureCollection gồm các đối tượng Point/],
      ['old.xls', 'x', 422, 'xls_file', {}, /^Không đọc được tệp Excel cũ dạng \.xls/],
      ['rows.csv', csv(['station_code,technology,latitude,longitude', ...Array.from({ length: 3 }, (_, i) => `R${i},4G,10.4,105.4`)]), 413, 'too_many_rows', { max: 2 }, /^Tệp có hơn 2 dòng/],
    ];
    for (const [name, body, status, reason, params, vi] of cases) {
      const err = await refusal(writeTemp(name, body), name, { maxRows: 2 });
      expect(err.status, name).toBe(status);
      expect(err.details, name).toMatchObject({ reason, params });
      const d = err.details as { reason: string; params: unknown };
      expect(renderFileProblem(d.reason, d.params, 'en'), name).toBe(err.message);
      expect(renderFileProblem(d.reason, d.params, 'vi'), name).toMatch(vi);
    }
  });

  it('a sheet that is not there names the sheets that are; older detail keys are kept', async () => {
    const path = await writeXlsx('s.xlsx', [{ name: 'Ghi chú', rows: [['x']] }, { name: 'Sheet2', rows: [['y']] }]);
    const err = await refusal(path, 's.xlsx', { sheet: 'Trạm' });
    expect(err.details).toEqual({ reason: 'xlsx_sheet_missing', params: { sheet: 'Trạm', sheets: ['Ghi chú', 'Sheet2'] }, sheets: ['Ghi chú', 'Sheet2'] });
    expect(renderFileProblem('xlsx_sheet_missing', (err.details as { params: unknown }).params, 'vi'))
      .toBe('Tệp Excel không có trang tính tên "Trạm"; các trang tính hiện có: Ghi chú, Sheet2.');
    const rows = await refusal(writeTemp('r.csv', csv(['station_code,technology,latitude,longitude', 'A,4G,1,1', 'B,4G,1,1'])), 'r.csv', { maxRows: 1 });
    expect(rows.details).toMatchObject({ maxRows: 1 });
  });
});
