import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { renderFileProblem } from '../../server/uploads/upload-messages.js';
import { detectFormat, readUploadRows } from '../../server/uploads/upload-read.js';
import { Uncomputed, type ColumnReport, type ParsedRow } from '../../server/uploads/upload-source.js';
import { XLSX_MAX_TEXT_RUN } from '../../server/uploads/upload-xlsx-layout.js';
import ExcelJS from '../../server/xlsx/exceljs.js';
import { csv, writeTemp, xlsxBuffer } from './upload-fixtures.js';
import { workbookZip, zipOf } from './upload-zip-fixture.js';

/* Files of every kind, whatever their name says: what is read, and what is refused with which reason. */

const HEADER = ['station_code', 'technology', 'latitude', 'longitude'];

async function read(body: string | Buffer, name: string) {
  const path = writeTemp(name, body);
  const format = await detectFormat(path, name);
  const columns: ColumnReport = { recognised: {}, unknown: [] };
  const rows: ParsedRow[] = [];
  for await (const r of readUploadRows(path, { format, maxRows: 100 }, columns)) rows.push(r);
  return { format, rows, columns };
}

async function refusal(body: string | Buffer, name: string): Promise<AppError> {
  const err = await read(body, name).then(() => null, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`${name}: expected a refusal, got ${String(err)}`);
  return err;
}

const reasonOf = (err: AppError) => (err.details as { reason: string }).reason;

describe('zips that are not workbooks, and workbooks that are not zips', () => {
  it.each([
    ['an OpenDocument spreadsheet', 'tram.ods', zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }), 'ods_file', /^This is an OpenDocument spreadsheet \(\.ods\).*save it as \.xlsx or as CSV UTF-8/],
    ['the same, named .xlsx', 'tram.xlsx', zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), 'ods_file', /OpenDocument/],
    ['a zipped shapefile', 'tram.zip', zipOf({ 'tram.shp': Buffer.alloc(100), 'tram.dbf': Buffer.alloc(10), 'tram.shx': Buffer.alloc(10) }), 'shapefile_zip', /^This is a zipped shapefile, not an Excel workbook: export the stations as GeoJSON/],
    ['any other zip', 'tram.xlsx', zipOf({ 'readme.txt': 'hello' }), 'xlsx_not_workbook', /^The file is a zip but not an Excel workbook/],
    ['an old .xls named .xlsx', 'tram.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), 'xls_file', /^Old Excel \.xls files are not read/],
    ['an old .xls named .csv', 'tram.csv', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), 'xls_file', /\.xls/],
    ['a PNG named .xlsx', 'tram.xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]), 'not_xlsx', /^This is not an Excel \.xlsx file/],
  ])('%s: refused with its own reason', async (_label, name, body, reason, message) => {
    const err = await refusal(body, name);
    expect(err.status).toBe(422);
    expect(reasonOf(err)).toBe(reason);
    expect(err.message).toMatch(message);
    expect(renderFileProblem(reason, {}, 'vi')).toMatch(/[À-ỹđĐ]/);
  });

  it('an .xlsx cut short (an interrupted download) says so, without the zip library\'s FILE_ENDED', async () => {
    const whole = await xlsxBuffer([{ name: 'Trạm', rows: [HEADER, ['A', '4G', 10.4, 105.4]] }]);
    for (const keep of [200, Math.floor(whole.length / 2), whole.length - 10]) {
      const err = await refusal(whole.subarray(0, keep), 'tram.xlsx');
      expect(reasonOf(err), `${keep} of ${whole.length} bytes`).toBe('xlsx_truncated');
      expect(err.message).toBe('The Excel file is cut short (an interrupted download or copy): upload it again, or save it again from Excel.');
    }
  });

  it('a CSV named .xlsx is read as the CSV it is (the preview says so: tests/uploads/upload-file-notices.test.ts)', async () => {
    const { format, rows } = await read(csv([HEADER.join(','), 'A,4G,10.4,105.4']), 'stations.xlsx');
    expect(format).toBe('csv');
    expect(rows).toEqual([{ rowNumber: 2, values: { station_code: 'A', technology: '4G', latitude: '10.4', longitude: '105.4' } }]);
    // In a legacy code page too: text is text; the CSV reader then says whether it is UTF-8.
    expect((await read(Buffer.from('station_code,technology,latitude,longitude\nTr\xe1m,4G,10.4,105.4\n', 'latin1'), 'old.xlsx')).format).toBe('csv');
  });
});

