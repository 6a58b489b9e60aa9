import type { AppContext } from '../context.js';
import { computeSetFigures } from '../figures/figures.service.js';
import { describeScope, type Scope } from '../scope/scope.service.js';
import { listAreaFeatures, type AreaFeatureRow } from './areas.repository.js';

/**
 * The set's areas as an RFC 7946 FeatureCollection with the gap figures in each feature.
 * Geometry is the heavy part and changes only with the data version, so it is cached apart
 * from the figures, which change with every as-of date and target.
 */
export async function buildAreaCollection(ctx: AppContext, scope: Scope) {
  const [features, figures] = await Promise.all([
    ctx.cache.get(`area-features:${scope.set.id}`, scope.dataVersion, () => listAreaFeatures(ctx.db, scope.set.id)) as Promise<AreaFeatureRow[]>,
    computeSetFigures(ctx, scope),
  ]);
  const figuresById = new Map(figures.rows.map((r) => [r.id, r]));
  return {
    type: 'FeatureCollection' as const,
    ...describeScope(scope),
    features: features.map((f) => {
      const { id: _id, ...properties } = figuresById.get(f.id)!;
      return { type: 'Feature' as const, id: f.code, bbox: f.bbox, geometry: f.geometry, properties };
    }),
    unassigned: figures.unassigned,
    totals: figures.totals,
  };
}
