import { computeGap, type Gap } from '../../geo/compute-gap.js';
import type { AppContext } from '../context.js';
import { listAreas, type AreaRow } from '../areas/areas.repository.js';
import { listOperators, type OperatorRow } from '../operators/operators.repository.js';
import { countStationsByArea, type AreaOperatorCount } from './stats.repository.js';
import type { Scope } from './scope.service.js';

export type Counts = { n4g: number; n5g: number };
export type AreaStats = AreaRow & Counts & Gap;

export interface SetStats {
  rows: AreaStats[];
  unassigned: Counts;
  totals: Counts & Gap & { neededAllAreas: number };
  /** Per area id (null: unassigned), per operator code. */
  byOperator: Map<number | null, Map<string, Counts>>;
  operators: OperatorRow[];
}

const add = (a: Counts, b: Counts): Counts => ({ n4g: a.n4g + b.n4g, n5g: a.n5g + b.n5g });
const zero = (): Counts => ({ n4g: 0, n5g: 0 });

/**
 * The gap of every area and of the whole set (DOMAIN.md). The set-wide gap comes from the
 * set-wide totals, unassigned stations included; `neededAllAreas` adds up the areas' own gaps.
 * Cached per scope and data version, so repeated views cost one tiny query.
 */
export async function computeSetStats(ctx: AppContext, scope: Scope): Promise<SetStats> {
  const key = JSON.stringify(['stats', scope.set.id, scope.asOf, scope.baseline, scope.operator?.id ?? null, scope.target.bp]);
  return ctx.cache.get(key, scope.dataVersion, async () => {
    const [areas, counts, operators] = await Promise.all([
      listAreas(ctx.db, scope.set.id),
      countStationsByArea(ctx.db, {
        setId: scope.set.id, asOf: scope.asOf, baseline: scope.baseline, operatorId: scope.operator?.id ?? null,
      }),
      listOperators(ctx.db),
    ]);
    return assembleStats(areas, counts, operators, scope.target.bp);
  }) as Promise<SetStats>;
}

/** Pure: counts in, figures out. Exported for tests with hand-made counts. */
export function assembleStats(areas: AreaRow[], counts: AreaOperatorCount[], operators: OperatorRow[], bp: number): SetStats {
  const opCode = new Map(operators.map((o) => [o.id, o.code]));
  const perArea = new Map<number | null, Counts>();
  const byOperator = new Map<number | null, Map<string, Counts>>();
  for (const c of counts) {
    perArea.set(c.areaId, add(perArea.get(c.areaId) ?? zero(), c));
    const ops = byOperator.get(c.areaId) ?? new Map<string, Counts>();
    const code = opCode.get(c.operatorId) ?? String(c.operatorId);
    ops.set(code, add(ops.get(code) ?? zero(), c));
    byOperator.set(c.areaId, ops);
  }
  const rows = areas.map((a) => {
    const n = perArea.get(a.id) ?? zero();
    return { ...a, ...n, ...computeGap(n, bp) };
  });
  const unassigned = perArea.get(null) ?? zero();
  const total = rows.reduce<Counts>((acc, r) => add(acc, r), unassigned);
  const neededAllAreas = rows.reduce((acc, r) => acc + r.needed, 0);
  return { rows, unassigned, totals: { ...total, ...computeGap(total, bp), neededAllAreas }, byOperator, operators };
}

/** One area's (or the unassigned row's) figures split by operator, every operator listed. */
export function operatorBreakdown(stats: SetStats, areaId: number | null, bp: number) {
  const ops = stats.byOperator.get(areaId) ?? new Map<string, Counts>();
  return stats.operators.map((o) => {
    const n = ops.get(o.code) ?? zero();
    return { operator: o.code, operatorName: o.name, ...n, ...computeGap(n, bp) };
  });
}
