import type { AreaCounts, Counts } from '../figures.js';

/** A what-if trial on the map: the 5G stations one operator's top picks would add, per area code. */
export interface WhatIfOverlay {
  operator: string;
  added: ReadonlyMap<string, number>;
}

/**
 * The view's counts with the trial's upgrades added to 5G, so the map, the table and the totals
 * show the trial (recomputed with the same gap arithmetic). Applies only when the upgrading
 * operator is in the view: all operators, or among the selected ones.
 */
export function withWhatIf(
  counts: { rows: AreaCounts[]; unassigned: Counts },
  w: WhatIfOverlay,
  viewOperators: readonly string[],
): { rows: AreaCounts[]; unassigned: Counts } {
  if (viewOperators.length > 0 && !viewOperators.includes(w.operator)) return counts;
  return { ...counts, rows: counts.rows.map((r) => ({ ...r, n5g: r.n5g + (w.added.get(r.code) ?? 0) })) };
}

/** The overlay of an API what-if answer (areas with `added` > 0), for one operator's upgrades. */
export function overlayOf(operator: string, areas: readonly { code: string; added: number }[]): WhatIfOverlay {
  return { operator, added: new Map(areas.filter((a) => a.added > 0).map((a) => [a.code, a.added])) };
}
