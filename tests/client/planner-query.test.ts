import { describe, expect, it } from 'vitest';
import type { Pick } from '../../client/planner/planner-api.js';
import { isRefusal, paceKey, parseTopN, picksInScope, planActive, planArea, planKey, planQuery, whatIfRequest } from '../../client/planner/planner-query.js';
import { DEFAULT_STATE, parseState, serializeState, type ViewState } from '../../client/state.js';

const view = (patch: Partial<ViewState> = {}): ViewState => ({ ...DEFAULT_STATE, ...patch });
const pick = (area: string, rank: number): Pick => ({
  rank, operator: 'VIETTEL', code: `${area}-${rank}`, name: null, lon: 105, lat: 10, area, areaName: area, gainKm2: 1, nearest5gKm: null, reason: { en: 'e', vi: 'v' },
});

describe('planner state in the URL', () => {
  it('plan, picks and cov round-trip and are left out when off', () => {
    expect(serializeState(view())).toBe('');
    const on = view({ planner: { plan: true, picks: true, cov: true } });
    expect(serializeState(on)).toBe('plan=1&picks=1&cov=1');
    expect(parseState('?plan=1&cov=1').planner).toEqual({ plan: true, picks: false, cov: true });
    expect(parseState('?plan=yes&picks=0').planner).toEqual({ plan: false, picks: false, cov: false });
  });
});

describe('planner scope', () => {
  it('the pinned area wins, else the only area selected, else the whole set', () => {
    expect(planArea(view({ selected: 'Châu Đốc', areas: ['A', 'B'] }))).toBe('Châu Đốc');
    expect(planArea(view({ areas: ['A'] }))).toBe('A');
    expect(planArea(view({ areas: ['A', 'B'] }))).toBeNull();
    expect(planArea(view())).toBeNull();
  });

  it('passes set, date, target (as a percentage) and a single operator; several operators count as all', () => {
    expect(planQuery(view({ set: '2', asOf: '2025-06-30', target: '57.5', operators: ['VNPT'], areas: ['883'] })))
      .toEqual({ set: '2', asOf: '2025-06-30', target: '57.5%', operator: 'VNPT', area: '883' });
    expect(planQuery(view({ operators: ['VNPT', 'VIETTEL'] })).operator).toBeUndefined();
    expect(planQuery(view())).toEqual({ set: undefined, asOf: undefined, target: undefined, operator: undefined, area: undefined });
  });

  it('reloads on a scope or coverage change, not on the tab or the picks layer', () => {
    const a = view();
    expect(planKey(view({ planner: { plan: true, picks: true, cov: false } }))).toBe(planKey(a));
    expect(planKey(view({ planner: { plan: false, picks: false, cov: true } }))).not.toBe(planKey(a));
    expect(planKey(view({ asOf: '2025-01-01' }))).not.toBe(planKey(a));
    expect(planKey(view({ layers: { g4: false, g5: true } }))).toBe(planKey(a));
  });

  it('is active only with its tab or a layer on', () => {
    expect(planActive(view())).toBe(false);
    expect(planActive(view({ planner: { plan: false, picks: true, cov: false } }))).toBe(true);
  });

  it('several selected areas keep only their picks; one area or none keep all the API sent', () => {
    const picks = [pick('A', 1), pick('B', 1), pick('C', 1)];
    expect(picksInScope(picks, view({ areas: ['A', 'C'] })).map((p) => p.area)).toEqual(['A', 'C']);
    expect(picksInScope(picks, view({ areas: ['A'] }))).toHaveLength(3);
    expect(picksInScope(picks, view({ areas: ['A', 'C'], selected: 'B' }))).toHaveLength(3);
  });
});

describe('what-if', () => {
  it('asks for one operator\'s top N in the view\'s scope, never its area', () => {
    expect(whatIfRequest(view({ set: '1', target: '60', areas: ['A'], operators: ['VIETTEL'] }), 'VIETTEL', 3))
      .toEqual({ set: '1', target: '60%', operator: 'VIETTEL', upgrades: [{ operator: 'VIETTEL', topN: 3 }] });
    expect(whatIfRequest(view(), 'VNPT', 1)).toEqual({ upgrades: [{ operator: 'VNPT', topN: 1 }] });
    // Several operators in the view: the trial counts them all (summed), as the map does.
    expect(whatIfRequest(view({ operators: ['VIETTEL', 'VNPT'] }), 'VNPT', 2)).toEqual({ operator: 'VIETTEL,VNPT', upgrades: [{ operator: 'VNPT', topN: 2 }] });
  });

  it('N is a whole number from 1 to 10 000', () => {
    expect(parseTopN(' 5 ')).toBe(5);
    expect(parseTopN('10000')).toBe(10_000);
    for (const bad of ['0', '10001', '2.5', '-1', '', 'abc', '1e3']) expect(parseTopN(bad)).toBeNull();
  });

  it('401 and 403 are refusals, other failures are not', () => {
    expect(isRefusal({ status: 401 })).toBe(true);
    expect(isRefusal({ status: 403 })).toBe(true);
    expect(isRefusal({ status: 500 })).toBe(false);
    expect(isRefusal(new Error('x'))).toBe(false);
  });

  it('every pace status has its own message', () => {
    const keys = ['on_track', 'at_risk', 'behind', 'no_baseline'].map(paceKey);
    expect(new Set(keys).size).toBe(4);
    expect(paceKey('unknown')).toBe('paceNoBaseline');
  });
});
