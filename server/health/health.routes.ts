import { Router } from 'express';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { readDataVersion } from '../db/data-version.js';

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  postgis: z.string(),
  dataVersion: z.number().int(),
});

export function healthRoutes(ctx: AppContext, kind: 'pglite' | 'postgres'): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const { rows } = await sql<{ v: string }>`select postgis_lib_version() as v`.execute(ctx.db);
    res.json({ status: 'ok', database: kind, postgis: rows[0]?.v ?? 'unknown', dataVersion: await readDataVersion(ctx.db) });
  });
  return router;
}
