import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTechnology } from '../../geo/normalize-technology.js';

describe('normalizeTechnology', () => {
  it('reads the DOMAIN aliases in any case, with spaces around', () => {
    const cases: [string, string][] = [
      ['4G', '4G'], ['4g', '4G'], ['4G ', '4G'], [' lte', '4G'], ['eNB', '4G'], ['eNodeB', '4G'], ['lte\u00a0', '4G'],
      ['5G', '5G'], ['5g', '5G'], ['NR', '5G'], ['gNB', '5G'], ['gNodeB', '5G'],
    ];
    for (const [input, tech] of cases) expect(normalizeTechnology(input), input).toBe(tech);
  });

  it('reads the compounds operators export (QA c17): LTE-A, 4G/LTE, 5G NSA, NR-SA, 5G-NR …', () => {
    const fourG = ['LTE-A', 'LTE Advanced', 'LTE-A Pro', '4G LTE', '4G/LTE', '4G+', 'LTE+', '4 G', 'lte_a'];
    const fiveG = ['5G NSA', '5G SA', 'NR SA', 'NR-SA', 'NR NSA', '5G-NR', '5G NR', '5G (NSA)', 'NR/5G'];
    for (const t of fourG) expect(normalizeTechnology(t), t).toBe('4G');
    for (const t of fiveG) expect(normalizeTechnology(t), t).toBe('5G');
  });

  it('folds full-width letters and digits (NFKC), as some Asian keyboards type them', () => {
    expect(normalizeTechnology('ＬＴＥ')).toBe('4G');
    expect(normalizeTechnology('５Ｇ')).toBe('5G');
    expect(normalizeTechnology('ＮＲ－ＳＡ')).toBe('5G');
  });

  it('refuses other technologies, both at once, a qualifier on its own or on the wrong name', () => {
    for (const t of ['3G', '2G', 'GSM', '4G+5G', '4G/5G', 'LTE NR', 'SA', 'A', 'LTE SA', '5G Advanced', 'XG', '', '-', '4G 4', 'LTEA']) {
      expect(normalizeTechnology(t), t).toBeNull();
    }
  });

  it('never answers from Object.prototype', () => {
    for (const t of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '4G constructor']) expect(normalizeTechnology(t), t).toBeNull();
  });

  it('answers 4G, 5G or null for any text; case and padding never change the answer', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => {
      expect([null, '4G', '5G']).toContain(normalizeTechnology(s));
    }), { numRuns: 500, seed: 20250615 });
    const letters = fc.string({ unit: fc.constantFrom(...'245gGlLtTeEnNrRbBaAsSdoO -/+_'), maxLength: 12 });
    fc.assert(fc.property(letters, (s) => {
      expect(normalizeTechnology(`  ${s.toUpperCase()}\t`)).toBe(normalizeTechnology(s.toLowerCase()));
    }), { numRuns: 1000, seed: 20250615 });
  });
});
