import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Uncomputed } from '../../server/uploads/upload-source.js';
import { readCoordinate, readNumber } from '../../server/uploads/upload-values-number.js';

/* Coordinates as operators write them (QA P17, c13_numbers.csv, c14_dms.csv). */

/** Coordinates are kept to 9 decimals. */
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;
const value = (r: ReturnType<typeof readNumber>) => (r.ok ? r.value : `fail:${r.kind}`);

describe('readNumber', () => {
  it('reads decimal degrees with a dot or a comma, a sign, an exponent, spaces around', () => {
    const cases: [unknown, number][] = [
      ['10.4', 10.4], ['10,4', 10.4], ['  105,4271 ', 105.4271], ['+10.3775', 10.3775], ['-10.5', -10.5], ['\u221210.5', -10.5],
      ['1.03777E+01', 10.3777], ['1,03777e1', 10.3777], ['1.05428E2', 105.428], ['.5', 0.5], ['10.', 10], ['１０.３７８３', 10.3783],
      [10.4, 10.4], [0, 0],
    ];
    for (const [cell, n] of cases) expect(value(readNumber(cell as never)), String(cell)).toBe(n);
  });

  it('keeps inner spaces: "10 22 30" is no 102230 but degrees, minutes and seconds to write otherwise', () => {
    expect(value(readNumber('10 22 30'))).toBe('fail:dms_spaces');
    expect(value(readNumber('105 26 04'))).toBe('fail:dms_spaces');
    expect(value(readNumber('10 22'))).toBe('fail:dms_spaces');
    expect(value(readNumber('10 3771'))).toBe('fail:spaces');
    expect(value(readNumber('105 , 4'))).toBe('fail:spaces');
    expect(value(readNumber('10 abc'))).toBe('fail:not_number');
  });

  it('refuses thousands separators and two decimal marks, which have no meaning in degrees', () => {
    for (const t of ['10.377.1', '10,37,81', '1,037.79', '105.427,9', '1.234,5']) expect(value(readNumber(t)), t).toBe('fail:separators');
  });

  it('refuses what is no number, and an uncomputed formula as such', () => {
    for (const t of ['abc', 'NaN', 'Infinity', '', '.', '10.3783.', '1e400', '#VALUE!', '0x1A', '1_000']) expect(value(readNumber(t)), t).toBe('fail:not_number');
    expect(value(readNumber(Number.NaN))).toBe('fail:not_number');
    expect(value(readNumber(new Uncomputed('10+0.382')))).toBe('fail:uncomputed');
  });
});

describe('readCoordinate: degrees, minutes and seconds', () => {
  const lat = (t: string) => value(readCoordinate(t, 'latitude'));
  const lon = (t: string) => value(readCoordinate(t, 'longitude'));

  it('reads symbols in their ASCII, typographic and Word forms, with or without spaces', () => {
    expect(lat(`10°22'30"N`)).toBe(round9(10.375));
    expect(lon(`105°26'04.5"E`)).toBe(round9(105 + 26 / 60 + 4.5 / 3600));
    expect(lat('10°22′30″N')).toBe(round9(10.375));
    expect(lat('10° 22′ 30″ N')).toBe(round9(10.375));
    expect(lat('10º22’30”')).toBe(round9(10.375));
    expect(lat(`10°22'30''`)).toBe(round9(10.375));
    expect(lon(`105°26'04,5"`)).toBe(round9(105 + 26 / 60 + 4.5 / 3600));
  });

  it('reads degrees and decimal minutes, degrees alone, a hemisphere letter before or after', () => {
    expect(lat("10°22.5'")).toBe(round9(10.375));
    expect(lon("105°26.07'")).toBe(round9(105.4345));
    expect(lat('10.375°')).toBe(10.375);
    expect(lat("10°22'30")).toBe(round9(10.375)); // the closing " lost to CSV quoting
    expect(lat('10°22.5')).toBe(round9(10.375));
    expect(lat('N10.375')).toBe(10.375);
    expect(lon('E105.434')).toBe(105.434);
    expect(lon('105.434 E')).toBe(105.434);
    expect(lat('10°22\'30" B')).toBe(round9(10.375)); // Bắc
    expect(lon('105°26\' Đ')).toBe(round9(105 + 26 / 60)); // Đông
  });

  it('south and west, or a minus, are negative', () => {
    expect(lat(`10°22'30"S`)).toBe(round9(-10.375));
    expect(lon(`105°26'W`)).toBe(round9(-(105 + 26 / 60)));
    expect(lat(`-10°22'30"`)).toBe(round9(-10.375));
    expect(lat(`\u221210°22'30"`)).toBe(round9(-10.375));
  });

  it('refuses impossible parts, a sign with a letter, and the other axis\'s letter', () => {
    for (const t of [`10°60'`, `10°22'60"`, `10.5°22'`, `10°22.5'30"`, `-10°22'S`, `10°22'30"N E`, `10°°`, `N10°x`, `10°22 30`, `10°2230'`]) expect(lat(t), t).toBe('fail:dms');
    expect(lat(`105°26'04"E`)).toBe('fail:hemisphere');
    expect(lon(`10°22'30"N`)).toBe('fail:hemisphere');
  });

  it('leaves words alone: a letter counts only beside the number', () => {
    expect(lat('Sai')).toBe('fail:not_number');
    expect(lat('abc')).toBe('fail:not_number');
    expect(lat('N')).toBe('fail:not_number');
    expect(lat('10 22 30 N')).toBe('fail:dms_spaces');
    expect(value(readCoordinate(new Uncomputed('A1'), 'latitude'))).toBe('fail:uncomputed');
  });
});

