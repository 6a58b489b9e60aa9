import { Uncomputed, type Cell } from './upload-source.js';
import { cellText, fail, ok, uncomputed, type Read } from './upload-values.js';

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
// Excel serials of 1954-10-03 … 2119-01-10: a number in a date column that is surely a date.
const SERIALS = { min: 20000, max: 80000 };

// A time after the date is dropped: "08:30", "8:30:00", "08:30:00.000", "+07:00" or "Z", "8:30 SA" (Vietnamese AM).
const TIME = String.raw`(?:[T ]\s*(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[AaPp][Mm]|SA|CH)?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
/** In the Gregorian calendar, any year (Date.UTC would read year 0–99 as 1900–1999). */
const isCalendarDate = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function checked(y: number, m: number, d: number, notReal: string): Read<string> {
  if (!isCalendarDate(y, m, d)) return fail(notReal);
  return y >= FIRST_YEAR && y <= LAST_YEAR ? ok(iso(y, m, d)) : fail('year_range');
}

/**
 * ISO `YYYY-MM-DD` (or `YYYY/MM/DD`), Vietnamese `DD/MM/YYYY` (also with `-` or `.`), either with
 * a time after it, or an Excel date. Years 1900–2999. Never throws.
 */
export function readDate(cell: Cell | undefined): Read<string> {
  if (cell instanceof Uncomputed) return uncomputed();
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('invalid');
    return checked(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate(), 'invalid');
  }
  if (typeof cell === 'number' && cell > SERIALS.min && cell < SERIALS.max) {
    // A fraction is the time of day.
    return ok(new Date(EXCEL_EPOCH_MS + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10));
  }
  const text = cellText(cell);
  let m = YMD.exec(text);
  if (m) return checked(Number(m[1]), Number(m[3]), Number(m[4]), 'not_real');
  m = DMY.exec(text);
  if (!m) return fail('format');
  const [d, mo, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
  // 3/15/2024 is no day/month/year, and would be one the other way round: the US order.
  if (!isCalendarDate(y, mo, d) && isCalendarDate(y, d, mo)) return fail('us_order');
  return checked(y, mo, d, 'not_real_dmy');
}
