import { Uncomputed, type Cell } from './upload-source.js';
import { cellText, fail, ok, uncomputed, type Read } from './upload-values.js';

const isRealDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2999 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** ISO `YYYY-MM-DD`, Vietnamese `DD/MM/YYYY` (also with `-` or `.`), or an Excel date. */
export function readDate(cell: Cell | undefined): Read<string> {
  if (cell instanceof Uncomputed) return uncomputed();
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? fail('invalid') : ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 20000 && cell < 80000) {
    return ok(new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10));
  }
  const text = cellText(cell);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? ok(iso(y, mo, d)) : fail('not_real');
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? ok(iso(y, mo, d)) : fail('not_real_dmy');
  }
  return fail('format');
}
