import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rankUpgrades, type FiveGSite, type UpgradeCandidate } from '../../geo/rank-upgrades.js';

/*
 * Golden files (the Turf way): in/*.geojson holds candidates (role "candidate"), 5G sites
 * (role "5g") and optionally the area (role "area"), with the call's options in the
 * collection's properties; out/*.geojson the picks. REGEN=1 rewrites the outputs.
 */
const DIR = fileURLToPath(new URL('../fixtures/rank-upgrades/', import.meta.url));
const files = readdirSync(`${DIR}/in`).filter((f) => f.endsWith('.geojson')).sort();

type InCollection = FeatureCollection & { properties: Record<string, any> };

const round6 = (v: unknown): unknown => {
  if (typeof v === 'number') return Math.round(v * 1e6) / 1e6;
  if (Array.isArray(v)) return v.map(round6);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round6(x)]));
  return v;
};

function runFixture(input: InCollection) {
  const { description: _d, ...options } = input.properties;
  const candidates: UpgradeCandidate[] = [];
  const fiveG: FiveGSite[] = [];
  let within: Polygon | MultiPolygon | undefined;
  for (const f of input.features as Feature[]) {
    const p = f.properties ?? {};
    if (p.role === 'area') { within = f.geometry as Polygon; continue; }
    const [lon, lat] = (f.geometry as Point).coordinates as [number, number];
    if (p.role === 'candidate') candidates.push({ code: p.code, operator: p.operator, lon, lat });
    else fiveG.push({ operator: p.operator, lon, lat, onAir: p.onAir });
  }
  const result = rankUpgrades(candidates, fiveG, { ...options, within } as never);
  const { picks, ...summary } = result;
  return {
    type: 'FeatureCollection',
    properties: summary,
    features: picks.map(({ lon, lat, ...props }) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } })),
  };
}

describe('rankUpgrades golden files', () => {
  it('has fixtures', () => { expect(files.length).toBeGreaterThanOrEqual(4); });
  for (const file of files) {
    it(file, () => {
      const input = JSON.parse(readFileSync(`${DIR}/in/${file}`, 'utf8')) as InCollection;
      const actual = round6(runFixture(input));
      if (process.env.REGEN) writeFileSync(`${DIR}/out/${file}`, JSON.stringify(actual, null, 1) + '\n');
      const expected = round6(JSON.parse(readFileSync(`${DIR}/out/${file}`, 'utf8')));
      expect(actual).toEqual(expected);
    });
  }
});
