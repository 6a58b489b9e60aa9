import type { Gap } from '../geo/compute-gap.js';
import type { SortDir, SortKey } from './state.js';

/*
 * The figures as the server sends them (server/figures assembles every one of them): the page
 * picks which answer a view shows and formats it, and never adds counts up or computes a gap.
 */

export interface Counts { n4g: number; n5g: number }
export type GapFigures = Counts & Gap;
export type Totals = GapFigures & { neededAllAreas: number };
export type AreaFigures = GapFigures & { code: string; name: string };

/** GET /api/stats (server/stats/stats.schemas.ts statsResponse). */
export interface StatsBody {
  set: { id: number; name: string; isDemo: boolean };
  asOf: string;
  baseline: string | null;
  target: { bp: number; label: string };
  operator: string | null;
  rows: (AreaFigures & { parentCode: string | null; areaKm2: number; population: number | null })[];
  unassigned: Counts & { ratio: number | null };
  totals: Totals;
  selection: { areas: string[]; totals: Totals } | null;
}

/** What one view shows: every area (map, labels, card), the table's rows and the total above it. */
export interface Figures {
  bp: number;
  rows: AreaFigures[];
  tableRows: AreaFigures[];
  unassigned: Counts & { ratio: number | null };
  totals: Totals;
}

/** The stored (or what-if target) view: every area from one answer, the selection's rows and total from the answer for `area`. */
export function figuresOfStats(all: StatsBody, selected: StatsBody | null): Figures {
  return {
    bp: all.target.bp,
    rows: all.rows,
    tableRows: selected ? selected.rows : all.rows,
    unassigned: all.unassigned,
    totals: selected?.selection?.totals ?? all.totals,
  };
}

/** A what-if answer (POST /api/planner/what-if, a reopened scenario): every figure after the upgrades. */
export interface WhatIfFigures {
  set: { id: number };
  asOf: string;
  baseline: string | null;
  target: { bp: number };
  operator: string | null;
  areas: { code: string; name: string; added: number; after: GapFigures; operators: OperatorFigures[] }[];
  unassigned: Counts & { ratio: number | null };
  totals: { after: Totals };
  selection: { areas: string[]; after: Totals } | null;
}
export interface OperatorFigures extends GapFigures { operator: string; operatorName: string }

/** The what-if's figures shown as the view's, when it answers the view's own scope; null otherwise. */
export function figuresOfWhatIf(w: WhatIfFigures, view: StatsBody): Figures | null {
  const same = w.set.id === view.set.id && w.asOf === view.asOf && w.baseline === view.baseline && w.target.bp === view.target.bp && w.operator === view.operator;
  if (!same) return null;
  const rows = w.areas.map((a) => ({ code: a.code, name: a.name, ...a.after }));
  const chosen = w.selection && new Set(w.selection.areas);
  return {
    bp: w.target.bp,
    rows,
    tableRows: chosen ? rows.filter((r) => chosen.has(r.code)) : rows,
    unassigned: w.unassigned,
    totals: w.selection?.after ?? w.totals.after,
  };
}

const STATUS_ORDER = { behind: 0, no_baseline: 1, met: 2 } as const;

/** Sorted copy; ties broken by name then code so the order is stable and predictable. */
export function sortRows<R extends AreaFigures>(rows: readonly R[], key: SortKey, dir: SortDir, lang: string): R[] {
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
