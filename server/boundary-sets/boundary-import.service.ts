import type { Kysely, Transaction } from 'kysely';
import type { Geometry } from 'geojson';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import { assignStations } from '../stations/stations.repository.js';
import { nameCodes, parseFeatures, textOf, throwProblems, type BoundaryProblem } from './boundary-features.js';
import { planParents, type ParentSource } from './boundary-parents.js';
import { insertParentsFromChildren, insertPolygons } from './boundary-import.repository.js';
import { findBoundarySet, insertBoundarySet } from './boundary-sets.repository.js';

export const LEVELS = ['country', 'province', 'district', 'commune', 'other'] as const;
export type Level = (typeof LEVELS)[number];

export const boundarySetMeta = z.object({
  name: z.string().trim().min(1).max(200).transform((s) => s.normalize('NFC')),
  level: z.enum(LEVELS).default('district'),
  /** The level of the parents; unset with parents: the level above (see parentLevelOf). */
  parentLevel: z.enum(LEVELS).nullable().default(null),
  source: z.string().max(2000).nullable().default(null),
  licence: z.string().max(500).nullable().default(null),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  isDemo: z.boolean().default(false),
});
export type BoundarySetMeta = z.input<typeof boundarySetMeta>;

export interface FieldMap {
  codeField: string;
  nameField: string;
  /** The areas' property holding their parent's code: the set gets a parent level. */
  parentField?: string | undefined;
  populationField?: string | undefined;
}

export interface ImportReport {
  setId: number;
  name: string;
  areas: number;
  parentLevel: string | null;
  parents: number;
  /** Repaired geometries: `level` says whether the area or a parent was repaired. */
  repaired: { code: string; reason: string; level: 'area' | 'parent' }[];
  /** Parents of the parents file that no area names: not imported (a warning). */
  childlessParents: string[];
}

interface ParsedArea { code: string; name: string; parentCode: string | null; population: number | null; properties: Record<string, unknown>; geometry: Geometry }

/** Since 2025 a commune's parent is its province (districts were abolished). */
export function parentLevelOf(level: Level): Level {
  return level === 'province' ? 'country' : level === 'other' ? 'other' : 'province';
}

/** Reads and checks every feature of the areas' file, collecting problems (thrown together by the caller). */
export function parseBoundaryFeatures(input: unknown, fields: FieldMap, problems: BoundaryProblem[] = []): ParsedArea[] {
  const { features, featureNumbers } = parseFeatures(input, fields, 'areas', problems);
  const areas: ParsedArea[] = [];
  features.forEach((f, i) => {
    const popRaw = fields.populationField ? f.properties[fields.populationField] : undefined;
    const population = popRaw === undefined || popRaw === null || popRaw === '' ? null : Number(popRaw);
    if (population !== null && (!Number.isInteger(population) || population < 0)) {
      problems.push({ file: 'areas', feature: featureNumbers[i]!, message: `population "${String(popRaw)}" is not a whole number` });
      return;
    }
    const parentCode = fields.parentField ? textOf(f.properties[fields.parentField]) || null : null;
    areas.push({ ...f, parentCode, population });
  });
  return areas;
}

/**
 * Imports a boundary set in the caller's transaction: the set, every area, its parents (from
 * their own file, or the union of the areas when `parents` gives none), then every existing
 * station placed into the areas. Both files are read and checked before anything is written;
 * invalid rings are repaired by ST_MakeValid and reported.
 */
export async function importBoundarySet(
  trx: Kysely<DB> | Transaction<DB>,
  meta: BoundarySetMeta,
  input: unknown,
  fields: FieldMap,
  parents?: ParentSource,
): Promise<ImportReport> {
  const m = boundarySetMeta.parse(meta);
  if (parents && !fields.parentField) throw new AppError(400, 'invalid_parameter', 'Parents need the areas\' parent field (--parent-field): which parent each area belongs to');
  const problems: BoundaryProblem[] = [];
  const areas = parseBoundaryFeatures(input, fields, problems);
  const plan = fields.parentField ? planParents(areas, parents ?? { kind: 'union' }, problems) : null;
  throwProblems(problems);
  const parentLevel = plan ? (m.parentLevel ?? parentLevelOf(m.level)) : null;
  if (parentLevel && parentLevel === m.level && m.level !== 'other') {
    throw new AppError(400, 'invalid_parameter', `The parent level must differ from the areas' level (both are "${m.level}")`);
  }
  if (await findBoundarySet(trx, m.name)) {
    throw new AppError(409, 'conflict', `A boundary set named "${m.name}" exists already; sets are versioned, give the new one its own name`);
  }
  const setId = await insertBoundarySet(trx, { ...m, parentLevel });
  const written = await insertPolygons(trx, setId, areas, 'areas');
  const repaired: ImportReport['repaired'] = written.repaired.map((r) => ({ ...r, level: 'area' }));
  let empty = written.empty;
  if (plan) {
    const fromFile = plan.parents.filter((p) => p.geometry !== null) as (typeof plan.parents[number] & { geometry: Geometry })[];
    if (fromFile.length) {
      const p = await insertPolygons(trx, setId, fromFile, 'parents');
      repaired.push(...p.repaired.map((r) => ({ ...r, level: 'parent' as const })));
      empty = [...empty, ...p.empty.map((c) => `parent ${c}`)];
    } else {
      await insertParentsFromChildren(trx, setId, plan.parents);
    }
  }
  if (empty.length) {
    throw new AppError(400, 'invalid_file', `No polygonal surface is left after repair of ${nameCodes(empty)}; nothing was imported`,
      [{ problem: 'empty_after_repair', codes: empty, message: 'no polygonal surface left after repair' }]);
  }
  await assignStations(trx, setId, null);
  return { setId, name: m.name, areas: areas.length, parentLevel, parents: plan?.parents.length ?? 0, repaired, childlessParents: plan?.childless ?? [] };
}
