import type { AppContext } from '../context.js';
import { listAreaWkb } from '../areas/areas.repository.js';
import { buildAreaCollection } from '../areas/areas.service.js';
import { safeFileName } from '../http/csv.js';
import { operatorLabel, type Scope } from '../scope/scope.service.js';
import { EXPORT_WORDS, type ExportLang } from './export-words.js';
import { gpkgGeometry, writeGeoPackage, type GpkgLayer } from './gpkg.js';
import { writeAreasKml } from './kml.js';

export interface ExportFile { name: string; type: string; body: string | Uint8Array }

export const KML_TYPE = 'application/vnd.google-earth.kml+xml';
export const GPKG_TYPE = 'application/geopackage+sqlite3';

const AREA_LAYER: GpkgLayer = {
  table: 'areas',
  title: 'areas',
  description: '',
  geometryType: 'MULTIPOLYGON',
  columns: [
    { name: 'code', type: 'TEXT' }, { name: 'name', type: 'TEXT' }, { name: 'parent_code', type: 'TEXT' },
    { name: 'n4g', type: 'INTEGER' }, { name: 'n5g', type: 'INTEGER' }, { name: 'ratio', type: 'REAL' },
    { name: 'required', type: 'INTEGER' }, { name: 'needed', type: 'INTEGER' }, { name: 'status', type: 'TEXT' },
    { name: 'area_km2', type: 'REAL' }, { name: 'population', type: 'INTEGER' }, { name: 'as_of', type: 'DATE' }, { name: 'target', type: 'TEXT' },
  ],
};

/**
 * The area table with its polygons as a file: the figures come from the same assembly as
 * /api/areas (areas.service.ts), for the same scope (set, date, target, operator).
 */
export async function writeAreasFile(ctx: AppContext, scope: Scope, format: 'kml' | 'gpkg', lang: ExportLang): Promise<ExportFile> {
  const collection = await buildAreaCollection(ctx, scope);
  const name = safeFileName(['areas', scope.set.name, operatorLabel(scope), `asof-${scope.asOf}`, `target-${scope.target.label.replace('%', 'pct')}`], format);
  if (format === 'kml') {
    const title = `${EXPORT_WORDS[lang].areasTitle} — ${scope.set.name} — ${scope.asOf}`;
    const areas = collection.features.map((f) => ({ ...f.properties, geometry: f.geometry }));
    return { name, type: KML_TYPE, body: writeAreasKml(areas, { title, asOf: scope.asOf, target: scope.target.label, bp: scope.target.bp }, lang) };
  }
  const shapes = new Map((await listAreaWkb(ctx.db, scope.set.id)).map((a) => [a.code, a]));
  const features = collection.features.map((f) => {
    const p = f.properties;
    const shape = shapes.get(f.id)!;
    return {
      geometry: gpkgGeometry(shape.wkb, shape.bbox),
      values: [p.code, p.name, p.parentCode, p.n4g, p.n5g, p.ratio, p.required, p.needed, p.status, p.areaKm2, p.population, scope.asOf, scope.target.label],
    };
  });
  const bbox = collection.features.length ? unionOf(collection.features.map((f) => f.bbox)) : null;
  const layer = { ...AREA_LAYER, title: `${scope.set.name} (${scope.asOf})`, description: `5G:4G gap per area on ${scope.asOf}, target ${scope.target.label}` };
  return { name, type: GPKG_TYPE, body: await writeGeoPackage(layer, features, bbox) };
}

function unionOf(boxes: readonly (readonly [number, number, number, number])[]): [number, number, number, number] {
  return boxes.reduce<[number, number, number, number]>(
    (u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}
