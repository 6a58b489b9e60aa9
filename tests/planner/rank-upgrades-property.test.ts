import * as turf from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankUpgrades, type FiveGSite, type UpgradeCandidate } from '../../geo/rank-upgrades.js';

/*
 * Positions sit on a 100 m lattice, so a 5G is either on a 4G (co-located at 50 m) or at
 * least 100 m away: the co-location oracle (turf's haversine) never sits on the fence.
 */
const LON0 = 105.2, LAT0 = 10.5, STEP_DEG = 100 / 111_195;
const OPS = ['VIETTEL', 'VNPT', 'MOBIFONE'] as const;
const pointArb = fc.record({ gx: fc.integer({ min: 0, max: 40 }), gy: fc.integer({ min: 0, max: 40 }), op: fc.constantFrom(...OPS) });
const toLonLat = (gx: number, gy: number) => ({ lon: LON0 + gx * STEP_DEG, lat: LAT0 + gy * STEP_DEG });

const scenarioArb = fc.record({
  candidates: fc.uniqueArray(pointArb, { maxLength: 25, selector: (p) => `${p.gx}:${p.gy}:${p.op}` }),
  fiveG: fc.array(fc.record({ at: fc.oneof(fc.nat(), pointArb), onAir: fc.boolean(), op: fc.constantFrom(...OPS) }), { maxLength: 15 }),
  count: fc.integer({ min: 0, max: 30 }),
  radiusMeters: fc.constantFrom(450, 1200, 2200),
  seed: fc.integer(),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(sc: Scenario) {
  const candidates: UpgradeCandidate[] = sc.candidates.map((p, i) => ({ code: `S${i % 7}`, operator: p.op, ...toLonLat(p.gx, p.gy) }));
  // A 5G given as a number sits on that candidate (an upgrade), else anywhere on the lattice.
  const fiveG: FiveGSite[] = sc.fiveG.map((f) => {
    if (typeof f.at === 'number' && candidates.length > 0) {
      const host = candidates[f.at % candidates.length]!;
      return { operator: f.op, lon: host.lon, lat: host.lat, onAir: f.onAir };
    }
    const p = typeof f.at === 'number' ? { gx: 0, gy: 0 } : f.at;
    return { operator: f.op, ...toLonLat(p.gx, p.gy), onAir: f.onAir };
  });
  return { candidates, fiveG };
}

const colocated = (c: UpgradeCandidate, fiveG: FiveGSite[]) =>
  fiveG.some((f) => f.operator === c.operator && turf.distance([c.lon, c.lat], [f.lon, f.lat], { units: 'meters' }) <= 50);

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('rankUpgrades properties', () => {
  it('picks are distinct candidates, never co-located, close the gap when they can, with shrinking gains', () => {
    fc.assert(fc.property(scenarioArb, (sc) => {
      const { candidates, fiveG } = build(sc);
      const r = rankUpgrades(candidates, fiveG, { count: sc.count, radiusMeters: sc.radiusMeters });
      const eligible = candidates.filter((c) => !colocated(c, fiveG));
      expect(r.candidates).toBe(eligible.length);
      expect(r.picks.length).toBe(Math.min(sc.count, eligible.length));
      expect(r.shortfall).toBe(sc.count - r.picks.length);
      const keys = r.picks.map((p) => `${p.operator}:${p.code}:${p.lon}:${p.lat}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const p of r.picks) {
        expect(candidates.some((c) => c.code === p.code && c.operator === p.operator && c.lon === p.lon && c.lat === p.lat)).toBe(true);
        expect(colocated(p, fiveG)).toBe(false);
      }
      r.picks.forEach((p, i) => {
        expect(p.rank).toBe(i + 1);
        if (i > 0) expect(p.gainKm2).toBeLessThanOrEqual(r.picks[i - 1]!.gainKm2);
      });
    }), { numRuns: 300 });
  });

  it('the same input in any order gives the same list', () => {
    fc.assert(fc.property(scenarioArb, (sc) => {
      const { candidates, fiveG } = build(sc);
      const opts = { count: sc.count, radiusMeters: sc.radiusMeters, origin: [LON0, LAT0] as [number, number] };
      const a = rankUpgrades(candidates, fiveG, opts);
      const b = rankUpgrades(shuffle(candidates, sc.seed), shuffle(fiveG, sc.seed + 1), opts);
      expect(b).toEqual(a);
    }), { numRuns: 200 });
  });

  it('rejects a missing radius and a negative count', () => {
    expect(() => rankUpgrades([], [], { count: 1, radiusMeters: 0 })).toThrow(/radiusMeters/);
    expect(() => rankUpgrades([], [], { count: -1, radiusMeters: 100 })).toThrow(/count/);
  });
});
