import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { renderFileProblem } from '../../server/uploads/upload-messages.js';
import { readUploadRows } from '../../server/uploads/upload-read.js';
import type { ColumnReport, ParsedRow } from '../../server/uploads/upload-source.js';
import { writeTemp, xlsxBuffer } from './upload-fixtures.js';
import { zipOf } from './upload-zip-fixture.js';

/*
 * Workbooks as the programs operators export from write them, not only as Excel does: part
 * names, the order of the parts in the zip and the form of the relationship targets differ.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A cell: a number, a shared string (`s:3`), or a date as a serial with the date style (`d:45658`). */
function sheetXml(rows: (string | number)[][]): string {
  const cell = (v: string | number, ref: string) => typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>`
    : v.startsWith('s:') ? `<c r="${ref}" t="s"><v>${v.slice(2)}</v></c>`
      : v.startsWith('d:') ? `<c r="${ref}" s="1"><v>${v.slice(2)}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const body = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(v, `${String.fromCharCode(65 + j)}${i + 1}`)).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

const sharedStrings = (texts: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${texts.length}" uniqueCount="${texts.length}">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;

/** Style 1 is a date (built-in number format 14), as openpyxl writes a datetime cell. */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>`
  + '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
  + '<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

const workbookXml = (sheets: string[]) => `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>`
  + sheets.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') + '</sheets></workbook>';

const relsXml = (targets: [type: string, target: string][]) => '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + targets.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${target}"/>`).join('') + '</Relationships>';

const STRINGS = ['station_code', 'technology', 'latitude', 'longitude', 'name', 'commissioned_on', 'Trạm Mỹ Hòa', 'AG-0001', 'AG-0002', 'Trạm Bình Khánh'];
const ROWS: (string | number)[][] = [
  ['s:0', 's:1', 's:2', 's:3', 's:4', 's:5'],
  ['s:7', '4G', 10.39, 105.43, 's:6', 'd:45658'],
  ['s:8', '5G', 10.37, 105.44, 's:9', 'd:45717'],
];

/**
 * As openpyxl (and so pandas' `to_excel`) writes a workbook: sheets first and the workbook
 * last in the zip, shared strings after the sheets, every target written from the root.
 */
function openpyxlWorkbook(): Buffer {
  return zipOf({
    'docProps/app.xml': '<Properties/>',
    'xl/worksheets/sheet1.xml': sheetXml([['ghi chú'], ['không phải trạm']]),
    'xl/worksheets/sheet2.xml': sheetXml(ROWS),
    'xl/sharedStrings.xml': sharedStrings(STRINGS),
    'xl/styles.xml': STYLES,
    'xl/workbook.xml': workbookXml(['Ghi chú', 'Trạm']),
    'xl/_rels/workbook.xml.rels': relsXml([['worksheet', '/xl/worksheets/sheet1.xml'], ['worksheet', '/xl/worksheets/sheet2.xml'],
      ['sharedStrings', '/xl/sharedStrings.xml'], ['styles', '/xl/styles.xml']]),
    '_rels/.rels': '<Relationships/>',
    '[Content_Types].xml': '<Types/>',
  });
}

async function read(body: Buffer, opts: { sheet?: string; maxRows?: number; onBytes?: (n: number) => void } = {}) {
  const path = writeTemp('book.xlsx', body);
  const columns: ColumnReport = { recognised: {}, unknown: [] };
  const rows: ParsedRow[] = [];
  for await (const r of readUploadRows(path, { format: 'xlsx', maxRows: opts.maxRows ?? 100, sheet: opts.sheet, onBytes: opts.onBytes }, columns)) rows.push(r);
  return { rows, columns, size: statSync(path).size };
}

const stations = (rows: ParsedRow[]) => rows.map((r) => [r.rowNumber, r.values.station_code, r.values.technology, r.values.name,
  r.values.commissioned_on instanceof Date ? r.values.commissioned_on.toISOString().slice(0, 10) : r.values.commissioned_on]);

const EXPECTED = [[2, 'AG-0001', '4G', 'Trạm Mỹ Hòa', '2025-01-01'], [3, 'AG-0002', '5G', 'Trạm Bình Khánh', '2025-03-01']];

