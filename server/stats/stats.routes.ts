import { Router } from 'express';
import type { AppContext } from '../context.js';
import { csvLine, safeFileName } from '../http/csv.js';
import { statsQuery, statsResponse } from './stats.schemas.js';
import { describeScope, resolveOperator, resolveScope, type Scope } from './scope.service.js';
import { computeSetStats, restrictToOperators, type SetStats } from './stats.service.js';

const CSV_COLUMNS = ['area_code', 'area_name', 'n4g', 'n5g', 'ratio', 'required', 'needed', 'status', 'area_km2', 'population'] as const;

export function statsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/stats', async (req, res) => {
    const q = statsQuery.parse(req.query);
    const operators = [...new Set(q.operator ?? [])];
    // One operator is a scope of its own; several are summed from the all-operator split.
    const scope = await resolveScope(ctx, { ...q, operator: operators.length === 1 ? operators[0] : undefined });
    for (const code of operators.slice(operators.length === 1 ? 1 : 0)) await resolveOperator(ctx, code); // 400 on an unknown one
    const all = await computeSetStats(ctx, scope);
    const stats = operators.length > 1 ? restrictToOperators(all, operators, scope.target.bp) : all;
    if (operators.length > 1) scope.operatorLabel = operators.join(',');
    const rows = q.area ? stats.rows.filter((r) => q.area!.includes(r.code)) : stats.rows;
    if (q.format === 'csv') return sendStatsCsv(res, scope, stats, rows, q.area);
    const body = {
      ...describeScope(scope),
      technology: q.technology ?? null,
      rows: rows.map(({ id: _id, ...row }) => row),
      unassigned: stats.unassigned,
      totals: stats.totals,
    };
    res.json(body satisfies ReturnType<typeof statsResponse.parse>);
  });
  return router;
}

/** The area table as the map shows it, then the unassigned row and the set-wide totals. */
function sendStatsCsv(res: import('express').Response, scope: Scope, stats: SetStats, rows: SetStats['rows'], areas: string[] | undefined) {
  const name = safeFileName(['area-gap', scope.set.name, areas?.join('-'), scope.operatorLabel ?? scope.operator?.code, `asof-${scope.asOf}`, `target-${scope.target.label.replace('%', 'pct')}`], 'csv');
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  const ratio = (r: number | null) => (r === null ? null : Math.round(r * 10000) / 10000);
  let out = '\uFEFF' + csvLine(CSV_COLUMNS);
  for (const r of rows) out += csvLine([r.code, r.name, r.n4g, r.n5g, ratio(r.ratio), r.required, r.needed, r.status, Math.round(r.areaKm2 * 100) / 100, r.population]);
  out += csvLine(['', '(unassigned)', stats.unassigned.n4g, stats.unassigned.n5g, null, null, null, null, null, null]);
  const t = stats.totals;
  out += csvLine(['', `(total; needed for every area: ${t.neededAllAreas})`, t.n4g, t.n5g, ratio(t.ratio), t.required, t.needed, t.status, null, null]);
  res.send(out);
}
