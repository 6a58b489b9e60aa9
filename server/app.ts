import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Config } from './config.js';
import { createContext } from './context.js';
import type { Database } from './db/database.js';
import { createErrorHandler, unknownRoute, type Logger } from './errors.js';
import { rejectControlChars } from './http/reject-control-chars.js';
import { accessControl } from './auth/access.middleware.js';
import { authRoutes } from './auth/auth.routes.js';
import { installHardening } from './auth/security-headers.js';
import { areasRoutes } from './areas/areas.routes.js';
import { boundarySetsRoutes } from './boundary-sets/boundary-sets.routes.js';
import { clustersRoutes } from './clusters/clusters.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { buildOpenApiDocument } from './openapi/openapi.js';
import { ogcRoutes } from './ogc/ogc.routes.js';
import { plannerRoutes } from './planner/planner.routes.js';
import { statsRoutes } from './stats/stats.routes.js';
import { stationsRoutes } from './stations/stations.routes.js';
import { uploadsRoutes } from './uploads/uploads.routes.js';

export const CLIENT_DIST = fileURLToPath(new URL('../dist/client/', import.meta.url));

export interface AppDeps {
  config: Config;
  database: Database;
  log?: Logger;
}

/** Builds the Express app; never listens (server/main.ts does), so tests drive it in process. */
export function createApp({ config, database, log = (e) => console.error(e) }: AppDeps): Express {
  const ctx = createContext(database.db, config, log);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  installHardening(app, config);

  const api = express.Router();
  api.use(rejectControlChars);
  api.use(accessControl(ctx));
  api.use(express.json({ limit: '1mb' }));
  api.use(healthRoutes(ctx, database.kind));
  api.use(boundarySetsRoutes(ctx));
  api.use(areasRoutes(ctx));
  api.use(statsRoutes(ctx));
  api.use(plannerRoutes(ctx));
  api.use(clustersRoutes(ctx));
  api.use(stationsRoutes(ctx));
  api.use(uploadsRoutes(ctx));
  api.use(authRoutes(ctx));
  const openapi = buildOpenApiDocument();
  api.get('/openapi.json', (_req, res) => { res.json(openapi); });
  api.get('/config', (_req, res) => { res.json({ tileUrl: config.tileUrl, tileAttribution: config.tileAttribution }); });
  api.use(unknownRoute);
  app.use('/api', api);
  app.use('/ogc', ogcRoutes(ctx));

  if (existsSync(CLIENT_DIST)) {
    app.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile('index.html', { root: CLIENT_DIST }));
  }
  app.use(createErrorHandler(ctx.log));
  return app;
}
