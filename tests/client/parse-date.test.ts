import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from '../../client/format.js';

describe('the as-of date field: parseDate', () => {
  it('reads back every date the page writes, in both languages (property)', () => {
    const day = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(fc.property(day, fc.constantFrom('vi' as const, 'en' as const), (iso, lang) => parseDate(formatDate(iso, lang)) === iso));
  });

  it('takes the day first, with any of / . -, and ISO dates as they are', () => {
    expect(parseDate('18/03/2025')).toBe('2025-03-18');
    expect(parseDate(' 5.3.2025 ')).toBe('2025-03-05');
    expect(parseDate('05-03-2025')).toBe('2025-03-05');
    expect(parseDate('2025-03-18')).toBe('2025-03-18');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
  });

  it('refuses what is not a calendar day', () => {
    for (const text of ['31/02/2025', '29/02/2025', '00/01/2025', '12/13/2025', '03/18/2025', '2025-02-30', '18/03/25', 'hôm nay', '']) {
      expect(parseDate(text), text).toBeNull();
    }
  });
});
