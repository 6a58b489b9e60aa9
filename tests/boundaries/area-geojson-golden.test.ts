import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { importBoundarySet } from '../../server/boundary-sets/boundary-import.service.js';
import { type App, getJson, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

/*
 * Golden files: a boundary file goes in through the importer, comes out of GET /api/areas.
 * Regenerate with REGEN=1. Rings are compared canonically (start at the smallest vertex,
 * parts sorted) because PostGIS versions may start a repaired ring elsewhere; orientation
 * is kept, since CCW exterior rings are part of what is tested.
 */
const DIR = fileURLToPath(new URL('../fixtures/area-geojson/', import.meta.url));
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
type Ring = number[][];

function canonicalRing(ring: Ring): Ring {
  const open = ring.slice(0, -1).map((p) => p.map(round6));
  let k = 0;
  open.forEach((p, i) => { if (p[0]! < open[k]![0]! || (p[0] === open[k]![0] && p[1]! < open[k]![1]!)) k = i; });
  const rotated = [...open.slice(k), ...open.slice(0, k)];
  return [...rotated, rotated[0]!];
}

function canonical(fc: any) {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f: any) => ({
      type: 'Feature',
      properties: { code: f.properties.code, name: f.properties.name, areaKm2: Math.round(f.properties.areaKm2 * 1000) / 1000, repaired: f.properties.repaired ?? null },
      geometry: {
        type: f.geometry.type,
        coordinates: f.geometry.coordinates
          .map((poly: Ring[]) => poly.map(canonicalRing))
          .sort((a: Ring[], b: Ring[]) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      },
    })),
  };
}

describe(`boundary import → /api/areas golden files (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    app = await startApp({ demo: false });
    database = app.database;
  });
  afterAll(async () => { await app?.close(); });

  for (const file of readdirSync(`${DIR}/in`).filter((f) => f.endsWith('.geojson'))) {
    it(file, async () => {
      const input = JSON.parse(readFileSync(`${DIR}/in/${file}`, 'utf8'));
      const report = await importBoundarySet(database.db, { name: file }, input, { codeField: 'code', nameField: 'name' });
      const { body } = await getJson(`${app.url}/api/areas?set=${report.setId}`);
      for (const f of body.features) f.properties.repaired = report.repaired.find((r) => r.code === f.properties.code)?.reason.replace(/\[.*\]/, '').trim() ?? null;
      const actual = canonical(body);
      if (process.env.REGEN) writeFileSync(`${DIR}/out/${file}`, JSON.stringify(actual, null, 1) + '\n');
      expect(actual).toEqual(JSON.parse(readFileSync(`${DIR}/out/${file}`, 'utf8')));
    });
  }
});
