import { foldKey, mapHeaders, type Field } from './upload-headers.js';
import { AppError } from '../errors.js';
import { fileTooLarge, unreadableFile, type FileParams } from './upload-messages.js';
import { readCsvRows } from './upload-parse-csv.js';
import { readGeoJsonRows } from './upload-parse-geojson.js';
import { readXlsxRows } from './upload-parse-xlsx.js';
import type { XlsxLayout } from './upload-xlsx-layout.js';
import { sniffContent } from './upload-sniff.js';
import { isBlank, Uncomputed, type Cell, type ColumnReport, type ParsedRow, type RowProblem, type TableRow, type UploadFormat } from './upload-source.js';
import { unguard } from './upload-values.js';

export const extensionOf = (fileName: string) => (fileName.includes('.') ? fileName.toLowerCase().split('.').pop()! : '');

/**
 * By extension first, then by the first bytes: a zip is read as a workbook (an .ods or a zipped
 * shapefile is then refused by name), `{` is JSON, anything else is CSV. An ".xlsx" that holds
 * text is a CSV renamed: read as such (the preview says so), as Excel itself opens it.
 */
export async function detectFormat(path: string, fileName: string): Promise<UploadFormat> {
  const ext = extensionOf(fileName);
  if (ext === 'xls') throw unreadableFile('xls_file');
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  const content = await sniffContent(path);
  if (ext === 'xlsx') return content === 'text' ? 'csv' : 'xlsx';
  if (content === 'zip') return 'xlsx';
  if (content === 'ole2') throw unreadableFile('xls_file');
  return content === 'json' ? 'geojson' : 'csv';
}

export interface ReadOptions {
  format: UploadFormat;
  sheet?: string | undefined;
  maxRows: number;
  onBytes?: (n: number) => void;
}

/**
 * Streams the rows of an upload mapped to fields. `columns` is filled in as soon as the header
 * is read. A file-level problem (no header, a required column missing, no station, too many
 * rows) throws.
 */
export async function* readUploadRows(path: string, opts: ReadOptions, columns: ColumnReport): AsyncGenerator<ParsedRow> {
  let count = 0;
  const countRow = () => {
    if (++count > opts.maxRows) {
      throw fileTooLarge('too_many_rows', { max: opts.maxRows }, { maxRows: opts.maxRows });
    }
  };
  if (opts.format === 'geojson') {
    for await (const row of readGeoJsonRows(path, columns, opts.onBytes)) {
      countRow();
      yield row;
    }
    return;
  }
  let sheets: XlsxLayout['sheets'] = [];
  const table = opts.format === 'xlsx'
    ? readXlsxRows(path, opts.sheet, opts.onBytes, (layout) => {
      columns.sheet = layout.sheet;
      sheets = layout.sheets;
      if (layout.hiddenRows.length) columns.hiddenRows = layout.hiddenRows.slice(0, MAX_LISTED_ROWS);
    })
    : readCsvRows(path, opts.onBytes);
  // In a workbook, which sheet lacks the columns, and which others there are to choose from.
  const readHeader = (row: TableRow) => {
    try {
      return readHeaderRow(row);
    } catch (err) {
      throw columns.sheet === undefined ? err : inSheet(err, columns.sheet, sheets);
    }
  };
  let map: ReturnType<typeof mapHeaders> | undefined;
  let width = 0;
  const above: TableRow[] = [];
  for await (const row of table) {
    if (row.cells.every((c) => isBlank(c))) continue;
    if (!map) {
      // A report's title or date lines often sit above the table: the header is the first row
      // that names every required column. None in the first rows: the first row is the header
      // after all, and readHeader says which columns it lacks.
      const found = mapHeaders(headerTexts(row)).missing.length === 0;
      if (!found) above.push(row);
      if (!found && above.length < HEADER_SEARCH_ROWS) continue;
      map = readHeader(found ? row : above[0]!);
      width = lastFilled(row.cells);
      Object.assign(columns, { recognised: map.recognised, unknown: map.unknown, headerRow: row.rowNumber, firstRow: (above[0] ?? row).rowNumber });
      continue;
    }
    const total = totalLine(row.cells, map.byIndex);
    if (total !== null) {
      if ((columns.totalRows ??= []).length < MAX_TOTAL_ROWS) columns.totalRows.push({ row: row.rowNumber, text: total });
      continue;
    }
    countRow();
    const problems = opts.format === 'csv' ? extraCells(row.cells, width) : [];
    yield { rowNumber: row.rowNumber, values: toValues(row.cells, map.byIndex), ...(problems.length ? { problems } : {}) };
  }
  if (!map && above.length) readHeader(above[0]!);
  if (!map) throw unreadableFile('empty_file');
  if (count === 0) throw unreadableFile('no_stations', { row: columns.headerRow ?? 1 });
}

