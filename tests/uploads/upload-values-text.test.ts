import { describe, expect, it } from 'vitest';
import { Uncomputed } from '../../server/uploads/upload-source.js';
import { cellText, readText } from '../../server/uploads/upload-values.js';
import { readStatus, readTechnology } from '../../server/uploads/upload-values-enums.js';

/* Text, status, technology and operator cells (QA P7, P15, P21, P24, P25). */

const kindOf = (r: { ok: boolean; kind?: string; value?: unknown }) => (r.ok ? r.value : `fail:${r.kind}`);

describe('text cells', () => {
  it('an uncomputed formula is no blank: shown as Excel shows it, refused by every text reader', () => {
    const f = new Uncomputed('10+0.382');
    expect(cellText(f)).toBe('=10+0.382');
    expect(cellText(new Uncomputed('=A1'))).toBe('=A1');
    expect(kindOf(readText(f, 64))).toBe('fail:uncomputed');
    expect(kindOf(readStatus(f))).toBe('fail:uncomputed');
    expect(kindOf(readTechnology(f))).toBe('fail:uncomputed');
  });
});

describe('status and technology cells', () => {
  it('reads the statuses of operators\' exports (QA c18)', () => {
    const cases: [string, string][] = [
      ['Đã phát sóng', 'on_air'], ['Đang phát sóng', 'on_air'], ['ON AIR', 'on_air'],
      ['Đã tháo dỡ', 'decommissioned'], ['Tháo dỡ', 'decommissioned'], ['Đã hủy', 'decommissioned'], ['Hủy', 'decommissioned'], ['HUY', 'decommissioned'],
      ['Đang xây dựng', 'planned'], ['Chờ phát sóng', 'planned'], ['Kế hoạch', 'planned'],
    ];
    for (const [text, status] of cases) expect(kindOf(readStatus(text)), text).toBe(status);
  });

  it('a suspended station is refused with its own hint; anything else is unknown', () => {
    for (const t of ['Tạm dừng', 'tam dung', 'Tạm ngừng', 'Suspended']) expect(kindOf(readStatus(t)), t).toBe('fail:suspended');
    for (const t of ['x', '1', 'N/A', '-', 'constructor', '__proto__']) expect(kindOf(readStatus(t)), t).toBe('fail:unknown');
  });

  it('technology: one of 4G and 5G, or a hint for both at once and for 2G/3G', () => {
    expect(kindOf(readTechnology('LTE-A'))).toBe('4G');
    expect(kindOf(readTechnology('5G NSA'))).toBe('5G');
    for (const t of ['4G+5G', '4G/5G', 'LTE + NR', '4G và 5G', '4G and 5G', '5G, 4G']) expect(kindOf(readTechnology(t)), t).toBe('fail:both');
    for (const t of ['3G', '2G', '2G/3G', 'GSM', 'WCDMA', 'UMTS']) expect(kindOf(readTechnology(t)), t).toBe('fail:legacy');
    for (const t of ['XG', '3G/4G', '=cmd', 'N/A']) expect(kindOf(readTechnology(t)), t).toBe('fail:unknown');
  });
});
