import type { Kysely, Transaction } from 'kysely';
import type { Feature, Geometry } from 'geojson';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import { insertArea } from '../areas/areas.repository.js';
import { assignStations } from '../stations/stations.repository.js';
import { findBoundarySet, insertBoundarySet } from './boundary-sets.repository.js';

export const boundarySetMeta = z.object({
  name: z.string().trim().min(1).max(200).transform((s) => s.normalize('NFC')),
  level: z.enum(['country', 'province', 'district', 'commune', 'other']).default('district'),
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
  parentField?: string | undefined;
  populationField?: string | undefined;
}

export interface ImportReport {
  setId: number;
  name: string;
  areas: number;
  repaired: { code: string; reason: string }[];
}

interface ParsedArea { code: string; name: string; parentCode: string | null; population: number | null; properties: Record<string, unknown>; geometry: Geometry }

/** Reads and checks every feature first; any problem stops the import before anything is written. */
export function parseBoundaryFeatures(input: unknown, fields: FieldMap): ParsedArea[] {
  const fc = input as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new AppError(400, 'invalid_file', 'The file is not a GeoJSON FeatureCollection');
  }
  if (fc.features.length === 0) throw new AppError(400, 'invalid_file', 'The FeatureCollection has no features');
  const problems: { feature: number; message: string }[] = [];
  const seen = new Set<string>();
  const areas: ParsedArea[] = [];
  (fc.features as Feature[]).forEach((f, i) => {
    const n = i + 1;
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const type = f?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      problems.push({ feature: n, message: `geometry is ${type ?? 'missing'}, expected Polygon or MultiPolygon` });
      return;
    }
    const code = textOf(props[fields.codeField]);
    const name = textOf(props[fields.nameField]);
    if (!code) problems.push({ feature: n, message: `no code in property "${fields.codeField}"` });
    if (!name) problems.push({ feature: n, message: `no name in property "${fields.nameField}"` });
    if (code && seen.has(code)) problems.push({ feature: n, message: `code "${code}" appears twice` });
    if (!code || !name) return;
    seen.add(code);
    const popRaw = fields.populationField ? props[fields.populationField] : undefined;
    const population = popRaw === undefined || popRaw === null || popRaw === '' ? null : Number(popRaw);
    if (population !== null && (!Number.isInteger(population) || population < 0)) {
      problems.push({ feature: n, message: `population "${String(popRaw)}" is not a whole number` });
      return;
    }
    const parentCode = fields.parentField ? textOf(props[fields.parentField]) || null : null;
    areas.push({ code, name, parentCode, population, properties: props, geometry: f.geometry });
  });
  if (problems.length) {
    throw new AppError(400, 'invalid_file', `${problems.length} problem(s) in the boundary file; nothing was imported`, problems);
  }
  return areas;
}

const textOf = (v: unknown) => (v === undefined || v === null ? '' : String(v).normalize('NFC').trim());

/**
 * Imports a boundary set in the caller's transaction: the set, every area (invalid rings
 * repaired by ST_MakeValid and reported), then every existing station placed into it.
 */
export async function importBoundarySet(
  trx: Kysely<DB> | Transaction<DB>,
  meta: BoundarySetMeta,
  input: unknown,
  fields: FieldMap,
): Promise<ImportReport> {
  const m = boundarySetMeta.parse(meta);
  const areas = parseBoundaryFeatures(input, fields);
  if (await findBoundarySet(trx, m.name)) {
    throw new AppError(409, 'conflict', `A boundary set named "${m.name}" exists already; sets are versioned, give the new one its own name`);
  }
  const setId = await insertBoundarySet(trx, m);
  const repaired: ImportReport['repaired'] = [];
  for (const a of areas) {
    const { invalidReason } = await insertArea(trx, { setId, ...a });
    if (invalidReason) repaired.push({ code: a.code, reason: invalidReason });
  }
  await assignStations(trx, setId, null);
  return { setId, name: m.name, areas: areas.length, repaired };
}
