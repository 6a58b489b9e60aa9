import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameOperator } from '../../server/uploads/upload-operator-names.js';
import { Uncomputed } from '../../server/uploads/upload-source.js';
import { cellText, isPlaceholder, readText, readVisibleText, visible } from '../../server/uploads/upload-values.js';
import { readStatus, readTechnology } from '../../server/uploads/upload-values-enums.js';

/* Text, status, technology and operator cells (QA P7, P15, P21, P24, P25). */

const kindOf = (r: { ok: boolean; kind?: string; value?: unknown }) => (r.ok ? r.value : `fail:${r.kind}`);

describe('text cells', () => {
  it('an uncomputed formula is no blank: shown as Excel shows it, refused by every text reader', () => {
    const f = new Uncomputed('10+0.382');
    expect(cellText(f)).toBe('=10+0.382');
    expect(cellText(new Uncomputed('=A1'))).toBe('=A1');
    expect(kindOf(readText(f, 64))).toBe('fail:uncomputed');
    expect(kindOf(readVisibleText(f, 64))).toBe('fail:uncomputed');
    expect(kindOf(readStatus(f))).toBe('fail:uncomputed');
    expect(kindOf(readTechnology(f))).toBe('fail:uncomputed');
  });

  it('placeholders for no value, whatever the case; a real value is none', () => {
    for (const t of ['-', ' — ', '–', '--', 'N/A', 'n/a', '#N/A', 'null', 'NULL', 'none', 'x', 'X']) expect(isPlaceholder(t), t).toBe(true);
    for (const t of ['', 'NA-1', 'xx', 'Không', '0', 'VT-1']) expect(isPlaceholder(t), t).toBe(false);
    expect(isPlaceholder(null)).toBe(false);
  });

  it('refuses invisible characters in codes and names, anywhere but at the trimmed ends', () => {
    for (const c of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202A', '\u202E', '\u2066', '\u2069', '\u200F']) {
      expect(kindOf(readVisibleText(`QA${c}1`, 64)), c.charCodeAt(0).toString(16)).toBe('fail:invisible');
    }
    expect(kindOf(readVisibleText('\u200BQA1', 64))).toBe('fail:invisible');
    // A BOM at the start of a cell is trimmed away (String.prototype.trim): nothing is left of it to mislead.
    expect(kindOf(readVisibleText('\uFEFFQA-C22-019', 64))).toEqual({ text: 'QA-C22-019', joined: false });
  });

  it('names: Alt+Enter line breaks and tabs become one space, and say so; other controls stay refused', () => {
    expect(kindOf(readVisibleText('Dòng 1\nDòng 2', 200, { joinLines: true }))).toEqual({ text: 'Dòng 1 Dòng 2', joined: true });
    expect(kindOf(readVisibleText('Dòng 1 \r\n Dòng 2\r\nDòng 3', 200, { joinLines: true }))).toEqual({ text: 'Dòng 1 Dòng 2 Dòng 3', joined: true });
    expect(kindOf(readVisibleText('tab\there', 200, { joinLines: true }))).toEqual({ text: 'tab here', joined: true });
    expect(kindOf(readVisibleText('Mỹ Hòa'.normalize('NFD'), 200, { joinLines: true }))).toEqual({ text: 'Mỹ Hòa', joined: false });
    expect(kindOf(readVisibleText('a\nb', 200))).toBe('fail:control_chars');
    expect(kindOf(readVisibleText('a\u0007\nb', 200, { joinLines: true }))).toBe('fail:control_chars');
    expect(kindOf(readVisibleText('c1\u0085char', 200, { joinLines: true }))).toBe('fail:control_chars');
    expect(kindOf(readVisibleText(`${'x'.repeat(150)}\n${'y'.repeat(49)}`, 200, { joinLines: true }))).toEqual({ text: `${'x'.repeat(150)} ${'y'.repeat(49)}`, joined: true });
  });

  it('visible() escapes C0, C1 and invisible characters, and keeps every other character', () => {
    expect(visible('c1\u0085char')).toBe('c1\\u0085char');
    expect(visible('a\u0000b\u007f\u009f')).toBe('a\\u0000b\\u007f\\u009f');
    expect(visible('bidi \u202Eevil\u202C')).toBe('bidi \\u202eevil\\u202c');
    expect(visible('Trạm Mỹ Hòa 📡 ¡¿')).toBe('Trạm Mỹ Hòa 📡 ¡¿');
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
      expect(visible(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/);
    }), { numRuns: 1000, seed: 20250615 });
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

describe('operator names (QA P7, c20_operator_column.csv)', () => {
  const op = (code: string, name: string) => ({ code, name });
  const VIETTEL = op('VIETTEL', 'Viettel'), VNPT = op('VNPT', 'VNPT (VinaPhone)'), MOBIFONE = op('MOBIFONE', 'MobiFone'), VNMB = op('VIETNAMOBILE', 'Vietnamobile');

  it('a name with the operator\'s brand and no other\'s is the operator\'s own', () => {
    const own: [typeof VIETTEL, string[]][] = [
      [VIETTEL, ['VIETTEL', 'viettel', 'Viettel An Giang', 'Tập đoàn Viettel', 'Viettel Telecom', 'VTL', 'Tổng Công ty Viễn thông Viettel']],
      [VNPT, ['VNPT', 'VNPT An Giang', 'VinaPhone', 'Vina Phone', 'VNP', 'VNPT (VinaPhone)', 'VNPT-VinaPhone']],
      [MOBIFONE, ['MobiFone', 'Mobifone', 'MBF', 'Tổng công ty Viễn thông MobiFone', 'Mobi Fone']],
      [VNMB, ['Vietnamobile', 'VNMB', 'Công ty Vietnamobile']],
    ];
    for (const [operator, names] of own) for (const n of names) expect(nameOperator(n, operator), `${operator.code}: ${n}`).toBe('own');
  });

  it('a name with another operator\'s brand is the other\'s, even beside the own one', () => {
    for (const n of ['VNPT', 'VinaPhone', 'MobiFone', 'MBF', 'Vietnamobile', 'VNMB', 'Viettel VinaPhone']) expect(nameOperator(n, VIETTEL), n).toBe('other');
    expect(nameOperator('Viettel', VNPT)).toBe('other');
    expect(nameOperator('VTL', MOBIFONE)).toBe('other');
  });

  it('a name with no operator\'s brand is unknown, not another operator\'s', () => {
    for (const n of ['Công ty ABC', 'FPT', 'An Giang', 'Tập đoàn', 'Viet', 'Telecom']) expect(nameOperator(n, VIETTEL), n).toBe('unknown');
  });
});
