import type { MultiPolygon } from 'geojson';
import { classifyEnvironment, type EnvironmentClass } from '../../geo/classify-environment.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { listAreaFeatures, type AreaFeatureRow } from '../areas/areas.repository.js';
import type { Scope } from '../scope/scope.service.js';
import { listAreaEnvironments } from './planner.repository.js';

/** What the modelled coverage of one area rests on: its class and the disc radii that follow. */
export interface AreaModel {
  id: number;
  code: string;
  name: string;
  areaKm2: number;
  population: number | null;
  geometry: MultiPolygon;
  bbox: [number, number, number, number];
  environment: EnvironmentClass;
  /** stored: set by an admin; density: from population / area; default: no population, rural. */
  environmentSource: 'stored' | 'density' | 'default';
  radiusKm: { '4G': number; '5G': number };
}

/** Every area of the scope's set with its environment and radii, cached per data version. */
export async function listAreaModels(ctx: AppContext, scope: Scope): Promise<AreaModel[]> {
  const [features, stored] = await Promise.all([
    ctx.cache.get(`area-features:${scope.set.id}`, scope.dataVersion, () => listAreaFeatures(ctx.db, scope.set.id)) as Promise<AreaFeatureRow[]>,
    listAreaEnvironments(ctx.db, scope.set.id),
  ]);
  const radii = ctx.config.plannerRadiiKm;
  return features.map((f) => {
    const own = stored.get(f.id) as EnvironmentClass | null | undefined;
    const environment = own ?? classifyEnvironment({ population: f.population, areaKm2: f.areaKm2 });
    const environmentSource = own ? 'stored' : f.population === null ? 'default' : 'density';
    return {
      id: f.id, code: f.code, name: f.name, areaKm2: f.areaKm2, population: f.population,
      geometry: f.geometry as MultiPolygon, bbox: f.bbox, environment, environmentSource,
      radiusKm: { '4G': radii['4G'][environment], '5G': radii['5G'][environment] },
    };
  });
}

/** The models, narrowed to one area when a code is given (404 when it is not in the set). */
export async function selectAreaModels(ctx: AppContext, scope: Scope, areaCode: string | undefined): Promise<AreaModel[]> {
  const models = await listAreaModels(ctx, scope);
  if (areaCode === undefined) return models;
  const found = models.filter((m) => m.code === areaCode);
  if (found.length === 0) throw notFound(`Area "${areaCode}" in boundary set "${scope.set.name}"`, { code: areaCode, set: scope.set.id });
  return found;
}

/** The radii as the API shows them next to every modelled figure. */
export function describeRadii(ctx: AppContext) {
  return { '4G': { ...ctx.config.plannerRadiiKm['4G'] }, '5G': { ...ctx.config.plannerRadiiKm['5G'] } };
}
