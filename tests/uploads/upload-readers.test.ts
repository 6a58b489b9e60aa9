import { describe, expect, it } from 'vitest';
import { readUploadRows, type ReadOptions } from '../../server/uploads/upload-read.js';
import type { ColumnReport, ParsedRow } from '../../server/uploads/upload-source.js';
import ExcelJS from '../../server/xlsx/exceljs.js';
import { csv, writeTemp, writeXlsx, xlsxBuffer } from './upload-fixtures.js';

/* The readers alone (no database): row numbers, where the header is, and GeoJSON read as a stream. */

async function readAll(path: string, format: ReadOptions['format'], extra: Partial<ReadOptions> = {}) {
  const columns: ColumnReport = { recognised: {}, unknown: [] };
  const rows: ParsedRow[] = [];
  for await (const r of readUploadRows(path, { format, maxRows: 1000, ...extra }, columns)) rows.push(r);
  return { rows, columns };
}

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { status: number; message: string });

describe('CSV row numbers are the rows a spreadsheet shows', () => {
  it('counts an empty line as a row and a cell with line breaks as one row', async () => {
    const path = writeTemp('rows.csv', csv([
      'station_code,technology,latitude,longitude,name',
      'A,4G,10.4,105.4,"two\nlines"',
      '',
      'B,5G,10.4,105.4,x',
    ], '\r\n'));
    const { rows } = await readAll(path, 'csv');
    expect(rows.map((r) => [r.rowNumber, r.values.station_code])).toEqual([[2, 'A'], [4, 'B']]);
    expect(rows[0]!.values.name).toBe('two\nlines');
  });

  it.each([
    ['tab, UTF-16 with BOM (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mã trạm\tCông nghệ\tVĩ độ\tKinh độ\r\nT-1\t4G\t10,4\t105,4\r\n', 'utf16le')]), 2],
    ['tab, UTF-16 big-endian with BOM (database and Java exports)', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Mã trạm\tCông nghệ\tVĩ độ\tKinh độ\r\nT-1\t4G\t10,4\t105,4\r\n', 'utf16le').swap16()]), 2],
    ['tab, UTF-8', 'Mã trạm\tCông nghệ\tVĩ độ\tKinh độ\nT-1\t4G\t10,4\t105,4\n', 2],
    ['bar', 'Mã trạm|Công nghệ|Vĩ độ|Kinh độ\nT-1|4G|10,4|105,4\n', 2],
    ['a "sep=;" line first (Excel hides it: the header is row 1)', 'sep=;\r\nMã trạm;Công nghệ;Vĩ độ;Kinh độ\r\nT-1;4G;10,4;105,4\r\n', 2],
  ])('separators: %s', async (_label, body, row) => {
    const { rows } = await readAll(writeTemp('sep.csv', body), 'csv');
    expect(rows).toEqual([{ rowNumber: row, values: { station_code: 'T-1', technology: '4G', latitude: '10,4', longitude: '105,4' } }]);
  });

  it('UTF-16 big-endian longer than a read chunk: no character cut between two chunks', async () => {
    const lines = ['Mã trạm,Công nghệ,Vĩ độ,Kinh độ,Tên trạm', ...Array.from({ length: 4000 }, (_, i) => `BE-${i},4G,10.4,105.4,Trạm Mỹ Hòa ${i}`)];
    const body = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le').swap16()]);
    const { rows } = await readAll(writeTemp('be.csv', body), 'csv', { maxRows: 10_000 });
    expect(rows).toHaveLength(4000);
    expect(rows.every((r, i) => r.values.name === `Trạm Mỹ Hòa ${i}`)).toBe(true);
  });

  it('any line ending ends a row, also mixed in one file', async () => {
    const path = writeTemp('eol.csv', 'station_code,technology,latitude,longitude\r\nA,4G,10.4,105.4\nB,4G,10.4,105.4\rC,4G,10.4,105.4\r\n');
    const { rows } = await readAll(path, 'csv');
    expect(rows.map((r) => [r.rowNumber, r.values.station_code, r.values.longitude])).toEqual([[2, 'A', '105.4'], [3, 'B', '105.4'], [4, 'C', '105.4']]);
  });
});

