/**
 * Parses a target share into basis points (1 bp = 0.01 %), exactly, with no floating point.
 *
 * Accepts a fraction with at most 4 decimals (`0.5`, `0.1234`) or a percentage with at most
 * 2 decimals (`50%`, `57.5 %`). Anything else throws, with a message a person can act on.
 *
 * @param input the share as typed by a user or passed in a query string
 * @param options.maxBp the largest share accepted, in basis points (default 1,000,000 = 10000 %)
 * @returns the share in basis points, an integer from 1 to `maxBp`
 * @example
 * parseTargetShare('50%') // 5000
 * parseTargetShare('0.5') // 5000
 * parseTargetShare('0.1234') // 1234
 */
export function parseTargetShare(input: string, options: { maxBp?: number } = {}): number {
  if (typeof input !== 'string') throw new Error('target is required');
  const maxBp = options.maxBp ?? 1_000_000;
  const text = input.trim().replace(/\s+(?=%$)/, '');
  const m = /^(\d{1,6})(?:\.(\d+))?(%?)$/.exec(text);
  if (!m) {
    throw new Error(`target "${input}" is not a share: give a fraction like 0.5 or a percentage like 50%`);
  }
  const [, whole = '', frac = '', percent] = m;
  const scaleDigits = percent ? 2 : 4;
  if (frac.length > scaleDigits) {
    throw new Error(
      `target "${input}" has too many decimals: at most ${scaleDigits} ${percent ? 'for a percentage' : 'for a fraction'} (basis-point precision)`,
    );
  }
  const bp = Number(whole) * 10 ** scaleDigits + Number(frac.padEnd(scaleDigits, '0'));
  if (bp <= 0) throw new Error(`target "${input}" must be greater than zero`);
  if (bp > maxBp) throw new Error(`target "${input}" is larger than ${formatShare(maxBp)}`);
  return bp;
}

/** Writes basis points back as a percentage string without trailing zeros: 5750 → "57.5%". */
export function formatShare(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}%` : `${whole}%`;
}
