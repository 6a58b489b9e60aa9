import { computeGap } from '../../geo/compute-gap.js';
import type { AreaRow } from '../areas/areas.repository.js';
import type { OperatorRow } from '../operators/operators.repository.js';
import type { AreaFigures, AreaOperatorCount, Counts, GapFigures, OperatorFigures, SetFigures, Totals } from './figures.types.js';

/*
 * The one assembly of the figures (DOMAIN.md), pure: counts in, figures out. Every answer that
 * shows a gap (/api/stats in JSON and CSV, /api/areas, the area card, the planner's what-if and
 * scenarios, the report) is built from these functions; nothing else adds counts up or calls
 * computeGap on a sum.
 */

export const ZERO: Counts = Object.freeze({ n4g: 0, n5g: 0 });
const add = (a: Counts, b: Counts): Counts => ({ n4g: a.n4g + b.n4g, n5g: a.n5g + b.n5g });

/** Counts with their gap at `bp`. */
export function figuresOf(counts: Counts, bp: number): GapFigures {
  return { n4g: counts.n4g, n5g: counts.n5g, ...computeGap(counts, bp) };
}

/**
 * The gap of several rows together: their counts (plus `extra`, the unassigned stations for a
 * whole set) added up and the gap computed from that sum; `neededAllAreas` is the sum of the
 * rows' own gaps, what it takes for every one of them to meet the target. A parent level's row
 * is this over its children.
 */
export function totalsOf(rows: readonly GapFigures[], bp: number, extra: Counts = ZERO): Totals {
  const sum = rows.reduce<Counts>(add, { ...extra });
  return { ...figuresOf(sum, bp), neededAllAreas: rows.reduce((a, r) => a + r.needed, 0) };
}

/** Every area's figures, the unassigned row and the set-wide totals, from per-(area, operator) counts. */
export function assembleFigures(p: { areas: readonly AreaRow[]; counts: readonly AreaOperatorCount[]; operators: readonly OperatorRow[]; bp: number }): SetFigures {
  const perArea = new Map<number | null, Counts>();
  const byOperator = new Map<number | null, Map<number, Counts>>();
  for (const c of p.counts) {
    perArea.set(c.areaId, add(perArea.get(c.areaId) ?? ZERO, c));
    const ops = byOperator.get(c.areaId) ?? new Map<number, Counts>();
    ops.set(c.operatorId, add(ops.get(c.operatorId) ?? ZERO, c));
    byOperator.set(c.areaId, ops);
  }
  const rows: AreaFigures[] = p.areas.map((a) => ({ ...a, ...figuresOf(perArea.get(a.id) ?? ZERO, p.bp) }));
  const unassigned = perArea.get(null) ?? ZERO;
  return {
    bp: p.bp,
    rows,
    unassigned: { n4g: unassigned.n4g, n5g: unassigned.n5g, ratio: computeGap(unassigned, p.bp).ratio },
    totals: totalsOf(rows, p.bp, unassigned),
    byOperator,
    operators: p.operators,
  };
}

/** Some areas by code, in the set's order, and their own total (no unassigned stations: they are in no area). */
export function selectAreas(figures: SetFigures, codes: readonly string[]): { codes: string[]; rows: AreaFigures[]; totals: Totals } {
  const wanted = new Set(codes);
  const rows = figures.rows.filter((r) => wanted.has(r.code));
  return { codes: rows.map((r) => r.code), rows, totals: totalsOf(rows, figures.bp) };
}

/** One area's (or, with null, the unassigned stations') figures split by operator, every operator listed. */
export function operatorBreakdown(figures: SetFigures, areaId: number | null): OperatorFigures[] {
  const ops = figures.byOperator.get(areaId);
  return figures.operators.map((o) => ({ operator: o.code, operatorName: o.name, ...figuresOf(ops?.get(o.id) ?? ZERO, figures.bp) }));
}

/**
 * Counts after upgrades: each upgrade turns one 4G site of an operator into a site that also
 * carries 5G, so the area's 5G count of that operator grows by one and its 4G stays (a site
 * carrying both is two stations). Upgrades of operators the counts leave out are ignored.
 */
export function withUpgrades(counts: readonly AreaOperatorCount[], upgrades: readonly { areaId: number; operatorId: number; count: number }[],
  counted: ReadonlySet<number> | null): AreaOperatorCount[] {
  const added = upgrades
    .filter((u) => u.count > 0 && (counted === null || counted.has(u.operatorId)))
    .map((u) => ({ areaId: u.areaId, operatorId: u.operatorId, n4g: 0, n5g: u.count }));
  return [...counts, ...added];
}