describe('workbooks written by other programs', () => {
  it('openpyxl / pandas: targets from the root, the workbook last in the zip, shared strings after the sheets', async () => {
    const { rows, columns } = await read(openpyxlWorkbook(), { sheet: 'tram' });
    expect(columns.sheet).toBe('Trạm');
    expect(stations(rows)).toEqual(EXPECTED);
  });

  it('the first visible sheet of such a workbook is its first tab, read by name, not by part number', async () => {
    const book = zipOf({
      'xl/worksheets/sheet1.xml': sheetXml(ROWS),
      'xl/worksheets/sheet2.xml': sheetXml([['other']]),
      'xl/sharedStrings.xml': sharedStrings(STRINGS),
      'xl/styles.xml': STYLES,
      // The tab order puts sheet2.xml's "Notes" second: the first tab is the stations.
      'xl/workbook.xml': workbookXml(['Danh sách', 'Notes']),
      'xl/_rels/workbook.xml.rels': relsXml([['worksheet', '/xl/worksheets/sheet1.xml'], ['worksheet', '/xl/worksheets/sheet2.xml'],
        ['sharedStrings', '/xl/sharedStrings.xml'], ['styles', '/xl/styles.xml']]),
    });
    const { rows, columns } = await read(book);
    expect(columns.sheet).toBe('Danh sách');
    expect(stations(rows)).toEqual(EXPECTED);
  });

  it('parts with names of their own (a generator\'s "data.xml", "strings.xml"), found through the relationships', async () => {
    const book = zipOf({
      'xl/workbook.xml': workbookXml(['Stations']),
      'xl/_rels/workbook.xml.rels': relsXml([['worksheet', 'sheets/data.xml'], ['sharedStrings', './strings.xml'], ['styles', 'look/../styles.xml']]),
      'xl/sheets/data.xml': sheetXml(ROWS),
      'xl/strings.xml': sharedStrings(STRINGS),
      'xl/styles.xml': STYLES,
    });
    expect(stations((await read(book)).rows)).toEqual(EXPECTED);
  });

  it('a relationship to a sheet the zip does not hold: the sheet is empty, said by name', async () => {
    const book = zipOf({
      'xl/workbook.xml': workbookXml(['Trạm']),
      'xl/_rels/workbook.xml.rels': relsXml([['worksheet', 'worksheets/sheet9.xml']]),
      'xl/worksheets/sheet1.xml': sheetXml(ROWS),
    });
    const err = await read(book).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details).toMatchObject({ reason: 'xlsx_sheet_empty' });
    expect((err as AppError).message).toContain('Trạm');
  });
});

describe('a workbook whose first sheet is not the station list', () => {
  it('the refusal names the sheet read and the other visible sheets to choose from, in both languages', async () => {
    const book = await xlsxBuffer([{ name: 'Hướng dẫn', rows: [['Sheet này chỉ là hướng dẫn'], ['Điền vào trang Trạm 4G']] },
      { name: 'Trạm 4G', rows: [['station_code', 'technology', 'latitude', 'longitude'], ['AG-1', '4G', 10.4, 105.4]] },
      { name: 'Trạm 5G', rows: [['station_code', 'technology', 'latitude', 'longitude'], ['AG-1', '5G', 10.4, 105.4]] }]);
    const err = await read(book).then(() => null, (e: unknown) => e) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.details).toMatchObject({ reason: 'missing_columns', params: { kind: 'sheet', sheet: 'Hướng dẫn', sheets: ['Trạm 4G', 'Trạm 5G'], row: 1 },
      sheets: [{ name: 'Hướng dẫn', hidden: false }, { name: 'Trạm 4G', hidden: false }, { name: 'Trạm 5G', hidden: false }] });
    expect(err.message).toMatch(/^Required columns missing in the sheet "Hướng dẫn": station_code, technology, latitude, longitude\..*other sheets: Trạm 4G, Trạm 5G: choose the one/);
    const vi = renderFileProblem('missing_columns', (err.details as { params: unknown }).params, 'vi');
    expect(vi).toMatch(/^Thiếu cột bắt buộc trong trang tính "Hướng dẫn": Mã trạm, Công nghệ, Vĩ độ, Kinh độ\..*Sổ làm việc còn các trang tính: Trạm 4G, Trạm 5G/);
    // The sheet named is read, and a workbook of one sheet keeps the plain message.
    expect((await read(book, { sheet: 'tram 5g' })).rows.map((r) => r.values.technology)).toEqual(['5G']);
    const single = await read(await xlsxBuffer([{ name: 'Only', rows: [['x'], ['y']] }])).then(() => null, (e: unknown) => e) as AppError;
    expect(single.details).toMatchObject({ reason: 'missing_columns', params: { sheet: 'Only', sheets: [] } });
    expect(single.message).toMatch(/^Required columns missing: /);
  });
});

describe('reading a workbook leaves nothing behind', () => {
  const leftovers = () => new Set(readdirSync(tmpdir()).filter((f) => /^tmp-\d+-/.test(f)));

  it('no temporary files, whether the reading ends, stops at the row limit or fails', async () => {
    const before = leftovers();
    // ExcelJS writes the sheets before the shared strings, as Excel does.
    const big = await xlsxBuffer([{ name: 'Trạm', rows: [['station_code', 'technology', 'latitude', 'longitude'],
      ...Array.from({ length: 300 }, (_, i) => [`AG-${i}`, '4G', 10.4, 105.4])] }, { name: 'Khác', rows: [['x']] }]);
    expect((await read(big, { maxRows: 1000 })).rows).toHaveLength(300);
    await expect(read(big, { maxRows: 10 })).rejects.toMatchObject({ status: 413 });
    await expect(read(openpyxlWorkbook(), { sheet: 'Trạm', maxRows: 1 })).rejects.toMatchObject({ status: 413 });
    const added = [...leftovers()].filter((f) => !before.has(f));
    expect(added).toEqual([]);
  });

  it('the bytes heard as it reads add up to the file', async () => {
    const big = await xlsxBuffer([{ name: 'Trạm', rows: [['station_code', 'technology', 'latitude', 'longitude'],
      ...Array.from({ length: 5000 }, (_, i) => [`AG-${i}`, '4G', 10.4, 105.4])] }]);
    let heard = 0;
    const { size, rows } = await read(big, { maxRows: 10_000, onBytes: (n) => { heard += n; } });
    expect(rows).toHaveLength(5000);
    expect(Math.abs(heard - size)).toBeLessThan(size * 0.01);
  });
});
