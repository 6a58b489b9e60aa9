import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { foldKey } from './upload-headers.js';
import { unreadableFile } from './upload-messages.js';
import type { Cell, TableRow } from './upload-source.js';

/** An .xlsx is a zip: anything else (an old .xls, a renamed CSV) is refused before parsing. */
async function assertZip(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    await handle.read(buf, 0, 4, 0);
    if (buf.readUInt32LE(0) !== 0x04034b50) {
      throw unreadableFile('not_xlsx');
    }
  } finally {
    await handle.close();
  }
}

/** A cell value as ExcelJS gives it (rich text, formula results, hyperlinks) to a plain value. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('');
    if ('result' in v) return toCell(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return toCell(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/** Streams the rows of the first sheet, or of the sheet named (case- and accent-insensitive). */
export async function* readXlsxRows(path: string, sheet: string | undefined, onBytes?: (n: number) => void): AsyncGenerator<TableRow> {
  await assertZip(path);
  const input = createReadStream(path);
  if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const seen: string[] = [];
  try {
    for await (const ws of reader) {
      const name = String((ws as unknown as { name: string }).name);
      seen.push(name);
      if (sheet !== undefined && foldKey(name) !== foldKey(sheet)) continue;
      for await (const row of ws) {
        const values = row.values as unknown[];
        yield { rowNumber: row.number, cells: values.slice(1).map(toCell) };
      }
      return;
    }
  } catch (err) {
    if ((err as { name?: string }).name === 'AppError') throw err;
    throw unreadableFile('xlsx_unreadable', { detail: (err as Error).message });
  } finally {
    input.destroy();
  }
  throw sheet === undefined
    ? unreadableFile('xlsx_no_sheet')
    : unreadableFile('xlsx_sheet_missing', { sheet, sheets: seen }, { sheets: seen });
}