describe('the workbook pre-pass refuses with reasons too', () => {
  it('no such sheet, no visible sheet, too big unpacked: reason and params, said in Vietnamese as well', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trạm').addRow(HEADER);
    wb.addWorksheet('Cũ', { state: 'hidden' }).addRow(HEADER);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const path = writeTemp('sheets.xlsx', body);
    const missing = await (async () => { for await (const _ of readUploadRows(path, { format: 'xlsx', sheet: 'Sheet1', maxRows: 10 }, { recognised: {}, unknown: [] })) { /* */ } })()
      .then(() => null, (e: unknown) => e as AppError);
    expect(missing!.details).toMatchObject({ reason: 'xlsx_sheet_missing', params: { sheet: 'Sheet1', sheets: ['Trạm'], hidden: ['Cũ'] }, sheets: [{ name: 'Trạm', hidden: false }, { name: 'Cũ', hidden: true }] });
    expect(renderFileProblem('xlsx_sheet_missing', (missing!.details as { params: unknown }).params, 'vi'))
      .toBe('Tệp Excel không có trang tính tên "Sheet1"; các trang tính hiện có: Trạm; các trang tính bị ẩn: Cũ.');

    const hidden = new ExcelJS.Workbook();
    hidden.addWorksheet('Ẩn', { state: 'hidden' }).addRow(HEADER);
    const none = await refusal(Buffer.from(await hidden.xlsx.writeBuffer()), 'hidden.xlsx');
    expect(none.details).toMatchObject({ reason: 'xlsx_no_visible_sheet', params: { sheets: ['Ẩn'] } });

    // Central directory headers (PK\x01\x02): the uncompressed size is at offset 24.
    for (let i = body.indexOf('PK\x01\x02'); i >= 0; i = body.indexOf('PK\x01\x02', i + 4)) body.writeUInt32LE(0x7fffffff, i + 24);
    const big = await refusal(body, 'bomb.xlsx');
    expect(big.details).toMatchObject({ reason: 'xlsx_unpacks_too_big', params: { size: expect.any(Number), max: 1024 * 1024 * 1024 } });
    expect(renderFileProblem('xlsx_unpacks_too_big', (big.details as { params: unknown }).params, 'vi')).toMatch(/^Tệp Excel khi giải nén lên tới [\d,]+ MB, quá lớn đối với một danh sách trạm \(tối đa 1024,0 MB\)/);
  });
});

describe('Excel parts that would make ExcelJS hold gigabytes are refused before it reads them', () => {
  const long = 'A'.repeat(XLSX_MAX_TEXT_RUN + 1);

  it('a shared string longer than 1 MB', async () => {
    const body = await xlsxBuffer([{ name: 'Trạm', rows: [HEADER, ['A', '4G', 10.4, 105.4], ['B', long, 10.4, 105.4]] }]);
    const err = await refusal(body, 'huge.xlsx');
    expect(reasonOf(err)).toBe('xlsx_text_too_long');
    expect(renderFileProblem('xlsx_text_too_long', (err.details as { params: unknown }).params, 'vi')).toMatch(/^Tệp Excel có một đoạn văn bản dài hơn 1,0 MB/);
  });

  it('an inline string, or a run of spaces between two cells, longer than 1 MB', async () => {
    const row = (inner: string) => `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>station_code</t></is></c></row>${inner}</sheetData></worksheet>`;
    for (const inner of [`<row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c></row>`, ' '.repeat(XLSX_MAX_TEXT_RUN + 1), `<row r="2" ${'x'.repeat(XLSX_MAX_TEXT_RUN)}="1"/>`]) {
      expect(reasonOf(await refusal(workbookZip(row(inner)), 'bomb.xlsx'))).toBe('xlsx_text_too_long');
    }
  });

  it('long texts below the limit, spread over many chunks, are read', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `${'Trạm Mỹ Hòa '.repeat(2000)}${i}`); // ~24 kB each, 1 MB in all
    const body = await xlsxBuffer([{ name: 'Trạm', rows: [[...HEADER, 'name'], ...names.map((n, i) => [`S${i}`, '4G', 10.4, 105.4, n])] }]);
    const { rows } = await read(body, 'long.xlsx');
    expect(rows.map((r) => r.values.name)).toEqual(names);
  });
});

