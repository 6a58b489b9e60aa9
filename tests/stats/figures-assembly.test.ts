import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleFigures, operatorBreakdown, selectAreas, totalsOf, withUpgrades } from '../../server/figures/assemble-figures.js';
import type { AreaOperatorCount } from '../../server/figures/figures.types.js';

/*
 * The assembly (server/figures) with counts made by hand, against an oracle written apart
 * from it: BigInt ceilings, its own sums. The same assembly answers /api/stats, /api/areas,
 * the area card and the planner's what-if (stats-property.test.ts checks it end to end on SQL).
 */

const OPERATORS = [{ id: 1, code: 'A', name: 'Op A' }, { id: 2, code: 'B', name: 'Op B' }, { id: 3, code: 'C', name: 'Op C' }];
const area = (id: number) => ({ id, code: `C${id}`, name: `Area ${id}`, parentCode: id % 2 ? 'P1' : 'P2', areaKm2: 1, population: null });

function oracleGap(n4g: number, n5g: number, bp: number) {
  const required = Number((BigInt(n4g) * BigInt(bp) + 9999n) / 10000n);
  return { n4g, n5g, ratio: n4g ? n5g / n4g : null, required, needed: Math.max(0, required - n5g),
    status: n4g === 0 ? 'no_baseline' : n5g >= required ? 'met' : 'behind' };
}

const countsArb = fc.array(fc.record({
  areaId: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  operatorId: fc.integer({ min: 1, max: 3 }),
  n4g: fc.nat(40), n5g: fc.nat(40),
}), { maxLength: 30 });
const bpArb = fc.oneof(fc.integer({ min: 1, max: 20000 }), fc.constantFrom(5000, 3000, 3333));
const AREAS = [1, 2, 3, 4, 5].map(area);

function sumWhere(counts: readonly AreaOperatorCount[], pick: (c: AreaOperatorCount) => boolean) {
  return counts.filter(pick).reduce((a, c) => ({ n4g: a.n4g + c.n4g, n5g: a.n5g + c.n5g }), { n4g: 0, n5g: 0 });
}

describe('the figures assembly (counts in, figures out)', () => {
  it('reports the set gap from the totals and every area meeting it apart (DOMAIN example)', () => {
    const f = assembleFigures({ areas: [area(1), area(2)], operators: OPERATORS, bp: 5000, counts: [
      { areaId: 1, operatorId: 1, n4g: 10, n5g: 8 }, { areaId: 2, operatorId: 1, n4g: 10, n5g: 2 },
    ] });
    expect(f.totals).toMatchObject({ n4g: 20, n5g: 10, required: 10, needed: 0, neededAllAreas: 3, status: 'met' });
  });

  it('a what-if target of 30 % on 10 4G needs 3, not 4 (exact arithmetic)', () => {
    const f = assembleFigures({ areas: [area(1)], operators: OPERATORS, bp: 3000, counts: [{ areaId: 1, operatorId: 1, n4g: 10, n5g: 0 }] });
    expect(f.rows[0]).toMatchObject({ required: 3, needed: 3 });
  });

  it('rows, unassigned, totals, a selection and the per-operator breakdown match the oracle (property)', () => {
    fc.assert(fc.property(countsArb, bpArb, fc.uniqueArray(fc.integer({ min: 1, max: 5 })), (counts, bp, chosen) => {
      const f = assembleFigures({ areas: AREAS, counts, operators: OPERATORS, bp });
      const rows = AREAS.map((a) => { const s = sumWhere(counts, (c) => c.areaId === a.id); return { code: a.code, ...oracleGap(s.n4g, s.n5g, bp) }; });
      expect(f.rows.map(({ code, n4g, n5g, ratio, required, needed, status }) => ({ code, n4g, n5g, ratio, required, needed, status }))).toEqual(rows);
      const outside = sumWhere(counts, (c) => c.areaId === null);
      expect(f.unassigned).toEqual({ ...outside, ratio: oracleGap(outside.n4g, outside.n5g, bp).ratio });
      const all = sumWhere(counts, () => true);
      expect(f.totals).toEqual({ ...oracleGap(all.n4g, all.n5g, bp), neededAllAreas: rows.reduce((a, r) => a + r.needed, 0) });
      // A selection: its areas' counts, no unassigned stations, its own neededAllAreas.
      const sel = selectAreas(f, chosen.map((i) => `C${i}`));
      const inSel = sumWhere(counts, (c) => c.areaId !== null && chosen.includes(c.areaId));
      const selRows = rows.filter((r) => chosen.includes(Number(r.code.slice(1))));
      expect(sel.totals).toEqual({ ...oracleGap(inSel.n4g, inSel.n5g, bp), neededAllAreas: selRows.reduce((a, r) => a + r.needed, 0) });
      // Per operator: each operator's own counts and gap; the counts add up to the area's.
      for (const a of AREAS) {
        const ops = operatorBreakdown(f, a.id);
        expect(ops.map((o) => o.operator)).toEqual(['A', 'B', 'C']);
        for (const o of ops) {
          const s = sumWhere(counts, (c) => c.areaId === a.id && OPERATORS.find((x) => x.id === c.operatorId)!.code === o.operator);
          expect(o).toMatchObject(oracleGap(s.n4g, s.n5g, bp));
        }
      }
    }));
  });

  it('a parent level is totalsOf its children: sums first, then the gap; neededAllAreas the children\'s gaps', () => {
    fc.assert(fc.property(countsArb, bpArb, (counts, bp) => {
      const f = assembleFigures({ areas: AREAS, counts, operators: OPERATORS, bp });
      const p1 = totalsOf(f.rows.filter((r) => r.parentCode === 'P1'), bp);
      const s = sumWhere(counts, (c) => c.areaId !== null && c.areaId % 2 === 1);
      expect(p1).toMatchObject(oracleGap(s.n4g, s.n5g, bp));
      expect(p1.neededAllAreas).toBe(f.rows.filter((r) => r.parentCode === 'P1').reduce((a, r) => a + r.needed, 0));
    }));
  });

  it('upgrades add 5G to the counted operators only, 4G unchanged', () => {
    fc.assert(fc.property(countsArb, fc.array(fc.record({ areaId: fc.integer({ min: 1, max: 5 }), operatorId: fc.integer({ min: 1, max: 3 }), count: fc.nat(5) })),
      fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { minLength: 1 }), { nil: null }), (counts, ups, counted) => {
        const only = counted && new Set(counted);
        const after = withUpgrades(counts.filter((c) => !only || only.has(c.operatorId)), ups, only);
        for (const a of AREAS) for (const o of OPERATORS) {
          const was = sumWhere(counts, (c) => c.areaId === a.id && c.operatorId === o.id && (!only || only.has(o.id)));
          const plus = only && !only.has(o.id) ? 0 : ups.filter((u) => u.areaId === a.id && u.operatorId === o.id).reduce((n, u) => n + u.count, 0);
          expect(sumWhere(after, (c) => c.areaId === a.id && c.operatorId === o.id)).toEqual({ n4g: was.n4g, n5g: was.n5g + plus });
        }
      }));
  });
});
