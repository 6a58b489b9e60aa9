import { computeGap, type Gap } from '../../geo/compute-gap.js';
import type { AppContext } from '../context.js';
import { listAreas, type AreaRow } from '../areas/areas.repository.js';
import { listOperators, type OperatorRow } from '../operators/operators.repository.js';
import { loadStationSteps, type AreaOperatorCount } from './stats.repository.js';
import { buildStepIndex, countFromSteps, type StepIndex } from './step-counts.js';
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
 * Counting on a date reads a step index of the whole set (one query per data version, kept in
 * the version-keyed cache); any as-of date after that is a binary search per area, operator and
 * technology, so the date slider does not rescan every station.
 */
export async function computeSetStats(ctx: AppContext, scope: Scope): Promise<SetStats> {
  const key = JSON.stringify(['stats', scope.set.id, scope.asOf, scope.baseline, scope.operator?.id ?? null, scope.target.bp]);
  return ctx.cache.get(key, scope.dataVersion, async () => {
    const [areas, steps, operators] = await Promise.all([
      ctx.cache.get(`areas:${scope.set.id}`, scope.dataVersion, () => listAreas(ctx.db, scope.set.id)) as Promise<AreaRow[]>,
      loadStepIndex(ctx, scope.set.id, scope.dataVersion),
      listOperators(ctx.db),
    ]);
    const counts = countFromSteps(steps, { asOf: scope.asOf, baseline: scope.baseline, operatorId: scope.operator?.id ?? null });
    return assembleStats(areas, counts, operators, scope.target.bp);
  }) as Promise<SetStats>;
}

/** The set's step index for this data version; built once, shared by every date and operator. */
export function loadStepIndex(ctx: AppContext, setId: number, dataVersion: number): Promise<StepIndex> {
  return ctx.cache.get(`steps:${setId}`, dataVersion, async () => buildStepIndex(await loadStationSteps(ctx.db, setId))) as Promise<StepIndex>;
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

/**
 * The figures of several operators summed, from the all-operator figures' per-operator split:
 * each area's counts are the sum over the chosen operators, and every gap is computed anew.
 */
export function restrictToOperators(stats: SetStats, codes: readonly string[], bp: number): SetStats {
  const ids = new Map(stats.operators.map((o) => [o.code, o.id]));
  const counts: AreaOperatorCount[] = [];
  for (const [areaId, ops] of stats.byOperator) {
    for (const code of codes) {
      const c = ops.get(code);
      if (c) counts.push({ areaId, operatorId: ids.get(code)!, ...c });
    }
  }
  const areas = stats.rows.map(({ id, code, name, parentCode, areaKm2, population }) => ({ id, code, name, parentCode, areaKm2, population }));
  return assembleStats(areas, counts, stats.operators, bp);
}
