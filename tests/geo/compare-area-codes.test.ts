import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAreaCodes } from '../../geo/compare-area-codes.js';

describe('compareAreaCodes', () => {
  it('orders all-digit codes by value, before any other code', () => {
    expect(['884', '100', 'A1', '99', '0883', 'B'].sort(compareAreaCodes)).toEqual(['99', '100', '0883', '884', 'A1', 'B']);
  });

  it('is a total order: antisymmetric and transitive (property)', () => {
    const code = fc.oneof(fc.stringMatching(/^[0-9]{1,4}$/), fc.stringMatching(/^[A-Z0-9-]{1,4}$/));
    fc.assert(fc.property(code, code, code, (a, b, c) => {
      expect(Math.sign(compareAreaCodes(a, b))).toBe(-Math.sign(compareAreaCodes(b, a)) || 0);
      if (compareAreaCodes(a, b) <= 0 && compareAreaCodes(b, c) <= 0) expect(compareAreaCodes(a, c)).toBeLessThanOrEqual(0);
      expect(compareAreaCodes(a, a)).toBe(0);
    }));
  });
});
