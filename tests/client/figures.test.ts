import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFigures, sortRows, sumCounts, type StatsBody } from '../../client/figures.js';

const body = (rows: [string, number, number][], unassigned = { n4g: 0, n5g: 0 }): StatsBody => ({
  set: { id: 1, name: 's', isDemo: false }, asOf: '2025-01-01', baseline: null, target: { bp: 5000, label: '50%' },
  rows: rows.map(([code, n4g, n5g]) => ({ code, name: `Area ${code}`, parentCode: null, areaKm2: 1, population: null, n4g, n5g })),
  unassigned,
});

describe('figures on the client', () => {
  it('reports the set gap from the totals and every area meeting it apart (DOMAIN example)', () => {
    const f = computeFigures(sumCounts([body([['A', 10, 8], ['B', 10, 2]])]), 5000);
    expect(f.totals).toMatchObject({ n4g: 20, n5g: 10, required: 10, needed: 0, neededAllAreas: 3, status: 'met' });
  });

  it('counts unassigned stations set-wide but not in a selection of areas', () => {
    const counts = sumCounts([body([['A', 10, 1], ['B', 4, 4]], { n4g: 6, n5g: 0 })]);
    expect(computeFigures(counts, 5000).totals).toMatchObject({ n4g: 20, n5g: 5, required: 10, needed: 5 });
    expect(computeFigures(counts, 5000, ['A']).totals).toMatchObject({ n4g: 10, n5g: 1, required: 5, needed: 4, neededAllAreas: 4 });
  });

  it('adds operators up exactly: the sum of per-operator counts is the all-operator count', () => {
    const entry = fc.tuple(fc.nat(50), fc.nat(50));
    fc.assert(fc.property(fc.array(fc.array(entry, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (perOp) => {
      const bodies = perOp.map((rows) => body(rows.map(([a, b], i) => [`C${i}`, a, b])));
      const summed = sumCounts(bodies);
      summed.rows.forEach((r, i) => {
        expect(r.n4g).toBe(perOp.reduce((t, rows) => t + rows[i]![0], 0));
        expect(r.n5g).toBe(perOp.reduce((t, rows) => t + rows[i]![1], 0));
      });
    }));
  });

  it('recomputes with a what-if target: 30 % of 10 needs 3, not 4', () => {
    const f = computeFigures(sumCounts([body([['A', 10, 0]])]), 3000);
    expect(f.rows[0]).toMatchObject({ required: 3, needed: 3 });
  });

  it('sorts by each column, stable on ties, Vietnamese names in dictionary order', () => {
    const rows = computeFigures(sumCounts([body([['1', 10, 1], ['2', 10, 9], ['3', 0, 0]])]), 5000).rows
      .map((r, i) => ({ ...r, name: ['Ô Môn', 'An Phú', 'Đồng Tháp'][i]! }));
    expect(sortRows(rows, 'needed', 'desc', 'vi').map((r) => r.code)).toEqual(['1', '2', '3']);
    expect(sortRows(rows, 'ratio', 'asc', 'vi').map((r) => r.code)).toEqual(['3', '1', '2']);
    expect(sortRows(rows, 'name', 'asc', 'vi').map((r) => r.name)).toEqual(['An Phú', 'Đồng Tháp', 'Ô Môn']);
    expect(sortRows(rows, 'status', 'asc', 'vi').map((r) => r.status)).toEqual(['behind', 'no_baseline', 'met']);
  });
});
