import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { operatorBreakdown, selectAreas } from '../figures/assemble-figures.js';
import { computeSetFigures, computeUpgradedFigures, countedOperators } from '../figures/figures.service.js';
import type { GapFigures, Totals } from '../figures/figures.types.js';
import type { OperatorRow } from '../operators/operators.repository.js';
import { describeScope, resolveOperators, resolveScope, type Scope } from '../scope/scope.service.js';
import { listAreaModels } from './planner-models.service.js';
import { buildCoverage, groupByArea, planArea, type RecommendedPick } from './planner.service.js';
import { listPlannerStations } from './planner.repository.js';
import type { WhatIfBody } from './planner.schemas.js';

const gapOnly = ({ n4g, n5g, ratio, required, needed, status }: GapFigures) => ({ n4g, n5g, ratio, required, needed, status });
const totalsOnly = (t: Totals) => ({ ...gapOnly(t), neededAllAreas: t.neededAllAreas });

/**
 * One operator's top N picks in every area, ranked for that operator alone as the
 * recommendations are. They depend on neither the target nor the counted operators, so they are
 * kept per data version: asking again for another selection of areas only reassembles figures.
 */
async function pickUpgrades(ctx: AppContext, scope: Scope, op: OperatorRow, topN: number): Promise<{ areaId: number; picks: RecommendedPick[] }[]> {
  const key = JSON.stringify(['what-if-picks', scope.set.id, scope.asOf, op.id, topN]);
  return ctx.cache.get(key, scope.dataVersion, async () => {
    const [models, stations] = await Promise.all([
      listAreaModels(ctx, scope),
      listPlannerStations(ctx.db, { setId: scope.set.id, asOf: scope.asOf, operatorId: op.id }),
    ]);
    const { fourG, fiveG } = groupByArea(stations);
    return models.map((m) => ({ areaId: m.id, picks: planArea(ctx, m, fourG.get(m.id) ?? [], fiveG, topN).picks }));
  }) as Promise<{ areaId: number; picks: RecommendedPick[] }[]>;
}

/**
 * New figures under a different target and/or operators upgrading their top N picks in every
 * area, without saving anything. The figures before and after come from the one assembly
 * (figures/): an upgrade counts only where the scope counts that operator. `area` adds the
 * total of those areas before and after, as the map's table shows a selection.
 */
export async function runWhatIf(ctx: AppContext, body: WhatIfBody) {
  const scope = await resolveScope(ctx, body);
  if (body.coverage && scope.operators.length > 1) {
    throw new AppError(400, 'invalid_parameter', 'coverage: modelled coverage is for one operator or all of them, not several', [{ path: 'coverage', message: 'one operator or all' }]);
  }
  const counted = countedOperators(scope);
  const picks: RecommendedPick[] = [];
  const upgrades = [];
  const added: { areaId: number; operatorId: number; count: number }[] = [];
  for (const u of body.upgrades) {
    const [op] = await resolveOperators(ctx, [u.operator]);
    const perArea = await pickUpgrades(ctx, scope, op!, u.topN);
    for (const a of perArea) {
      picks.push(...a.picks);
      added.push({ areaId: a.areaId, operatorId: op!.id, count: a.picks.length });
    }
    upgrades.push({ operator: op!.code, topN: u.topN, applied: perArea.reduce((n, a) => n + a.picks.length, 0) });
  }
  const [before, after] = await Promise.all([computeSetFigures(ctx, scope), computeUpgradedFigures(ctx, scope, added)]);
  const areas = before.rows.map((r, i) => ({
    code: r.code, name: r.name, added: after.rows[i]!.n5g - r.n5g,
    before: gapOnly(r), after: gapOnly(after.rows[i]!), operators: operatorBreakdown(after, r.id),
  }));
  const selected = body.area?.length ? { before: selectAreas(before, body.area), after: selectAreas(after, body.area) } : null;
  let coverage5g = null;
  if (body.coverage) {
    const counts = (p: RecommendedPick) => counted === null || scope.operators.some((o) => o.code === p.operator);
    const [cb, ca] = await Promise.all([
      buildCoverage(ctx, scope, { technology: '5G', geometry: false }),
      buildCoverage(ctx, scope, { technology: '5G', geometry: false, extraSites: picks.filter(counts).map((p) => ({ lon: p.lon, lat: p.lat })) }),
    ]);
    const pickFigures = (c: typeof cb) => ({ areaKm2: c.totals.areaKm2, coveredKm2: c.totals.coveredKm2, share: c.totals.share });
    coverage5g = { before: pickFigures(cb), after: pickFigures(ca) };
  }
  return {
    ...describeScope(scope), saved: false as const, upgrades, areas,
    unassigned: before.unassigned,
    totals: { before: totalsOnly(before.totals), after: totalsOnly(after.totals) },
    selection: selected && { areas: selected.after.codes, before: totalsOnly(selected.before.totals), after: totalsOnly(selected.after.totals) },
    picks, coverage5g,
  };
}