/** Total lines named in warnings, at most. */
const MAX_TOTAL_ROWS = 20;
// The whole first cell: "TONG-01" is a code, not a total.
const TOTAL_WORDS = /^(tong|tong cong|tong so|tong so tram|cong|total|totals|grand total|sum)$/;

/**
 * A report's total line under the table ("Tổng cộng | 3 trạm", "Total: 1,932"): its first cell says
 * so and it has no coordinates, so no station can be meant. Its words, or null for any other row.
 */
function totalLine(cells: readonly Cell[], byIndex: readonly (Field | undefined)[]): string | null {
  const at = (field: Field) => cells[byIndex.indexOf(field)];
  if (!isBlank(at('latitude')) || !isBlank(at('longitude'))) return null;
  const first = cells.find((c) => !isBlank(c));
  if (typeof first !== 'string') return null;
  return TOTAL_WORDS.test(foldKey(first).replace(/_/g, ' ')) ? first.trim().slice(0, 100) : null;
}

/** Hidden rows listed in the report, at most (they are read all the same). */
const MAX_LISTED_ROWS = 1000;

/** Rows searched for the header, from the first that is not blank. */
const HEADER_SEARCH_ROWS = 20;

const headerTexts = (row: TableRow) => row.cells.map((c) =>
  (c === null ? '' : c instanceof Date ? c.toISOString() : c instanceof Uncomputed ? `=${c.formula}` : String(c)));

/** How many cells up to the last one that is not blank. */
function lastFilled(cells: readonly Cell[]): number {
  let n = cells.length;
  while (n > 0 && isBlank(cells[n - 1])) n--;
  return n;
}

/**
 * Cells right of the header's last column. Notes typed beside the table are ignored with a
 * warning (the same row in Excel is read the same way); where they are numbers, the row was
 * probably split by decimal commas in a comma-separated file, and the hint says so (the row's
 * coordinates are then wrong, and refused as such).
 */
function extraCells(cells: readonly Cell[], width: number): RowProblem[] {
  const n = lastFilled(cells);
  if (n <= width) return [];
  const numbers = cells.slice(width, n).every((c) => isBlank(c) || /^\s*[+-]?\d+\s*$/.test(String(c)));
  return [{ code: 'extra_cells', params: numbers ? { cells: n, columns: width } : { kind: 'notes', cells: n, columns: width }, severity: 'warning' }];
}

/** A workbook's missing columns name the sheet read and the other visible sheets, so the right one can be chosen. */
function inSheet(err: unknown, sheet: string, sheets: XlsxLayout['sheets']): unknown {
  if (!(err instanceof AppError) || (err.details as { reason?: unknown } | undefined)?.reason !== 'missing_columns') return err;
  const { params, ...legacy } = err.details as { params: FileParams; reason: string };
  const others = sheets.filter((s) => !s.hidden && s.name !== sheet).map((s) => s.name);
  return unreadableFile('missing_columns', { ...params, ...(others.length ? { kind: 'sheet' } : {}), sheet, sheets: others }, { ...legacy, sheets });
}

function readHeaderRow(row: TableRow): ReturnType<typeof mapHeaders> {
  const headers = headerTexts(row);
  if (headers.some((h) => h.includes('\uFFFD'))) {
    throw unreadableFile('not_utf8_header');
  }
  const map = mapHeaders(headers);
  if (map.duplicates.length) {
    const params = { headers: map.duplicates.flatMap((d) => d.headers), fields: map.duplicates.map((d) => d.field) };
    throw unreadableFile('ambiguous_columns', params, { duplicates: map.duplicates });
  }
  if (map.missing.length) {
    throw unreadableFile('missing_columns', { missing: map.missing, row: row.rowNumber, headers: headers.filter(Boolean) }, { missing: map.missing, headers });
  }
  return map;
}

function toValues(cells: readonly Cell[], byIndex: readonly (Field | undefined)[]): Partial<Record<Field, Cell>> {
  const values: Partial<Record<Field, Cell>> = {};
  byIndex.forEach((field, i) => {
    if (field) values[field] = unguard(cells[i] ?? null);
  });
  return values;
}
