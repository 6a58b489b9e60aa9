import { computeGap } from '../../geo/compute-gap.js';
import type { AppContext } from '../context.js';
import { resolveOperator, resolveScope, describeScope } from '../stats/scope.service.js';
import { computeSetStats } from '../stats/stats.service.js';
import { listAreaModels } from './planner-models.service.js';
import { buildCoverage, groupByArea, planArea, type RecommendedPick } from './planner.service.js';
import { listPlannerStations } from './planner.repository.js';
import type { WhatIfBody } from './planner.schemas.js';

const gapOf = (n: { n4g: number; n5g: number }, bp: number) => ({ n4g: n.n4g, n5g: n.n5g, ...computeGap(n, bp) });

/**
 * New figures under a different target and/or operators upgrading their top N picks in every
 * area (ranked for that operator alone, as the recommendations do), without saving anything.
 * An upgrade counts only when the scope counts that operator (all operators, or the same one).
 */
export async function runWhatIf(ctx: AppContext, body: WhatIfBody) {
  const scope = await resolveScope(ctx, body);
  const [stats, models] = await Promise.all([computeSetStats(ctx, scope), listAreaModels(ctx, scope)]);
  const added = new Map<number, number>();
  const picks: RecommendedPick[] = [];
  const upgrades = [];
  for (const u of body.upgrades) {
    const op = (await resolveOperator(ctx, u.operator))!;
    const { fourG, fiveG } = groupByArea(await listPlannerStations(ctx.db, { setId: scope.set.id, asOf: scope.asOf, operatorId: op.id }));
    let applied = 0;
    for (const model of models) {
      const plan = planArea(ctx, model, fourG.get(model.id) ?? [], fiveG, u.topN);
      picks.push(...plan.picks);
      applied += plan.picks.length;
      if (!scope.operator || scope.operator.id === op.id) added.set(model.id, (added.get(model.id) ?? 0) + plan.picks.length);
    }
    upgrades.push({ operator: op.code, topN: u.topN, applied });
  }
  const bp = scope.target.bp;
  const areas = stats.rows.map((r) => {
    const plus = added.get(r.id) ?? 0;
    return { code: r.code, name: r.name, added: plus, before: gapOf(r, bp), after: gapOf({ n4g: r.n4g, n5g: r.n5g + plus }, bp) };
  });
  const plusAll = [...added.values()].reduce((a, b) => a + b, 0);
  const afterTotals = { ...gapOf({ n4g: stats.totals.n4g, n5g: stats.totals.n5g + plusAll }, bp), neededAllAreas: areas.reduce((a, r) => a + r.after.needed, 0) };
  let coverage5g = null;
  if (body.coverage) {
    const [before, after] = await Promise.all([
      buildCoverage(ctx, scope, { technology: '5G', geometry: false }),
      buildCoverage(ctx, scope, { technology: '5G', geometry: false, extraSites: picks.filter((p) => !scope.operator || p.operator === scope.operator.code).map((p) => ({ lon: p.lon, lat: p.lat })) }),
    ]);
    const pickFigures = (c: typeof before) => ({ areaKm2: c.totals.areaKm2, coveredKm2: c.totals.coveredKm2, share: c.totals.share });
    coverage5g = { before: pickFigures(before), after: pickFigures(after) };
  }
  return {
    ...describeScope(scope), saved: false as const, upgrades, areas,
    totals: { before: gapOf(stats.totals, bp), after: afterTotals }, picks, coverage5g,
  };
}
