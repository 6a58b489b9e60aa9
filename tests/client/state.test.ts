import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseState, serializeState, stationsKey, type ViewState } from '../../client/state.js';

// À-ỹ spans U+1680 (Ogham space mark), which is white space: area codes never start or end with it.
const code = fc.stringMatching(/^[0-9A-Za-zÀ-ỹ_.-]{1,12}$/).filter((s) => s.trim() === s);
const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const viewState: fc.Arbitrary<ViewState> = fc.record({
  lang: fc.constantFrom('vi' as const, 'en' as const),
  set: fc.option(fc.stringMatching(/^[1-9][0-9]{0,3}$/), { nil: null }),
  areas: fc.uniqueArray(code, { maxLength: 4 }),
  operators: fc.uniqueArray(fc.constantFrom('VIETTEL', 'VNPT', 'MOBIFONE', 'VIETNAMOBILE'), { maxLength: 4 }),
  technology: fc.constantFrom(null, '4G' as const, '5G' as const),
  statuses: fc.uniqueArray(fc.constantFrom('planned' as const, 'on_air' as const, 'decommissioned' as const), { maxLength: 3 }),
  asOf: fc.option(isoDate, { nil: null }),
  target: fc.option(fc.stringMatching(/^[1-9][0-9]{0,2}(\.[0-9]{1,2})?$/), { nil: null }),
  layers: fc.record({ g4: fc.boolean(), g5: fc.boolean() }),
  sort: fc.record({
    key: fc.constantFrom('name' as const, 'n4g' as const, 'n5g' as const, 'ratio' as const, 'required' as const, 'needed' as const, 'status' as const),
    dir: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  selected: fc.option(code, { nil: null }),
  map: fc.option(fc.record({
    zoom: fc.integer({ min: 0, max: 19 }),
    lat: fc.integer({ min: -8_500_000, max: 8_500_000 }).map((n) => n / 100_000),
    lon: fc.integer({ min: -17_900_000, max: 17_900_000 }).map((n) => n / 100_000),
  }), { nil: null }),
  planner: fc.record({ plan: fc.boolean(), picks: fc.boolean(), cov: fc.boolean() }),
});

describe('view state in the URL', () => {
  it('round-trips every state through the query string', () => {
    fc.assert(fc.property(viewState, (s) => {
      expect(parseState(serializeState(s))).toEqual(s);
    }), { numRuns: 500 });
  });

  it('writes nothing for the default view, so the plain address is the default', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });

  it('keeps Vietnamese area codes, NFC or NFD, through the URL unchanged', () => {
    const nfd = 'Châu Đốc'.normalize('NFD');
    const s = { ...DEFAULT_STATE, areas: ['Châu Đốc', nfd] };
    expect(parseState(serializeState(s)).areas).toEqual(['Châu Đốc', nfd]);
  });

  it('falls back to defaults for malformed values instead of failing', () => {
    const s = parseState('?lang=fr&tech=6G&status=bogus,on_air&asOf=2025-13&target=abc&sort=colour-up&map=99/1/2&layers=5g');
    expect(s).toMatchObject({
      lang: 'vi', technology: null, statuses: ['on_air'], asOf: null, target: null,
      sort: DEFAULT_STATE.sort, map: null, layers: { g4: false, g5: true },
    });
  });

  it('accepts the aliases a person types: 50% target, lower-case tech and operators', () => {
    const s = parseState('?target=57.5%25&tech=5g&operator=viettel,vnpt');
    expect(s.target).toBe('57.5');
    expect(s.technology).toBe('5G');
    expect(s.operators).toEqual(['VIETTEL', 'VNPT']);
  });

  it('reloads stations when a station filter changes, not when the target or sort does', () => {
    const a = { ...DEFAULT_STATE };
    expect(stationsKey({ ...a, target: '30', sort: { key: 'name', dir: 'asc' } })).toBe(stationsKey(a));
    expect(stationsKey({ ...a, areas: ['883'] })).not.toBe(stationsKey(a));
    expect(stationsKey({ ...a, operators: ['VNPT', 'VIETTEL'] })).toBe(stationsKey({ ...a, operators: ['VIETTEL', 'VNPT'] }));
  });
});
