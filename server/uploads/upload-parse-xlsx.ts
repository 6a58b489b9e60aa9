import { createReadStream } from 'node:fs';
import ExcelJS from '../xlsx/exceljs.js';
import { unreadableFile } from './upload-messages.js';
import { readHead } from './upload-sniff.js';
import { isBlank, Uncomputed, type Cell, type TableRow } from './upload-source.js';
import { readXlsxLayout, type MergedRange, type XlsxLayout } from './upload-xlsx-layout.js';

/** An .xlsx is a zip: anything else (an old .xls, a binary) is refused before parsing. */
async function assertZip(path: string): Promise<void> {
  const head = await readHead(path, 8);
  if (head.subarray(0, 4).equals(ZIP)) return;
  throw head.equals(OLE2) ? unreadableFile('xls_file') : unreadableFile('not_xlsx');
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
/** Compound File Binary, the container of old .xls files. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A cell value as ExcelJS gives it (rich text, formula results, hyperlinks) to a plain value. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('');
    if (v.result !== undefined && v.result !== null) return toCell(v.result);
    // Saved by a script or an exporter that does not compute: the value exists only once Excel recalculates.
    if (typeof v.formula === 'string') return new Uncomputed(v.formula);
    if (typeof v.sharedFormula === 'string') return new Uncomputed(v.sharedFormula);
    if ('text' in v) return toCell(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * Streams the rows of the first visible sheet in tab order, or of the sheet named (case- and
 * accent-insensitive). A merged range's value applies to every cell it covers, as the sheet
 * shows it. `onLayout` hears which sheet is read and its hidden rows before the first row.
 */
export async function* readXlsxRows(path: string, sheet: string | undefined, onBytes?: (n: number) => void,
  onLayout?: (layout: XlsxLayout) => void): AsyncGenerator<TableRow> {
  await assertZip(path);
  const layout = await readXlsxLayout(path, sheet);
  onLayout?.(layout);
  const input = createReadStream(path);
  if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const fill = mergeFiller(layout.merges);
  try {
    for await (const ws of reader) {
      if (String((ws as unknown as { name: string }).name) !== layout.sheet) continue;
      for await (const row of ws) {
        const values = row.values as unknown[];
        yield { rowNumber: row.number, cells: fill(row.number, values.slice(1).map(toCell)) };
      }
      return;
    }
  } catch (err) {
    if ((err as { name?: string }).name === 'AppError') throw err;
    const detail = (err as Error).message;
    throw detail === 'FILE_ENDED' ? unreadableFile('xlsx_truncated') : unreadableFile('xlsx_unreadable', { detail });
  } finally {
    input.destroy();
  }
  throw unreadableFile('xlsx_sheet_empty', { sheet: layout.sheet });
}

/** Copies each merged range's first cell into the cells it covers (rows arrive in order, the first cell first). */
function mergeFiller(merges: readonly MergedRange[]) {
  const values = new Map<MergedRange, Cell>();
  return (rowNumber: number, cells: Cell[]): Cell[] => {
    for (const m of merges) {
      if (rowNumber < m.top || rowNumber > m.bottom) continue;
      if (rowNumber === m.top) values.set(m, cells[m.left - 1] ?? null);
      const value = values.get(m) ?? null;
      for (let c = m.left; c <= m.right; c++) {
        if ((rowNumber !== m.top || c !== m.left) && isBlank(cells[c - 1])) cells[c - 1] = value;
      }
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    return cells;
  };
}
