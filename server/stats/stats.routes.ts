import { Router } from 'express';
import type { AppContext } from '../context.js';
import { statsQuery, statsResponse } from './stats.schemas.js';
import { describeScope, resolveScope } from './scope.service.js';
import { computeSetStats } from './stats.service.js';

export function statsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/stats', async (req, res) => {
    const q = statsQuery.parse(req.query);
    const scope = await resolveScope(ctx, q);
    const stats = await computeSetStats(ctx, scope);
    const body = {
      ...describeScope(scope),
      technology: q.technology ?? null,
      rows: stats.rows.map(({ id: _id, ...row }) => row),
      unassigned: stats.unassigned,
      totals: stats.totals,
    };
    res.json(body satisfies ReturnType<typeof statsResponse.parse>);
  });
  return router;
}
