import { Router } from 'express';
import type { AppContext } from '../context.js';
import { listBoundarySets } from './boundary-sets.repository.js';

export function boundarySetsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/boundary-sets', async (_req, res) => {
    const sets = await listBoundarySets(ctx.db);
    res.json({ sets: sets.map(({ createdAt: _c, ...s }, i) => ({ ...s, isDefault: i === 0 })) });
  });
  return router;
}
