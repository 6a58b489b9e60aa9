import { stat } from 'node:fs/promises';
import type unzipper from 'unzipper';
import { readSheetRows } from '../xlsx/exceljs.js';
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
 * shows it. `onLayout` hears which sheet is read and its hidden rows before the first row;
 * `onBytes` hears the file's bytes as they are read (the sheet's in proportion to its XML).
 */
export async function* readXlsxRows(path: string, sheet: string | undefined, onBytes?: (n: number) => void,
  onLayout?: (layout: XlsxLayout) => void): AsyncGenerator<TableRow> {
  await assertZip(path);
  const layout = await readXlsxLayout(path, sheet);
  onLayout?.(layout);
  const { parts } = layout;
  const open = (part: unzipper.File | null) => (part ? () => part.stream() : null);
  const fill = mergeFiller(layout.merges);
  const sheetPart = parts.sheet;
  let rows = 0;
  try {
    const reading = readSheetRows({ workbook: () => parts.workbook.stream(), sheet: () => counted(sheetPart, onBytes),
      sharedStrings: open(parts.sharedStrings), styles: open(parts.styles) });
    for await (const row of reading) {
      if (rows++ === 0) onBytes?.(Math.max(0, (await fileSize(path)) - sheetPart.compressedSize));
      const values = row.values as unknown[];
      yield { rowNumber: row.number, cells: fill(row.number, values.slice(1).map(toCell)) };
    }
  } catch (err) {
    if ((err as { name?: string }).name === 'AppError') throw err;
    const detail = (err as Error).message;
    throw detail === 'FILE_ENDED' ? unreadableFile('xlsx_truncated') : unreadableFile('xlsx_unreadable', { detail });
  }
  if (rows === 0) throw unreadableFile('xlsx_sheet_empty', { sheet: layout.sheet });
}

/** The sheet's inflated XML, telling `onBytes` the compressed bytes it stands for as it goes. */
async function* counted(part: unzipper.File, onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
  const ratio = part.uncompressedSize > 0 ? part.compressedSize / part.uncompressedSize : 0;
  let inflated = 0, told = 0;
  for await (const chunk of part.stream() as AsyncIterable<Buffer>) {
    inflated += chunk.length;
    const now = Math.round(inflated * ratio);
    if (now > told) onBytes?.(now - told);
    told = now;
    yield chunk;
  }
}

const fileSize = async (path: string) => (await stat(path)).size;

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
