import type { AreaOperatorCount, StepRow } from './figures.types.js';

/** One (area, operator, technology) and its running count of stations on air, day by day. */
interface StepGroup {
  areaId: number | null;
  operatorId: number;
  technology: '4G' | '5G';
  days: Int32Array;
  /** Stations on air from `days[i]` until the next step. */
  running: Int32Array;
}

export interface StepIndex { groups: StepGroup[] }

const DAY_MS = 86_400_000;
const MINUS_INFINITY = -2_147_483_648;

/** 'YYYY-MM-DD' → days since 1970-01-01; '-infinity' (an undated commissioning) → the smallest int32. */
export function toDayNumber(day: string): number {
  if (day === '-infinity') return MINUS_INFINITY;
  const n = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
  if (!Number.isInteger(n)) throw new Error(`not a date: ${day}`);
  return n;
}

/** Builds the per-group running counts once; counting on any date is then a binary search per group. */
export function buildStepIndex(rows: readonly StepRow[]): StepIndex {
  const byGroup = new Map<string, { head: StepRow; steps: [number, number][] }>();
  for (const r of rows) {
    const key = `${r.areaId}|${r.operatorId}|${r.technology}`;
    let g = byGroup.get(key);
    if (!g) byGroup.set(key, (g = { head: r, steps: [] }));
    g.steps.push([toDayNumber(r.day), r.delta]);
  }
  const groups: StepGroup[] = [];
  for (const { head, steps } of byGroup.values()) {
    steps.sort((a, b) => a[0] - b[0]);
    const days = new Int32Array(steps.length);
    const running = new Int32Array(steps.length);
    let total = 0;
    steps.forEach(([day, delta], i) => { total += delta; days[i] = day; running[i] = total; });
    groups.push({ areaId: head.areaId, operatorId: head.operatorId, technology: head.technology, days, running });
  }
  return { groups };
}

/** Stations on air on `day` (a day number): the running count at the last step on or before it. */
function countOn(g: StepGroup, day: number): number {
  let lo = 0, hi = g.days.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (g.days[mid]! <= day) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found < 0 ? 0 : g.running[found]!;
}

/** Counts per (area, operator): 5G on `asOf`, 4G on `baseline` (or `asOf`); only the given operators (null: all). */
export function countFromSteps(index: StepIndex, p: { asOf: string; baseline: string | null; operatorIds: ReadonlySet<number> | null }): AreaOperatorCount[] {
  const asOf = toDayNumber(p.asOf);
  const base = toDayNumber(p.baseline ?? p.asOf);
  const out = new Map<string, AreaOperatorCount>();
  for (const g of index.groups) {
    if (p.operatorIds !== null && !p.operatorIds.has(g.operatorId)) continue;
    const key = `${g.areaId}|${g.operatorId}`;
    const c = out.get(key) ?? { areaId: g.areaId, operatorId: g.operatorId, n4g: 0, n5g: 0 };
    if (g.technology === '4G') c.n4g += countOn(g, base);
    else c.n5g += countOn(g, asOf);
    out.set(key, c);
  }
  return [...out.values()];
}
