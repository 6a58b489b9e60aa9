import { describe, expect, it } from 'vitest';
import { dayOf, formatBp, formatDate, formatInt, formatRatio, isoOfDay } from '../../client/format.js';
import { translate } from '../../client/i18n.js';

// Intl inserts narrow/normal no-break spaces in some locales; compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('locale formatting', () => {
  it('groups thousands the Vietnamese way (dot) and the English way (comma)', () => {
    expect(formatInt(1234567, 'vi')).toBe('1.234.567');
    expect(formatInt(1234567, 'en')).toBe('1,234,567');
  });

  it('writes ratios as percentages with one decimal and a dash for no ratio', () => {
    expect(plain(formatRatio(0.4567, 'vi'))).toBe('45,7%');
    expect(formatRatio(0.4567, 'en')).toBe('45.7%');
    expect(formatRatio(null, 'en')).toBe('–');
  });

  it('writes the target exactly to the basis point', () => {
    expect(formatBp(5000, 'en')).toBe('50%');
    expect(formatBp(5750, 'en')).toBe('57.5%');
    expect(plain(formatBp(1234, 'vi'))).toBe('12,34%');
  });

  it('writes calendar dates day first in both languages, with no time-zone shift', () => {
    expect(formatDate('2025-12-31', 'vi')).toBe('31/12/2025');
    expect(formatDate('2025-01-01', 'en')).toBe('01/01/2025');
    expect(formatDate(null, 'vi')).toBe('–');
  });

  it('maps dates to slider days and back', () => {
    for (const d of ['1970-01-01', '2024-02-29', '2025-12-31']) expect(isoOfDay(dayOf(d))).toBe(d);
    expect(dayOf('2025-01-02') - dayOf('2025-01-01')).toBe(1);
  });

  it('has every message in both languages, with the placeholders filled', () => {
    expect(translate('vi', 'legendTarget', { target: '50 %' })).toBe('Mục tiêu: 5G = 50 % số trạm 4G');
    expect(translate('en', 'legendTarget', { target: '50%' })).toBe('Target: 5G = 50% of 4G stations');
    expect(translate('en', 'title')).not.toBe(translate('vi', 'title'));
  });
});
