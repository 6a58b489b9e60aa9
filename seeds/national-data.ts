import type { DemoArea, DemoData, DemoStation } from './demo-data.js';
import { createRandom } from './random.js';

const OPERATORS: readonly DemoStation['operator'][] = ['VIETTEL', 'VIETTEL', 'VNPT', 'MOBIFONE', 'VIETNAMOBILE'];

/**
 * A synthetic national-scale boundary set for benchmarks: `areas` square cells over
 * Vietnam's extent (lon 102.2–109.5, lat 8.5–23.4) and stations clustered around a town in
 * each cell, 5G mostly on 4G sites. Not geography: only the sizes and the shape of the work.
 *
 * @param options.areas number of areas (default 700)
 * @param options.n4g / options.n5g station counts (default 150,000 and 75,000)
 */
export function generateNationalData(options: { areas?: number; n4g?: number; n5g?: number; seed?: number } = {}): DemoData {
  const { areas: nAreas = 700, n4g = 150_000, n5g = 75_000, seed = 7 } = options;
  const rand = createRandom(seed);
  const cols = Math.ceil(Math.sqrt(nAreas * (7.3 / 14.9)));
  const rows = Math.ceil(nAreas / cols);
  const w = 7.3 / cols, h = 14.9 / rows;
  const areas: DemoArea[] = [];
  const towns: [number, number][] = [];
  for (let i = 0; i < nAreas; i++) {
    const x0 = 102.2 + (i % cols) * w, y0 = 8.5 + Math.floor(i / cols) * h;
    const ring = [[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h], [x0, y0]].map(([x, y]) => [round6(x!), round6(y!)]);
    areas.push({ code: String(10001 + i), name: `Vùng ${i + 1}`, parentCode: null, population: 50_000 + Math.floor(rand() * 400_000), properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ring]] } });
    towns.push([x0 + w * (0.2 + 0.6 * rand()), y0 + h * (0.2 + 0.6 * rand())]);
  }
  const stations: DemoStation[] = [];
  const date = (from: number, span: number) => new Date(Date.UTC(from, 0, 1) + Math.floor(rand() * span * 365) * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < n4g; i++) {
    const [tx, ty] = towns[Math.floor(rand() * nAreas)]!;
    const spread = rand() < 0.6 ? 0.05 : 0.3; // most sites near the town
    stations.push({
      operator: OPERATORS[Math.floor(rand() * OPERATORS.length)]!, code: `N4-${i}`, technology: '4G', name: null,
      lon: round6(tx + (rand() - 0.5) * spread), lat: round6(ty + (rand() - 0.5) * spread),
      status: 'on_air', commissionedOn: date(2012, 12), decommissionedOn: null,
    });
  }
  for (let i = 0; i < n5g; i++) {
    const site = stations[Math.floor(rand() * n4g)]!;
    const onSite = rand() < 0.85;
    stations.push({
      operator: site.operator, code: `N5-${i}`, technology: '5G', name: null,
      lon: onSite ? site.lon : round6(site.lon + (rand() - 0.5) * 0.02), lat: onSite ? site.lat : round6(site.lat + (rand() - 0.5) * 0.02),
      status: 'on_air', commissionedOn: date(2024, 2.9), decommissionedOn: null,
    });
  }
  return {
    set: { name: `National benchmark (${nAreas} synthetic areas)`, level: 'district', source: 'seeds/national-data.ts (synthetic)', licence: 'CC0-1.0', validFrom: null, validTo: null },
    areas,
    stations,
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
