import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { renderFileProblem } from '../../server/uploads/upload-messages.js';
import { detectFormat, readUploadRows } from '../../server/uploads/upload-read.js';
import { csv, writeTemp } from './upload-fixtures.js';

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
      ['fake.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 422, 'not_xlsx', {}, /^Đây không phải tệp Excel \.xlsx/],
      ['bad.geojson', '{"type":"Feature"', 422, 'geojson_truncated', { detail: expect.any(String) }, /^Tệp GeoJSON không phải JSON hợp lệ \(tệp kết thúc quá sớm\): tệp bị cắt ngắn/],
      ['broken.geojson', '{"type":"FeatureCollection",\n"features":[}', 422, 'geojson_not_json', { kind: 'token', near: '}', detail: expect.any(String) },
        /^Tệp GeoJSON không phải JSON hợp lệ: gặp "\}" ở chỗ cần một giá trị/],
      ['nan.geojson', '{"type":"FeatureCollection",\n"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.4, NaN]}}]}', 422, 'geojson_not_json',
        { line: 2, near: '"Point","coordinates":[105.4, NaN]}}]}', detail: expect.any(String) }, /^Tệp GeoJSON không phải JSON hợp lệ: dòng 2, gần ".*\[105\.4, NaN\].*"\. Hãy kiểm tra dòng đó/],
      ['seq.geojson', '{"type":"Feature","geometry":{"type":"Point","coordinates":[105.4,10.4]},"properties":{}}\n{"type":"Feature"}\n', 422, 'geojson_sequence',
        { type: 'Feature', detail: expect.any(String) }, /^Tệp chứa nhiều đối tượng GeoJSON nối tiếp nhau \(đối tượng đầu tiên là Feature\)/],
      ['point.geojson', '{"type":"Feature","features":[]}', 422, 'geojson_not_collection', { type: 'Feature' }, /FeatureCollection gồm các đối tượng Point; tệp này lại là kiểu Feature\.$/],
      ['array.geojson', '[1]', 422, 'geojson_not_geojson', {}, /tệp này không phải là đối tượng GeoJSON\.$/],
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

  it('the detail keys clients read before stay beside reason and params', async () => {
    const rows = await refusal(writeTemp('r.csv', csv(['station_code,technology,latitude,longitude', 'A,4G,1,1', 'B,4G,1,1'])), 'r.csv', { maxRows: 1 });
    expect(rows.details).toEqual({ reason: 'too_many_rows', params: { max: 1 }, maxRows: 1 });
    const dup = await refusal(writeTemp('d.csv', csv(['code,Mã trạm,technology,lat,lon'])), 'd.csv');
    expect(dup.details).toMatchObject({ duplicates: [{ field: 'station_code', headers: ['code', 'Mã trạm'] }] });
    const missing = await refusal(writeTemp('m.csv', csv(['foo,,bar', '1,2,3'])), 'm.csv');
    expect(missing.details).toMatchObject({ missing: ['station_code', 'technology', 'latitude', 'longitude'], headers: ['foo', '', 'bar'], params: { headers: ['foo', 'bar'] } });
  });
});