describe('Excel formulas', () => {
  it('a formula saved without its result is an Uncomputed cell, not an empty one; a cached result is the value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Trạm');
    ws.addRow(HEADER);
    ws.addRow(['F-1', '4G', { formula: '10+0.381', result: 10.381 }, 105.4]);
    ws.addRow(['F-2', '4G', { formula: '10+0.382' }, 105.4]);
    const { rows } = await read(Buffer.from(await wb.xlsx.writeBuffer()), 'formulas.xlsx');
    expect(rows[0]!.values.latitude).toBe(10.381);
    expect(rows[1]!.values.latitude).toEqual(new Uncomputed('10+0.382'));
  });
});

describe('a file with a header and no station is refused', () => {
  it.each([
    ['CSV, header only', 'h.csv', csv([HEADER.join(',')]), 1],
    ['CSV, header then blank lines and empty cells', 'b.csv', csv(['Báo cáo', HEADER.join(','), '', ',,,', '']), 2],
  ])('%s: no_stations with the header row', async (_label, name, body, row) => {
    const err = await refusal(body, name);
    expect(err.details).toMatchObject({ reason: 'no_stations', params: { row } });
    expect(err.message).toBe(`The file has no stations: there is no row below the header (row ${row}).`);
  });

  it('Excel, header only; GeoJSON without features', async () => {
    expect(reasonOf(await refusal(await xlsxBuffer([{ name: 'Trạm', rows: [HEADER] }]), 'h.xlsx'))).toBe('no_stations');
    const err = await refusal(JSON.stringify({ type: 'FeatureCollection', features: [] }), 'none.geojson');
    expect(err).toMatchObject({ status: 422, message: 'The GeoJSON file has no features: there is no station in it.' });
  });
});

describe('cells beyond the header (CSV)', () => {
  it('a row that splits into more cells than the header has is marked (a warning: the coordinates say what is wrong), trailing empty cells are not', async () => {
    const { rows } = await read(csv([HEADER.join(','), 'QA-1,4G,10,3771,105,4271', 'QA-2,4G,10.4,105.4,,,', 'QA-3,4G,10.4,105.4']), 'c.csv');
    expect(rows.map((r) => [r.rowNumber, r.problems ?? []])).toEqual([
      [2, [{ code: 'extra_cells', params: { cells: 6, columns: 4 }, severity: 'warning' }]], [3, []], [4, []],
    ]);
    expect(rows[0]!.values).toEqual({ station_code: 'QA-1', technology: '4G', latitude: '10', longitude: '3771' });
  });

  it('the header\'s width is its last named column; a note beside the table is ignored with a warning in CSV, and read the same in Excel', async () => {
    const { rows } = await read(csv([`${HEADER.join(',')},Ghi chú,,`, 'A,4G,10.4,105.4,note', 'B,4G,10.4,105.4,note,more']), 'w.csv');
    expect(rows.map((r) => r.problems?.[0] ?? null)).toEqual([null, { code: 'extra_cells', params: { kind: 'notes', cells: 6, columns: 5 }, severity: 'warning' }]);
    const xlsx = await read(await xlsxBuffer([{ name: 'Trạm', rows: [HEADER, ['A', '4G', 10.4, 105.4, null, 'ghi chú bên cạnh']] }]), 'n.xlsx');
    expect(xlsx.rows[0]!.problems).toBeUndefined();
  });
});
