import { computeGap, type Gap } from '../geo/compute-gap.js';
import type { SortDir, SortKey } from './state.js';

export interface Counts { n4g: number; n5g: number }
export interface AreaCounts extends Counts { code: string; name: string; parentCode: string | null; areaKm2: number; population: number | null }
export type AreaFigures = AreaCounts & Gap;

export interface StatsBody {
  set: { id: number; name: string; isDemo: boolean };
  asOf: string;
  baseline: string | null;
  target: { bp: number; label: string };
  rows: AreaCounts[];
  unassigned: Counts;
}

export interface Figures {
  rows: AreaFigures[];
  unassigned: Counts & Gap;
  totals: Counts & Gap & { neededAllAreas: number };
}

/**
 * Station counts add up across operators (a station has one operator), so the figures for
 * several operators are the sum of the per-operator counts; the gap is then recomputed.
 */
export function sumCounts(bodies: readonly StatsBody[]): { rows: AreaCounts[]; unassigned: Counts } {
  const first = bodies[0];
  if (!first) throw new Error('at least one stats body is required');
  const byCode = new Map(first.rows.map((r) => [r.code, { ...r, n4g: 0, n5g: 0 }]));
  const unassigned = { n4g: 0, n5g: 0 };
  for (const b of bodies) {
    for (const r of b.rows) {
      const acc = byCode.get(r.code);
      if (acc) { acc.n4g += r.n4g; acc.n5g += r.n5g; }
    }
    unassigned.n4g += b.unassigned.n4g;
    unassigned.n5g += b.unassigned.n5g;
  }
  return { rows: [...byCode.values()], unassigned };
}

/**
 * The gap per area and for the scope, at target `bp` (DOMAIN.md): the scope's gap comes from
 * its totals, `neededAllAreas` adds the areas' own gaps. With an area filter the scope is the
 * chosen areas; without, the whole set, unassigned stations included.
 */
export function computeFigures(counts: { rows: AreaCounts[]; unassigned: Counts }, bp: number, areaFilter: readonly string[] = []): Figures {
  const all = counts.rows.map((r) => ({ ...r, ...computeGap(r, bp) }));
  const rows = areaFilter.length ? all.filter((r) => areaFilter.includes(r.code)) : all;
  const extra = areaFilter.length ? { n4g: 0, n5g: 0 } : counts.unassigned;
  const total = rows.reduce((t, r) => ({ n4g: t.n4g + r.n4g, n5g: t.n5g + r.n5g }), extra);
  return {
    rows,
    unassigned: { ...counts.unassigned, ...computeGap(counts.unassigned, bp) },
    totals: { ...total, ...computeGap(total, bp), neededAllAreas: rows.reduce((a, r) => a + r.needed, 0) },
  };
}

const STATUS_ORDER = { behind: 0, no_baseline: 1, met: 2 } as const;

/** Sorted copy; ties broken by name then code so the order is stable and predictable. */
export function sortRows(rows: readonly AreaFigures[], key: SortKey, dir: SortDir, lang: string): AreaFigures[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const value = (r: AreaFigures): number => {
    if (key === 'ratio') return r.ratio ?? -1;
    if (key === 'status') return STATUS_ORDER[r.status];
    return r[key as 'n4g' | 'n5g' | 'required' | 'needed'];
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const primary = key === 'name' ? collator.compare(a.name.normalize('NFC'), b.name.normalize('NFC')) : value(a) - value(b);
    return primary * sign || collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}