describe('title rows above the header', () => {
  const table = [
    ['DANH SÁCH TRẠM BTS — VIETTEL AN GIANG'],
    ['Ngày xuất: 01/11/2025', '', ''],
    [],
    ['Mã trạm', 'Công nghệ', 'Vĩ độ', 'Kinh độ'],
    ['AG-1', '4G', '10,4', '105,4'],
  ];

  it('CSV: finds the header on the first row naming every required column, and says which row it was', async () => {
    const path = writeTemp('title.csv', csv(table.map((r) => r.join(';'))));
    const { rows, columns } = await readAll(path, 'csv');
    expect(columns.headerRow).toBe(4);
    expect(rows).toEqual([{ rowNumber: 5, values: { station_code: 'AG-1', technology: '4G', latitude: '10,4', longitude: '105,4' } }]);
  });

  it('Excel: the same, with Excel row numbers', async () => {
    const path = await writeXlsx('title.xlsx', [{ name: 'Trạm', rows: table }]);
    const { rows, columns } = await readAll(path, 'xlsx');
    expect(columns.headerRow).toBe(4);
    expect(rows.map((r) => r.rowNumber)).toEqual([5]);
  });

  it('no header among the first rows: the first row is taken as the header and its missing columns are named', async () => {
    const path = writeTemp('nohead.csv', csv(['Báo cáo tháng 11', 'foo,bar', ...Array.from({ length: 30 }, (_, i) => `${i},x`)]));
    const err = await failure(readAll(path, 'csv'));
    expect(err).toMatchObject({ status: 422 });
    expect(err!.message).toMatch(/Required columns missing: station_code, technology, latitude, longitude\. The header row \(row 1\) has: "Báo cáo tháng 11"/);
  });

  it('a short file with no header at all is refused the same way', async () => {
    const err = await failure(readAll(writeTemp('short.csv', csv(['foo,bar', '1,2'])), 'csv'));
    expect(err!.message).toMatch(/Required columns missing.*row 1/);
  });
});

describe('GeoJSON is read as a stream', () => {
  const feature = (i: number) => ({
    type: 'Feature', properties: { 'Mã trạm': `G-${i}`, 'Công nghệ': i % 2 ? 'NR' : 'LTE', note: 'x'.repeat(40) },
    geometry: { type: 'Point', coordinates: [105.4 + i / 1e6, 10.4] },
  });

  it('yields the first feature before the whole file is read, numbered from 1, in file order', async () => {
    const n = 5000; // ≈ 900 kB: many read chunks
    const body = JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => feature(i)) });
    const path = writeTemp('big.geojson', body);
    let bytes = 0, bytesAtFirstRow = -1, count = 0, last = 0;
    const columns: ColumnReport = { recognised: {}, unknown: [] };
    for await (const row of readUploadRows(path, { format: 'geojson', maxRows: n, onBytes: (b) => { bytes += b; } }, columns)) {
      if (bytesAtFirstRow < 0) bytesAtFirstRow = bytes;
      expect(row.rowNumber).toBe(last + 1);
      last = row.rowNumber;
      count++;
    }
    expect(count).toBe(n);
    expect(bytes).toBe(Buffer.byteLength(body));
    expect(bytesAtFirstRow).toBeLessThan(bytes / 4);
    expect(columns.unknown).toEqual(['note']);
  });

  it('accepts a BOM and a "type" that comes after the features', async () => {
    const path = writeTemp('late-type.geojson', '\uFEFF' + JSON.stringify({ features: [feature(1)], type: 'FeatureCollection' }));
    const { rows } = await readAll(path, 'geojson');
    expect(rows[0]).toMatchObject({ rowNumber: 1, values: { station_code: 'G-1', technology: 'NR', longitude: 105.400001, latitude: 10.4 } });
  });

  it.each([
    ['a single Feature', JSON.stringify(feature(1)), /FeatureCollection.*this one is a GeoJSON Feature/],
    ['an array', JSON.stringify([feature(1)]), /FeatureCollection.*not a GeoJSON object/],
    ['features as an object', JSON.stringify({ type: 'FeatureCollection', features: { a: feature(1) } }), /FeatureCollection/],
    ['cut short', JSON.stringify({ type: 'FeatureCollection', features: [feature(1), feature(2)] }).slice(0, 150), /not valid JSON/],
    ['not JSON', '{"type": "FeatureCollection", features: []}', /not valid JSON/],
    ['two documents', JSON.stringify({ type: 'FeatureCollection', features: [] }) + '{}', /^The file holds several GeoJSON objects one after another \(the first a FeatureCollection\)/],
  ])('refuses %s with a 422 that says what it is', async (_label, body, message) => {
    const err = await failure(readAll(writeTemp('bad.geojson', body), 'geojson'));
    expect(err).toMatchObject({ status: 422 });
    expect(err!.message).toMatch(message);
  });

  it('a feature without a Point geometry is a row with a problem, not a refused file', async () => {
    const body = JSON.stringify({ type: 'FeatureCollection', features: [{ ...feature(1), geometry: null }, feature(2)] });
    const { rows } = await readAll(writeTemp('nogeom.geojson', body), 'geojson');
    expect(rows.map((r) => [r.rowNumber, r.problem ?? null])).toEqual([[1, expect.stringMatching(/no Point geometry/)], [2, null]]);
  });
});

