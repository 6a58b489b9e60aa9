import type { Feature, Geometry } from 'geojson';
import { AppError } from '../errors.js';

/**
 * One problem found in a boundary file: per feature (`feature` is its 1-based number) or about
 * the whole file (`problem` names the kind, `codes` the codes concerned): a kind and codes, so
 * the message can be said in another language too.
 */
export interface BoundaryProblem {
  file: 'areas' | 'parents';
  feature?: number;
  problem?: string;
  codes?: string[];
  message: string;
}

export interface ParsedFeature {
  code: string;
  name: string;
  properties: Record<string, unknown>;
  geometry: Geometry;
}

/** At most this many codes are named in one message; the details list them all. */
const NAMED = 20;

/** "01, 02, 04 and 3 more": a list of codes short enough for one line. */
export function nameCodes(codes: readonly string[]): string {
  const shown = codes.slice(0, NAMED).join(', ');
  return codes.length > NAMED ? `${shown} and ${codes.length - NAMED} more` : shown;
}

export const textOf = (v: unknown) => (v === undefined || v === null ? '' : String(v).normalize('NFC').trim());

/**
 * Reads the features of one boundary file: polygonal geometry, a code and a name each, every
 * code once. Problems are collected, not thrown: the caller reports all of them together.
 */
export function parseFeatures(
  input: unknown,
  fields: { codeField: string; nameField: string },
  file: BoundaryProblem['file'],
  problems: BoundaryProblem[],
): { features: ParsedFeature[]; featureNumbers: number[] } {
  const fc = input as { type?: unknown; features?: unknown };
  const which = file === 'parents' ? 'The parents file' : 'The file';
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new AppError(400, 'invalid_file', `${which} is not a GeoJSON FeatureCollection`);
  }
  if (fc.features.length === 0) throw new AppError(400, 'invalid_file', `${which}'s FeatureCollection has no features`);
  const features: ParsedFeature[] = [];
  const featureNumbers: number[] = [];
  const numbersOf = new Map<string, number[]>();
  (fc.features as Feature[]).forEach((f, i) => {
    const feature = i + 1;
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const type = f?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      problems.push({ file, feature, message: `geometry is ${type ?? 'missing'}, expected Polygon or MultiPolygon` });
      return;
    }
    const shape = ringProblem(f.geometry);
    if (shape) return void problems.push({ file, feature, message: shape });
    const code = textOf(props[fields.codeField]);
    const name = textOf(props[fields.nameField]);
    if (!code) problems.push({ file, feature, message: `no code in property "${fields.codeField}"` });
    if (!name) problems.push({ file, feature, message: `no name in property "${fields.nameField}"` });
    if (!code || !name) return;
    const seen = numbersOf.get(code);
    if (seen) return void seen.push(feature);
    numbersOf.set(code, [feature]);
    features.push({ code, name, properties: props, geometry: f.geometry });
    featureNumbers.push(feature);
  });
  const repeated = [...numbersOf].filter(([, n]) => n.length > 1);
  if (repeated.length) {
    const codes = repeated.map(([c]) => c);
    const what = file === 'parents' ? 'parents share a code' : 'areas share a code';
    problems.push({
      file, problem: file === 'parents' ? 'parent_code_repeated' : 'code_repeated', codes,
      message: `${what}: ${repeated.slice(0, NAMED).map(([c, n]) => `${c} (features ${n.join(', ')})`).join('; ')}${repeated.length > NAMED ? ` and ${repeated.length - NAMED} more` : ''}`,
    });
  }
  return { features, featureNumbers };
}

/**
 * What PostGIS would read wrongly or refuse without saying where: a ring of fewer than 4
 * positions, not closed, or a coordinate that is not a finite number (ST_GeomFromGeoJSON reads
 * "a" as 0). Self-intersections are not checked here: the database repairs and reports them.
 */
function ringProblem(geometry: Geometry): string | null {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry as { coordinates: unknown }).coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'the geometry has no coordinates';
  for (const [p, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return `polygon ${p + 1} has no rings`;
    for (const [r, ring] of (rings as unknown[]).entries()) {
      const where = `ring ${r + 1}${polygons.length > 1 ? ` of polygon ${p + 1}` : ''}`;
      if (!Array.isArray(ring) || ring.length < 4) return `${where} has ${Array.isArray(ring) ? ring.length : 0} positions; a ring needs at least 4`;
      const bad = (ring as unknown[]).findIndex((pos) => !Array.isArray(pos) || pos.length < 2 || !pos.every((c) => typeof c === 'number' && Number.isFinite(c)));
      if (bad >= 0) return `${where}: position ${bad + 1} is not a pair of numbers`;
      const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
      if (first[0] !== last[0] || first[1] !== last[1]) return `${where} is not closed (its last position differs from its first)`;
    }
  }
  return null;
}

/** Throws every problem at once; nothing has been written when this is called. */
export function throwProblems(problems: readonly BoundaryProblem[]): void {
  if (!problems.length) return;
  const head = problems.slice(0, 3).map((p) => (p.feature ? `${p.file === 'parents' ? 'parent ' : ''}feature ${p.feature}: ${p.message}` : p.message));
  throw new AppError(400, 'invalid_file',
    `${problems.length} problem(s) in the boundary file${problems.some((p) => p.file === 'parents') ? 's' : ''}; nothing was imported: ${head.join('; ')}${problems.length > 3 ? '; …' : ''}`,
    problems);
}
