import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGap } from '../../geo/compute-gap.js';
import { bandColour, labelInk, NO_BASELINE_COLOUR, progressBand, PROGRESS_BANDS } from '../../geo/colour-scale.js';

describe('progress colour scale', () => {
  it('puts the class boundaries at 25, 50, 75 and 100 % of the target', () => {
    // target 50 %: 100 4G → 50 required.
    expect(progressBand(100, 12, 5000)).toBe('band0'); // 24 %
    expect(progressBand(100, 13, 5000)).toBe('band1'); // 26 %
    expect(progressBand(100, 25, 5000)).toBe('band2'); // exactly 50 %
    expect(progressBand(100, 37, 5000)).toBe('band2'); // 74 %
    expect(progressBand(100, 38, 5000)).toBe('band3'); // 76 %
    expect(progressBand(100, 49, 5000)).toBe('band3');
    expect(progressBand(100, 50, 5000)).toBe('band4');
    expect(progressBand(0, 3, 5000)).toBe('bandNone');
  });

  it('calls an area met exactly when the gap figures say met (integer arithmetic, 0.3 × 10 case)', () => {
    expect(progressBand(10, 3, 3000)).toBe('band4');
    fc.assert(fc.property(fc.nat(5000), fc.nat(5000), fc.integer({ min: 1, max: 20000 }), (n4g, n5g, bp) => {
      const status = computeGap({ n4g, n5g }, bp).status;
      const band = progressBand(n4g, n5g, bp);
      expect(band === 'band4').toBe(status === 'met');
      expect(band === 'bandNone').toBe(status === 'no_baseline');
    }), { numRuns: 1000 });
  });

  it('never decreases as 5G stations are added', () => {
    const order = ['band0', 'band1', 'band2', 'band3', 'band4'];
    fc.assert(fc.property(fc.integer({ min: 1, max: 3000 }), fc.nat(3000), fc.integer({ min: 1, max: 20000 }), (n4g, n5g, bp) => {
      expect(order.indexOf(progressBand(n4g, n5g + 1, bp))).toBeGreaterThanOrEqual(order.indexOf(progressBand(n4g, n5g, bp)));
    }));
  });

  it('uses five distinct colours from a light–dark ramp, grey for no baseline, readable label ink', () => {
    const colours = PROGRESS_BANDS.map((b) => b.colour);
    expect(new Set(colours).size).toBe(5);
    expect(bandColour('bandNone')).toBe(NO_BASELINE_COLOUR);
    expect(bandColour('band4')).toBe('#542788');
    expect(labelInk('band4')).toBe('#ffffff');
    expect(labelInk('band2')).toBe('#1b1b1b');
  });
});
