import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Uncomputed } from '../../server/uploads/upload-source.js';
import { readDate } from '../../server/uploads/upload-values-date.js';

/* Dates as operators write them (QA P25, c16_dates.csv). */

const read = (cell: unknown) => {
  const r = readDate(cell as never);
  return r.ok ? r.value : `fail:${r.kind}`;
};

describe('readDate', () => {
  it('reads ISO and day/month/year, with -, / or ., with or without a time after it', () => {
    const cases: [string, string][] = [
      ['2024-03-15', '2024-03-15'], ['2024-3-5', '2024-03-05'], ['2024/03/15', '2024-03-15'], ['2024.03.15', '2024-03-15'],
      ['15/03/2024', '2024-03-15'], ['15-03-2024', '2024-03-15'], ['15.03.2024', '2024-03-15'], ['5/3/2024', '2024-03-05'], ['  15/03/2024  ', '2024-03-15'],
      ['2024-03-15 00:00:00', '2024-03-15'], ['2024-03-15T08:30', '2024-03-15'], ['2024-03-15T10:00:00+07:00', '2024-03-15'], ['2024-03-15T10:00:00.000Z', '2024-03-15'],
      ['15/03/2024 00:00', '2024-03-15'], ['15/03/2024 8:30:00', '2024-03-15'], ['15/03/2024 08:30 SA', '2024-03-15'], ['15/03/2024 8:30 PM', '2024-03-15'],
    ];
    for (const [text, iso] of cases) expect(read(text), text).toBe(iso);
  });

  it('reads Excel dates: Date cells and serial numbers (a fraction is the time of day)', () => {
    expect(read(new Date(Date.UTC(2024, 2, 15, 23, 30)))).toBe('2024-03-15');
    expect(read(45366)).toBe('2024-03-15');
    expect(read(45366.75)).toBe('2024-03-15');
    expect(read(new Date(Number.NaN))).toBe('fail:invalid');
  });

  it('says why a date is refused: not real, outside the years, US order, or no date at all', () => {
    expect(read('31/02/2024')).toBe('fail:not_real_dmy');
    expect(read('2024-02-30')).toBe('fail:not_real');
    expect(read('0000-00-00')).toBe('fail:not_real');
    expect(read('29/02/2023')).toBe('fail:not_real_dmy');
    expect(read('29/02/2024')).toBe('2024-02-29');
    // 1899-12-31 is a real date; it is the year that is refused.
    expect(read('1899-12-31')).toBe('fail:year_range');
    expect(read('0001-01-01')).toBe('fail:year_range');
    expect(read('01/01/3000')).toBe('fail:year_range');
    expect(read(new Date(Date.UTC(1899, 11, 30)))).toBe('fail:year_range');
    expect(read('3/15/2024')).toBe('fail:us_order');
    expect(read('12/31/2024')).toBe('fail:us_order');
    expect(read('13/13/2024')).toBe('fail:not_real_dmy');
    for (const t of ['15/3/24', '20240315', 'Mar 15, 2024', '15 thg 3 2024', '45366', '2024-03-15 nonsense', '15/03-2024', '15/03/2024 25:00', 'hôm qua']) {
      expect(read(t), t).toBe('fail:format');
    }
    expect(read(new Uncomputed('DATE(2023,5,1)'))).toBe('fail:uncomputed');
  });

  it('never throws on any text, and gives a real ISO date in 1900–2999 or a reason', () => {
    const dateish = fc.string({ unit: fc.constantFrom(...'0123456789/-.: TZ+SACHPM'), maxLength: 24 });
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 30 }), dateish), (t) => {
      const r = readDate(t);
      if (!r.ok) return void expect(r.kind).toMatch(/^[a-z_]+$/);
      expect(r.value).toMatch(/^(19|2\d)\d{2}-\d{2}-\d{2}$/);
      expect(new Date(`${r.value}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.value);
    }), { numRuns: 3000, seed: 20250615 });
  });

  it('any real date written day/month/year, with any time, reads back as its ISO date', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2999, 11, 31, 23, 59)), noInvalidDate: true });
    fc.assert(fc.property(day, fc.constantFrom('/', '-', '.'), fc.constantFrom('', ' 00:00', ' 8:30:00', 'T23:59'), (d, sep, time) => {
      const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      const iso = d.toISOString().slice(0, 10);
      expect(read(`${dd}${sep}${String(m).padStart(2, '0')}${sep}${y}${time}`)).toBe(iso);
      expect(read(`${iso}${time}`)).toBe(iso);
    }), { numRuns: 1000, seed: 20250615 });
  });
});
