import { Router } from 'express';
import type { AppContext } from '../context.js';
import { safeFileName } from '../http/csv.js';
import { writeAreaTableCsv } from './stats-csv.js';
import { statsQuery, statsResponse } from './stats.schemas.js';
import { describeScope, resolveOperator, resolveScope, type Scope } from './scope.service.js';
import { computeSetStats, restrictToOperators, type SetStats } from './stats.service.js';

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
    if (q.format === 'csv') return sendStatsCsv(res, scope, stats, rows, q.area, q.lang);
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

/** The area table as a file named after its scope (stats-csv.ts writes it). */
function sendStatsCsv(res: import('express').Response, scope: Scope, stats: SetStats, rows: SetStats['rows'], areas: string[] | undefined, lang: 'vi' | 'en' | undefined) {
  const name = safeFileName(['area-gap', scope.set.name, areas?.join('-'), scope.operatorLabel ?? scope.operator?.code, `asof-${scope.asOf}`, `target-${scope.target.label.replace('%', 'pct')}`], 'csv');
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.send(writeAreaTableCsv(stats, rows, { areaFilter: Boolean(areas?.length), bp: scope.target.bp, lang }));
}
