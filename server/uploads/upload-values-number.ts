import { Uncomputed, type Cell } from './upload-source.js';
import { cellText, fail, ok, uncomputed, type Read } from './upload-values.js';

// One decimal separator, dot or comma (`10,5` in Vietnamese spreadsheets), and an exponent as
// Excel writes a number too small or too long for its column (`1.03777E+01`).
const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;
// `10.377.1`, `1.234,5`: degrees have no thousands separator, and guessing which mark is the decimal one moves a station.
const SEPARATORS = /^[+-]?\d+([.,]\d+){2,}$/;
// Degrees, minutes and seconds with spaces instead of symbols (`10 22 30`), or degrees and minutes.
const SPACED_DMS = /^[+-]?\d{1,3}( +[0-5]?\d){1,2}([.,]\d+)?$/;

/**
 * A number in decimal degrees. Only the ends are trimmed: a space inside ("10 3771", "10 22 30")
 * is a mistake to show, not to delete (deleting made 102230 out of "10 22 30"). A Unicode minus
 * (U+2212, from Word) is a minus, full-width digits are digits.
 */
export function readNumber(cell: Cell | undefined): Read<number> {
  if (cell instanceof Uncomputed) return uncomputed();
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('not_number');
  // NFKC: full-width digits (１０.３７) are digits. Not for DMS, where it would make º an o.
  const text = cellText(cell).normalize('NFKC').replace(/^\u2212/, '-');
  if (DECIMAL.test(text)) {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? ok(n) : fail('not_number');
  }
  if (SEPARATORS.test(text)) return fail('separators');
  if (SPACED_DMS.test(text)) return fail('dms_spaces');
  if (/^[+-]?[\d.,]+( +[\d.,]+)+$/.test(text)) return fail('spaces');
  return fail('not_number');
}

export type Axis = 'latitude' | 'longitude';

const DEGREE = '[°º˚]';
const MINUTE = "['′’´]";
const SECOND = `(?:["″”]|''|′′|’’)`;
const PART = '(\\d+(?:[.,]\\d+)?)';
// Degrees, then minutes, then seconds, each with its symbol and maybe spaces between. The last
// symbol may be missing (10°22'30: the " lost to CSV quoting), and the degree symbol too when a
// hemisphere letter says what the number is ("N10.375").
const DMS = new RegExp(`^${PART}\\s*(?:${DEGREE}\\s*(?:${PART}\\s*(?:${MINUTE}\\s*(?:${PART}\\s*(?:${SECOND})?)?)?)?)?$`);
// N/S/E/W, and Vietnamese B (Bắc, north) and Đ (Đông, east). Vietnamese "N" (Nam) would be south:
// a station written that way lands outside Vietnam, and the sign check says so.
const HEMISPHERES: Record<string, { axis: Axis; sign: 1 | -1 }> = {
  N: { axis: 'latitude', sign: 1 }, S: { axis: 'latitude', sign: -1 }, B: { axis: 'latitude', sign: 1 },
  E: { axis: 'longitude', sign: 1 }, W: { axis: 'longitude', sign: -1 }, Đ: { axis: 'longitude', sign: 1 },
};
// A letter only next to the number: "Sai" (Vietnamese for wrong) is no south.
const LETTER_FIRST = /^([NSEWBĐ])\s*(?=\d)/i;
const LETTER_LAST = /(?<=[\d°º˚'′’´"″”])\s*([NSEWBĐ])$/i;

/**
 * A latitude or a longitude: decimal degrees (readNumber), or degrees, minutes and seconds with
 * their symbols (`10°22'30"N`, `105° 26′ 04.5″ E`, `-10°22.5'`, `N10.375`) into decimal degrees.
 * Kept to COORDINATE_DECIMALS: a spreadsheet's computed 105.43100000000001, or a minute's
 * 10.375000000000002, is 105.431 and 10.375, as the person typed it and as messages show it.
 */
export function readCoordinate(cell: Cell | undefined, axis: Axis): Read<number> {
  const decimal = readNumber(cell);
  if (decimal.ok) return ok(roundCoordinate(decimal.value));
  if (typeof cell !== 'string') return decimal;
  const dms = readDms(cell.trim().replace(/^\u2212/, '-'), axis);
  return dms?.ok ? ok(roundCoordinate(dms.value)) : dms ?? decimal;
}

/** 9 decimals of a degree are 0.1 mm on the ground: more is the noise of binary fractions, not a position. */
export const COORDINATE_DECIMALS = 9;
const roundCoordinate = (v: number) => Math.round(v * 10 ** COORDINATE_DECIMALS) / 10 ** COORDINATE_DECIMALS || 0;

/** Degrees, minutes and seconds; null when the text does not look like them at all. */
function readDms(text: string, axis: Axis): Read<number> | null {
  const sign = /^[+-]/.test(text) ? (text[0] === '-' ? -1 : 1) : null;
  let body = sign === null ? text : text.slice(1).trimStart();
  const first = LETTER_FIRST.exec(body), last = LETTER_LAST.exec(body);
  if (first) body = body.slice(first[0].length);
  else if (last) body = body.slice(0, body.length - last[0].length);
  const letter = (first ?? last)?.[1]?.toUpperCase();
  const m = DMS.exec(body);
  if (!m && SPACED_DMS.test(body)) return fail('dms_spaces'); // "10 22 30 N"
  if (!m) return /[°º˚′″]|\d\s*['"’”]/.test(text) || letter ? fail('dms') : null;
  if (!letter && !/[°º˚]/.test(body)) return null; // a plain number readNumber refused
  const hemisphere = letter ? HEMISPHERES[letter]! : null;
  if (hemisphere && hemisphere.axis !== axis) return fail('hemisphere');
  if (hemisphere && sign !== null) return fail('dms'); // "-10°S": which one is meant?
  const [d, min, sec] = [m[1], m[2], m[3]].map((p) => (p === undefined ? undefined : Number(p.replace(',', '.'))));
  // Only the last part may have decimals; minutes and seconds stay below 60.
  if ((min !== undefined && !Number.isInteger(d)) || (sec !== undefined && !Number.isInteger(min))) return fail('dms');
  if ((min ?? 0) >= 60 || (sec ?? 0) >= 60) return fail('dms');
  const value = d! + (min ?? 0) / 60 + (sec ?? 0) / 3600;
  return ok((hemisphere?.sign ?? sign ?? 1) * value);
}
