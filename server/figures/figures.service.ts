import type { AppContext } from '../context.js';
import { listAreas, type AreaRow } from '../areas/areas.repository.js';
import { loadCatalog } from '../scope/scope-catalog.js';
import type { Scope } from '../scope/scope.service.js';
import { assembleFigures, withUpgrades } from './assemble-figures.js';
import { loadStationSteps } from './figures.repository.js';
import type { AreaOperatorCount, SetFigures } from './figures.types.js';
import { buildStepIndex, countFromSteps, type StepIndex } from './step-counts.js';

/** The ids of the scope's operators; null: every operator counts. */
export const countedOperators = (scope: Scope): ReadonlySet<number> | null =>
  scope.operators.length ? new Set(scope.operators.map((o) => o.id)) : null;

/** The set's step index for this data version; built once, shared by every date and operator. */
function loadStepIndex(ctx: AppContext, setId: number, dataVersion: number): Promise<StepIndex> {
  return ctx.cache.get(`steps:${setId}`, dataVersion, async () => buildStepIndex(await loadStationSteps(ctx.db, setId))) as Promise<StepIndex>;
}

function loadAreas(ctx: AppContext, scope: Scope): Promise<AreaRow[]> {
  return ctx.cache.get(`areas:${scope.set.id}`, scope.dataVersion, () => listAreas(ctx.db, scope.set.id)) as Promise<AreaRow[]>;
}

/**
 * Stations counting per (area, operator) in the scope on `onDate` (default: its as-of date), 4G
 * on the baseline when one is set. Counting reads the set's step index (one query per data
 * version, kept in the version-keyed cache); any date after that is a binary search per group,
 * so the date slider and the timeline do not rescan every station.
 */
export async function countScope(ctx: AppContext, scope: Scope, onDate = scope.asOf): Promise<AreaOperatorCount[]> {
  const steps = await loadStepIndex(ctx, scope.set.id, scope.dataVersion);
  return countFromSteps(steps, { asOf: onDate, baseline: scope.baseline, operatorIds: countedOperators(scope) });
}

/** Every area's figures, the unassigned row and the set-wide totals of a scope (cached per data version). */
export async function computeSetFigures(ctx: AppContext, scope: Scope): Promise<SetFigures> {
  const operatorIds = scope.operators.map((o) => o.id).sort((a, b) => a - b);
  const key = JSON.stringify(['figures', scope.set.id, scope.asOf, scope.baseline, operatorIds, scope.target.bp]);
  return ctx.cache.get(key, scope.dataVersion, async () => {
    const [areas, counts, { operators }] = await Promise.all([loadAreas(ctx, scope), countScope(ctx, scope), loadCatalog(ctx)]);
    return assembleFigures({ areas, counts, operators, bp: scope.target.bp });
  }) as Promise<SetFigures>;
}

/** The scope's figures after upgrading 4G sites to 5G (a what-if or a saved scenario's picks); not cached. */
export async function computeUpgradedFigures(ctx: AppContext, scope: Scope, upgrades: readonly { areaId: number; operatorId: number; count: number }[]): Promise<SetFigures> {
  const [areas, counts, { operators }] = await Promise.all([loadAreas(ctx, scope), countScope(ctx, scope), loadCatalog(ctx)]);
  return assembleFigures({ areas, counts: withUpgrades(counts, upgrades, countedOperators(scope)), operators, bp: scope.target.bp });
}
