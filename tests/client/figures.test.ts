import { describe, expect, it } from 'vitest';
import { computeGap } from '../../geo/compute-gap.js';
import { figuresOfStats, figuresOfWhatIf, sortRows, type StatsBody, type WhatIfFigures } from '../../client/figures.js';

/* The page shows the server's figures as they come; these check which answer a view shows, never a sum. */

const gap = (n4g: number, n5g: number, bp = 5000) => ({ n4g, n5g, ...computeGap({ n4g, n5g }, bp) });
const totals = (n4g: number, n5g: number, neededAllAreas: number) => ({ ...gap(n4g, n5g), neededAllAreas });
const row = (code: string, n4g: number, n5g: number) => ({ code, name: `Area ${code}`, parentCode: null, areaKm2: 1, population: null, ...gap(n4g, n5g) });

const body = (rows: ReturnType<typeof row>[], over: Partial<StatsBody> = {}): StatsBody => ({
  set: { id: 1, name: 's', isDemo: false }, asOf: '2025-01-01', baseline: null, target: { bp: 5000, label: '50%' }, operator: null,
  rows, unassigned: { n4g: 6, n5g: 0, ratio: 0 }, totals: totals(99, 9, 7), selection: null, ...over,
});

describe('figures on the page', () => {
  it('a selection shows its own rows and the server\'s total of them; every area stays on the map', () => {
    const all = body([row('A', 10, 1), row('B', 4, 4)]);
    const sel = body([row('A', 10, 1)], { selection: { areas: ['A'], totals: totals(10, 1, 4) } });
    const f = figuresOfStats(all, sel);
    expect(f.rows.map((r) => r.code)).toEqual(['A', 'B']);
    expect(f.tableRows.map((r) => r.code)).toEqual(['A']);
    expect(f.totals).toBe(sel.selection!.totals);
    expect(figuresOfStats(all, null).totals).toBe(all.totals);
  });

  it('a what-if answer for the view\'s own scope replaces every figure; for another scope it shows nowhere', () => {
    const view = body([row('A', 10, 1), row('B', 4, 4)]);
    const w: WhatIfFigures = {
      set: { id: 1 }, asOf: '2025-01-01', baseline: null, target: { bp: 5000 }, operator: null,
      areas: [{ code: 'A', name: 'Area A', added: 2, after: gap(10, 3), operators: [] }, { code: 'B', name: 'Area B', added: 0, after: gap(4, 4), operators: [] }],
      unassigned: view.unassigned, totals: { after: totals(20, 7, 2) }, selection: { areas: ['B'], after: totals(4, 4, 0) },
    };
    const f = figuresOfWhatIf(w, view)!;
    expect(f.rows.find((r) => r.code === 'A')).toMatchObject({ n5g: 3, needed: 2 });
    expect(f.tableRows.map((r) => r.code)).toEqual(['B']);
    expect(f.totals).toBe(w.selection!.after);
    expect(figuresOfWhatIf({ ...w, asOf: '2024-01-01' }, view)).toBeNull();
    expect(figuresOfWhatIf({ ...w, operator: 'VNPT' }, view)).toBeNull();
  });

  it('sorts by each column, stable on ties, Vietnamese names in dictionary order', () => {
    const rows = [row('1', 10, 1), row('2', 10, 9), row('3', 0, 0)].map((r, i) => ({ ...r, name: ['Ô Môn', 'An Phú', 'Đồng Tháp'][i]! }));
    expect(sortRows(rows, 'needed', 'desc', 'vi').map((r) => r.code)).toEqual(['1', '2', '3']);
    expect(sortRows(rows, 'ratio', 'asc', 'vi').map((r) => r.code)).toEqual(['3', '1', '2']);
    expect(sortRows(rows, 'name', 'asc', 'vi').map((r) => r.name)).toEqual(['An Phú', 'Đồng Tháp', 'Ô Môn']);
    expect(sortRows(rows, 'status', 'asc', 'vi').map((r) => r.status)).toEqual(['behind', 'no_baseline', 'met']);
  });
});
