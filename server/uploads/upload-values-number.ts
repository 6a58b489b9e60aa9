import { Uncomputed, type Cell } from './upload-source.js';
import { cellText, fail, ok, uncomputed, type Read } from './upload-values.js';

/** Decimal degrees with a dot or a comma (`10,5` in Vietnamese spreadsheets). */
export function readNumber(cell: Cell | undefined): Read<number> {
  if (cell instanceof Uncomputed) return uncomputed();
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('not_number');
  const text = cellText(cell).replace(/\s/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return fail('not_number');
  return ok(Number(text.replace(',', '.')));
}