describe('Excel text survives the streaming reader', () => {
  it('Vietnamese in shared strings and headers across many read chunks comes back intact (exceljs#2084)', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Trạm ${i} Mỹ Hòa Đông`);
    const header = ['Mã trạm', 'Công nghệ', 'Vĩ độ', 'Kinh độ', 'Tên trạm', ...Array.from({ length: 3000 }, (_, i) => `Cột ${i}`)];
    const path = await writeXlsx('vi.xlsx', [{ name: 'Trạm', rows: [header, ...names.map((n, i) => [`S${i}`, '4G', 10.4, 105.4, n])] }]);
    const { rows, columns } = await readAll(path, 'xlsx', { maxRows: 50_000 });
    expect(columns.unknown).toEqual(header.slice(5));
    expect(rows.map((r) => r.values.name)).toEqual(names);
  });
});

describe('Excel sheets as Excel shows them', () => {
  const header = ['Mã trạm', 'Công nghệ', 'Vĩ độ', 'Kinh độ', 'Trạng thái', 'Tên trạm'];

  it('reads the first visible sheet in tab order, not a hidden one or the first part; says which', async () => {
    const wb = new ExcelJS.Workbook();
    const old = wb.addWorksheet('Cũ (ẩn)', { state: 'hidden' });
    old.addRow(header);
    old.addRow(['OLD-1', '4G', 10.4, 105.4]);
    const guide = wb.addWorksheet('Hướng dẫn');
    guide.addRow(['Điền danh sách trạm vào trang "Trạm"']);
    const main = wb.addWorksheet('Trạm');
    main.addRow(header);
    main.addRow(['NEW-1', '5G', 10.4, 105.4]);
    (guide as unknown as { orderNo: number }).orderNo = 9; // tab order: Cũ (ẩn), Trạm, Hướng dẫn (ExcelJS's typings lack orderNo)
    const path = writeTemp('tabs.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const { rows, columns } = await readAll(path, 'xlsx');
    expect(columns.sheet).toBe('Trạm');
    expect(rows.map((r) => r.values.station_code)).toEqual(['NEW-1']);
    const named = await readAll(path, 'xlsx', { sheet: 'cu (an)' });
    expect(named.rows.map((r) => r.values.station_code)).toEqual(['OLD-1']);
    const missing = await failure(readAll(path, 'xlsx', { sheet: 'Sheet1' }));
    expect(missing!.message).toMatch(/no sheet named "Sheet1"; its sheets: Trạm, Hướng dẫn; hidden sheets: Cũ \(ẩn\)\.$/);
  });

  it('a merged cell applies to every cell it covers; hidden rows are read and listed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Trạm');
    ws.addRow(header);
    ws.addRow(['M-1', '4G', 10.4, 105.4, 'kế hoạch', 'Cụm Mỹ Hòa']);
    ws.addRow(['M-2', '4G', 10.41, 105.41, null, null]);
    ws.addRow(['M-3', '4G', 10.42, 105.42, 'on_air', 'Riêng']);
    ws.mergeCells('E2:E3');
    ws.mergeCells('F2:F3');
    ws.getRow(4).hidden = true;
    const path = writeTemp('merged.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const { rows, columns } = await readAll(path, 'xlsx');
    expect(rows.map((r) => [r.values.station_code, r.values.status, r.values.name])).toEqual([
      ['M-1', 'kế hoạch', 'Cụm Mỹ Hòa'], ['M-2', 'kế hoạch', 'Cụm Mỹ Hòa'], ['M-3', 'on_air', 'Riêng'],
    ]);
    expect(columns.hiddenRows).toEqual([4]);
  });

  it('refuses a workbook that claims to unpack to more than 1 GB (zip bomb) before reading it', async () => {
    const bytes = await xlsxBuffer([{ name: 'Trạm', rows: [header] }]);
    // Central directory headers (PK\x01\x02): the uncompressed size is at offset 24.
    for (let i = bytes.indexOf('PK\x01\x02'); i >= 0; i = bytes.indexOf('PK\x01\x02', i + 4)) bytes.writeUInt32LE(0x7fffffff, i + 24);
    const err = await failure(readAll(writeTemp('bomb.xlsx', bytes), 'xlsx'));
    expect(err).toMatchObject({ status: 422 });
    expect(err!.message).toMatch(/unpacks to [\d.]+ MB, more than a station list can be/);
  });
});
