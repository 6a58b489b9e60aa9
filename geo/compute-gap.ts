export type GapStatus = 'met' | 'behind' | 'no_baseline';

export interface Gap {
  /** n5g / n4g, or null when there is no 4G to compare with. */
  ratio: number | null;
  /** ceil(n4g × bp / 10000), computed in integers. */
  required: number;
  /** max(0, required − n5g). */
  needed: number;
  status: GapStatus;
}

/**
 * The gap of one scope (an area, an operator in an area, a whole set) against a target,
 * exactly as the domain contract defines it. Integer arithmetic throughout: with
 * floats, 10 × 0.3 is 3.0000000000000004 and its ceiling is 4, not 3.
 *
 * @param counts.n4g 4G stations counting (on the baseline date when one is set)
 * @param counts.n5g 5G stations counting on the as-of date
 * @param targetBp the target share in basis points (5000 = 50 %)
 * @example
 * computeGap({ n4g: 10, n5g: 2 }, 5000) // { ratio: 0.2, required: 5, needed: 3, status: 'behind' }
 */
export function computeGap(counts: { n4g: number; n5g: number }, targetBp: number): Gap {
  const { n4g, n5g } = counts;
  if (!Number.isSafeInteger(n4g) || n4g < 0) throw new Error('n4g must be a non-negative integer');
  if (!Number.isSafeInteger(n5g) || n5g < 0) throw new Error('n5g must be a non-negative integer');
  if (!Number.isSafeInteger(targetBp) || targetBp <= 0) throw new Error('targetBp must be a positive integer');
  // BigInt keeps n4g × bp exact even past 2^53.
  const required = Number((BigInt(n4g) * BigInt(targetBp) + 9999n) / 10000n);
  const needed = Math.max(0, required - n5g);
  const ratio = n4g === 0 ? null : n5g / n4g;
  const status: GapStatus = n4g === 0 ? 'no_baseline' : n5g >= required ? 'met' : 'behind';
  return { ratio, required, needed, status };
}
