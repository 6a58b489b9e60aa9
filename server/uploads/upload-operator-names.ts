import { foldKey } from './upload-headers.js';

/**
 * The names each operator goes by in station lists, as foldKey() words: its brand, its network
 * brand (VNPT's VinaPhone) and the short codes of its own exports (VTL, MBF …). Operator codes
 * as in sql/migrations/0001_core.sql.
 */
const BRANDS: Readonly<Record<string, readonly string[]>> = {
  VIETTEL: ['viettel', 'vtl'],
  VNPT: ['vnpt', 'vinaphone', 'vnp'],
  MOBIFONE: ['mobifone', 'mbf'],
  VIETNAMOBILE: ['vietnamobile', 'vnmb'],
};

export type OperatorNaming = 'own' | 'other' | 'unknown';

/** The words of a name, and each two adjacent ones run together ("Mobi Fone", "Vina Phone"). */
function wordsOf(name: string): Set<string> {
  const words = foldKey(name).split('_').filter(Boolean);
  return new Set([...words, ...words.slice(1).map((w, i) => words[i] + w)]);
}

/**
 * Which operator an operator cell names: `own` when it names the file's operator ("Viettel An
 * Giang", "Tập đoàn Viettel", "VTL") and no other, `other` when it names another one (even
 * beside the file's own), `unknown` when it names none.
 */
export function nameOperator(cellText: string, operator: { code: string; name: string }): OperatorNaming {
  const words = wordsOf(cellText);
  const named = (brands: readonly string[]) => brands.some((b) => words.has(b));
  const others = Object.entries(BRANDS).filter(([code]) => code !== operator.code.toUpperCase());
  if (others.some(([, brands]) => named(brands))) return 'other';
  const whole = foldKey(cellText);
  if (whole === foldKey(operator.code) || whole === foldKey(operator.name)) return 'own';
  const own = operator.code.toUpperCase();
  return Object.hasOwn(BRANDS, own) && named(BRANDS[own]!) ? 'own' : 'unknown';
}
