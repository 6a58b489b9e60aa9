import { Router } from 'express';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { writeAreasFile } from '../exports/area-files.js';
import { operatorBreakdown } from '../figures/assemble-figures.js';
import { computeSetFigures } from '../figures/figures.service.js';
import { describeScope, resolveBoundarySet, resolveScope } from '../scope/scope.service.js';
import { areaEnvironmentBody, areaEnvironmentQuery, areaParams, areasListQuery, areasQuery } from './areas.schemas.js';
import { buildAreaCollection } from './areas.service.js';
import { findAreaFeature, updateAreaEnvironment } from './areas.repository.js';

export function areasRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/areas', async (req, res) => {
    const q = areasListQuery.parse(req.query);
    const scope = await resolveScope(ctx, q);
    if (q.format === 'geojson') return void res.json(await buildAreaCollection(ctx, scope));
    const file = await writeAreasFile(ctx, scope, q.format, q.lang ?? 'vi');
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
    res.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
  });

  router.get('/areas/:code', async (req, res) => {
    const { code } = areaParams.parse(req.params);
    const scope = await resolveScope(ctx, areasQuery.parse(req.query));
    const area = await findAreaFeature(ctx.db, scope.set.id, code);
    if (!area) throw notFound(`Area "${code}" in boundary set "${scope.set.name}"`, { code, set: scope.set.id });
    const figures = await computeSetFigures(ctx, scope);
    const row = figures.rows.find((r) => r.id === area.id)!;
    const { id: _id, ...properties } = row;
    res.json({
      ...describeScope(scope),
      area: {
        type: 'Feature', id: area.code, bbox: area.bbox, geometry: area.geometry,
        properties: { ...properties, attributes: area.properties },
      },
      figures: { n4g: row.n4g, n5g: row.n5g, ratio: row.ratio, required: row.required, needed: row.needed, status: row.status },
      operators: operatorBreakdown(figures, area.id),
    });
  });
  router.patch('/areas/:code/environment', async (req, res) => {
    const { code } = areaParams.parse(req.params);
    const { set: setKey } = areaEnvironmentQuery.parse(req.query);
    const { environment } = areaEnvironmentBody.parse(req.body ?? {});
    const set = await resolveBoundarySet(ctx, setKey);
    if (!(await updateAreaEnvironment(ctx.db, set.id, code, environment))) {
      throw notFound(`Area "${code}" in boundary set "${set.name}"`, { code, set: set.id });
    }
    res.json({ set: { id: set.id, name: set.name }, code, environment });
  });
  return router;
}
