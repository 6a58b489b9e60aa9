import { Router, type Response } from 'express';
import type { AppContext } from '../context.js';
import { selectAreas } from '../figures/assemble-figures.js';
import { computeSetFigures } from '../figures/figures.service.js';
import { safeFileName } from '../http/csv.js';
import { describeScope, operatorLabel, resolveScope, type Scope } from '../scope/scope.service.js';
import { writeAreaTableCsv, type AreaTable, type CsvLang } from './stats-csv.js';
import { statsQuery, statsResponse } from './stats.schemas.js';

export function statsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/stats', async (req, res) => {
    const q = statsQuery.parse(req.query);
    const scope = await resolveScope(ctx, q);
    const figures = await computeSetFigures(ctx, scope);
    const selection = q.area?.length ? selectAreas(figures, q.area) : null;
    const rows = selection?.rows ?? figures.rows;
    if (q.format === 'csv') {
      const table: AreaTable = selection ? { rows, totals: selection.totals, unassigned: null } : { rows, totals: figures.totals, unassigned: figures.unassigned };
      return sendStatsCsv(res, scope, table, q.area, q.lang);
    }
    const body = {
      ...describeScope(scope),
      technology: q.technology ?? null,
      rows: rows.map(({ id: _id, ...row }) => row),
      unassigned: figures.unassigned,
      totals: figures.totals,
      selection: selection && { areas: selection.codes, totals: selection.totals },
    };
    res.json(body satisfies ReturnType<typeof statsResponse.parse>);
  });
  return router;
}

/** The area table as a file named after its scope (stats-csv.ts writes it). */
function sendStatsCsv(res: Response, scope: Scope, table: AreaTable, areas: string[] | undefined, lang: CsvLang | undefined) {
  const name = safeFileName(['area-gap', scope.set.name, areas?.join('-'), operatorLabel(scope), `asof-${scope.asOf}`, `target-${scope.target.label.replace('%', 'pct')}`], 'csv');
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.send(writeAreaTableCsv(table, lang));
}
