import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGap } from '../../geo/compute-gap.js';

describe('computeGap', () => {
  it('takes the exact ceiling where floating point would not (100 × 7 % = 7, not 8)', () => {
    expect(Math.ceil(100 * 0.07)).toBe(8); // the float trap the contract warns about
    expect(computeGap({ n4g: 100, n5g: 0 }, 700).required).toBe(7);
    expect(computeGap({ n4g: 10, n5g: 0 }, 3000).required).toBe(3);
    expect(computeGap({ n4g: 10, n5g: 0 }, 3001).required).toBe(4);
  });

  it('matches the DOMAIN examples: A at 10/8 met, B at 10/2 three short', () => {
    expect(computeGap({ n4g: 10, n5g: 8 }, 5000)).toEqual({ ratio: 0.8, required: 5, needed: 0, status: 'met' });
    expect(computeGap({ n4g: 10, n5g: 2 }, 5000)).toEqual({ ratio: 0.2, required: 5, needed: 3, status: 'behind' });
    expect(computeGap({ n4g: 20, n5g: 10 }, 5000)).toEqual({ ratio: 0.5, required: 10, needed: 0, status: 'met' });
  });

  it('has no baseline and no ratio without 4G, whatever the 5G count', () => {
    expect(computeGap({ n4g: 0, n5g: 7 }, 5000)).toEqual({ ratio: null, required: 0, needed: 0, status: 'no_baseline' });
  });

  it('rejects counts that are not whole, non-negative numbers', () => {
    expect(() => computeGap({ n4g: -1, n5g: 0 }, 5000)).toThrow(/n4g/);
    expect(() => computeGap({ n4g: 1.5, n5g: 0 }, 5000)).toThrow(/n4g/);
    expect(() => computeGap({ n4g: 1, n5g: 0 }, 0)).toThrow(/targetBp/);
  });

  it('required is the least integer r with r × 10000 ≥ n4g × bp (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5_000_000 }), fc.nat({ max: 5_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (n4g, n5g, bp) => {
        const { required, needed, status, ratio } = computeGap({ n4g, n5g }, bp);
        const product = BigInt(n4g) * BigInt(bp);
        expect(BigInt(required) * 10000n >= product).toBe(true);
        expect(required === 0 || BigInt(required - 1) * 10000n < product).toBe(true);
        expect(needed).toBe(Math.max(0, required - n5g));
        expect(status).toBe(n4g === 0 ? 'no_baseline' : n5g >= required ? 'met' : 'behind');
        expect(ratio).toBe(n4g === 0 ? null : n5g / n4g);
      }),
    );
  });
});
