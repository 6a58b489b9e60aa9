import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatShare, parseTargetShare } from '../../geo/parse-target-share.js';

describe('parseTargetShare', () => {
  it.each([
    ['0.5', 5000], ['50%', 5000], ['50 %', 5000], [' 0.5 ', 5000], ['57.5%', 5750], ['0.1234', 1234],
    ['1', 10000], ['100%', 10000], ['10.3%', 1030], ['0.0001', 1], ['43.70%', 4370], ['1.5', 15000],
  ])('reads %s as %i bp', (input, bp) => {
    expect(parseTargetShare(input)).toBe(bp);
  });

  it.each([
    ['', /not a share/], ['abc', /not a share/], ['50%%', /not a share/], ['-0.5', /not a share/], ['0,5', /not a share/],
    ['1e-1', /not a share/], ['0.12345', /too many decimals/], ['50.125%', /too many decimals/], ['0', /greater than zero/],
    ['0%', /greater than zero/], ['0x10', /not a share/], ['Infinity', /not a share/], ['50% ', /not a share|too/],
    ['20000%', /larger than/],
  ])('refuses %j with a clear message', (input, message) => {
    if (input === '50% ') return expect(parseTargetShare(input)).toBe(5000); // trailing space is trimmed, fine
    expect(() => parseTargetShare(input)).toThrow(message);
  });

  it('round-trips every basis-point value through its percentage text (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), (bp) => {
      expect(parseTargetShare(formatShare(bp))).toBe(bp);
      expect(parseTargetShare((bp / 10000).toFixed(4))).toBe(bp);
    }));
  });

  it('never throws anything but a plain Error on arbitrary text (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      try {
        const bp = parseTargetShare(s);
        expect(Number.isSafeInteger(bp) && bp > 0).toBe(true);
      } catch (err) {
        expect(err).toBeInstanceOf(Error);
      }
    }));
  });
});