describe('number properties', () => {
  const degrees = fc.double({ min: -180, max: 180, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));

  it('decimal degrees written with a dot or a comma read back exactly; as a coordinate, to the nearest 9th decimal', () => {
    fc.assert(fc.property(degrees, fc.boolean(), (x, comma) => {
      const text = comma ? String(x).replace('.', ',') : String(x);
      expect(readNumber(text)).toEqual({ ok: true, value: x });
      const r = readCoordinate(` ${text} `, 'longitude');
      if (!r.ok) throw new Error(text);
      expect(Math.abs(r.value - x), text).toBeLessThanOrEqual(5e-10 + 1e-13);
      // As a person would write it: no digit past the 9th decimal.
      expect(String(r.value), text).toMatch(/^-?\d+(\.\d{1,9})?$|e/);
      // Read again, it stays: a coordinate read back from an export is the one stored.
      expect(readCoordinate(String(r.value), 'longitude')).toEqual(r);
    }), { numRuns: 2000, seed: 20250615 });
  });

  it('the noise of binary fractions is not kept: a computed 105.43100000000001 is 105.431, 10°22\'30" exactly 10.375', () => {
    expect(value(readCoordinate(105.43100000000001, 'longitude'))).toBe(105.431);
    expect(value(readCoordinate('105.43100000000001', 'longitude'))).toBe(105.431);
    expect(value(readCoordinate(105 + 0.431, 'longitude'))).toBe(105.431);
    expect(value(readCoordinate(10.4 - 0.0000000001, 'latitude'))).toBe(10.4);
    expect(value(readCoordinate(`10°22'30"N`, 'latitude'))).toBe(10.375);
    expect(value(readCoordinate(`105°26'04.5"E`, 'longitude'))).toBe(105.434583333);
    expect(value(readCoordinate(-0.0000000001, 'latitude'))).toBe(0);
    expect(Object.is(value(readCoordinate(-0.0000000001, 'latitude')), -0)).toBe(false);
    expect(value(readCoordinate(10.123456789, 'latitude'))).toBe(10.123456789);
  });

  it('degrees, minutes and seconds read back within 1e-9 of d + m/60 + s/3600, in any writing', () => {
    const SYMBOLS: [string, string, string][] = [['°', "'", '"'], ['°', '′', '″'], ['º', '’', '”'], ['°', "'", "''"]];
    const dms = fc.record({
      d: fc.integer({ min: 0, max: 89 }), m: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59_999 }).map((n) => n / 1000),
      symbols: fc.constantFrom(...SYMBOLS),
      space: fc.constantFrom('', ' '), hemisphere: fc.constantFrom('', 'N', 'S', '-'), comma: fc.boolean(),
    });
    fc.assert(fc.property(dms, ({ d, m, s, symbols: [deg, min, sec], space, hemisphere, comma }) => {
      const secText = comma ? String(s).replace('.', ',') : String(s);
      const body = `${d}${deg}${space}${m}${min}${space}${secText}${sec}`;
      const text = hemisphere === '-' ? `-${body}` : `${body}${space}${hemisphere}`;
      const r = readCoordinate(text, 'latitude');
      const expected = (hemisphere === 'S' || hemisphere === '-' ? -1 : 1) * (d + m / 60 + s / 3600);
      expect(r.ok, text).toBe(true);
      expect(Math.abs((r.ok ? r.value : NaN) - expected), text).toBeLessThan(1e-9);
    }), { numRuns: 2000, seed: 20250615 });
  });

  it('never throws, and answers a finite number or a reason, for any text', () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: fc.constantFrom(...'0123456789 .,+-eE°′″\'"NSEWBĐ\u2212'), maxLength: 20 }));
    fc.assert(fc.property(text, fc.constantFrom('latitude' as const, 'longitude' as const), (t, axis) => {
      const r = readCoordinate(t, axis);
      if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      else expect(r.kind).toMatch(/^[a-z_]+$/);
    }), { numRuns: 3000, seed: 20250615 });
  });
});
