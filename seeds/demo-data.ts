import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { createRandom, type Rand } from './random.js';
import { AN_GIANG_DISTRICTS, AN_GIANG_OUTLINE, POPULATION_2009_SOURCE, type DistrictFact } from './an-giang-facts.js';

export interface DemoArea { code: string; name: string; parentCode: string | null; population: number | null; properties: Record<string, unknown>; geometry: MultiPolygon }
export interface DemoStation { operator: 'VIETTEL' | 'VNPT' | 'MOBIFONE' | 'VIETNAMOBILE'; code: string; technology: '4G' | '5G'; name: string | null; lon: number; lat: number; status: 'planned' | 'on_air' | 'decommissioned'; commissionedOn: string | null; decommissionedOn: string | null }
export interface DemoData { set: { name: string; level: 'district'; source: string; licence: string; validFrom: string | null; validTo: string | null }; areas: DemoArea[]; stations: DemoStation[] }

type Operator = DemoStation['operator'];
type Life = Pick<DemoStation, 'status' | 'commissionedOn' | 'decommissionedOn'>;
interface Cell { fact: DistrictFact; geometry: MultiPolygon; bbox: number[] }
interface Site { operator: Operator; name: string | null; lon: number; lat: number; life: Life }

// Rough 2024 market shares of base stations, not of subscribers.
const OPERATORS: readonly { operator: Operator; prefix: string; share: number }[] = [
  { operator: 'VIETTEL', prefix: 'VTL', share: 0.4 },
  { operator: 'VNPT', prefix: 'VNP', share: 0.27 },
  { operator: 'MOBIFONE', prefix: 'MBF', share: 0.24 },
  { operator: 'VIETNAMOBILE', prefix: 'VNM', share: 0.09 },
];
// 5G built per 4G station, by GSO code: the two cities already pass 50 %, Tân Châu is close,
// the rural districts lag, so a map coloured by progress shows all three states.
const FIVE_G_PER_4G: Readonly<Record<string, number>> = {
  '883': 0.58, '884': 0.6, '886': 0.08, '887': 0.35, '888': 0.1, '889': 0.12,
  '890': 0.2, '891': 0.08, '892': 0.18, '893': 0.08, '894': 0.12,
};
const BASE_4G_COUNT = 2000;
const OUTSIDE_SHARE = 0.01; // keeps the "unassigned" row of the report non-empty
const CO_LOCATED_SHARE = 0.85;
const LAST_ON_AIR = '2026-11-20'; // the demo's "today" is 2026-11-26; nothing on air after it
const DAY_MS = 86_400_000;
const KM_PER_DEG_LAT = 110.574;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const kmPerDegLon = (lat: number): number => 111.32 * Math.cos((lat * Math.PI) / 180);
const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

function randomDate(rand: Rand, fromIso: string, toIso_: string): string {
  const from = toDay(fromIso);
  return toIso(from + Math.floor(rand() * (toDay(toIso_) - from + 1)));
}

function drawOperator(rand: Rand): Operator {
  let r = rand();
  for (const o of OPERATORS) if ((r -= o.share) < 0) return o.operator;
  return OPERATORS[0]!.operator; // only reached through rounding of the shares' sum
}

/** Largest-remainder split of `total` in proportion to `weights` (ties go to the first). */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k]![1]]! += 1;
  return counts;
}

// turf 7.2 types rewind's result as any GeoJSON, though it returns the kind it was given.
const rewindCcw = <G extends Polygon | MultiPolygon>(f: Feature<G>): Feature<G> => turf.rewind(f) as Feature<G>;

/** Rounds to 6 decimals, drops the repeated vertices that rounding creates, makes exteriors CCW. */
function normaliseMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygon {
  const coordinates = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rounded = turf.truncate(turf.multiPolygon(coordinates), { precision: 6, coordinates: 2 });
  return rewindCcw<MultiPolygon>(turf.cleanCoords(rounded)).geometry;
}

/** Voronoi cells of the district seats clipped to the outline, in the order of the facts. */
function buildCells(outline: Feature<Polygon>): Cell[] {
  const seats = turf.featureCollection(AN_GIANG_DISTRICTS.map((d) => turf.point([...d.seat])));
  const [w, s, e, n] = turf.bbox(outline);
  const voronoi = turf.voronoi(seats, { bbox: [w - 1, s - 1, e + 1, n + 1] });
  return AN_GIANG_DISTRICTS.map((fact, i) => {
    const polygon = voronoi.features[i];
    const clipped = polygon && turf.intersect(turf.featureCollection([polygon, outline]));
    if (!clipped) throw new Error(`no Voronoi cell for district ${fact.gsoCode}`);
    const geometry = normaliseMultiPolygon(clipped.geometry);
    return { fact, geometry, bbox: turf.bbox(geometry) };
  });
}

/** A point strictly inside the cell, rounded to 6 decimals: mostly gaussian around the seat. */
function samplePointInCell(rand: Rand, cell: Cell): Position {
  const sigmaKm = { 'Thành phố': 2, 'Thị xã': 3, Huyện: 5 }[cell.fact.unitType];
  const [seatLon, seatLat] = cell.fact.seat;
  const [w, s, e, n] = cell.bbox as [number, number, number, number];
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let lon = w + rand() * (e - w);
    let lat = s + rand() * (n - s);
    if (rand() < 0.6) {
      // Box–Muller; 1 - rand() keeps the logarithm finite.
      const r = sigmaKm * Math.sqrt(-2 * Math.log(1 - rand()));
      const theta = 2 * Math.PI * rand();
      lon = seatLon + (r * Math.cos(theta)) / kmPerDegLon(seatLat);
      lat = seatLat + (r * Math.sin(theta)) / KM_PER_DEG_LAT;
    }
    const point = [round6(lon), round6(lat)];
    if (turf.booleanPointInPolygon(point, cell.geometry, { ignoreBoundary: true })) return point;
  }
  throw new Error(`could not place a station inside district ${cell.fact.gsoCode}`);
}

/** A point 200–800 m outside the outline, measured along the outward normal of one of its edges. */
function samplePointOutside(rand: Rand, outline: Feature<Polygon>): Position {
  const ring = outline.geometry.coordinates[0]!; // counter-clockwise: outward is to the right
  for (let attempt = 0; attempt < 1000; attempt++) {
    const k = Math.floor(rand() * (ring.length - 1));
    const [x1, y1] = ring[k]! as [number, number];
    const [x2, y2] = ring[k + 1]! as [number, number];
    const t = rand();
    const lat = y1 + t * (y2 - y1);
    const dx = (x2 - x1) * kmPerDegLon(lat), dy = (y2 - y1) * KM_PER_DEG_LAT;
    const offsetKm = (0.2 + 0.6 * rand()) / Math.hypot(dx, dy);
    const point = [round6(x1 + t * (x2 - x1) + (dy * offsetKm) / kmPerDegLon(lat)), round6(lat - (dx * offsetKm) / KM_PER_DEG_LAT)];
    if (!turf.booleanPointInPolygon(point, outline)) return point;
  }
  throw new Error('could not place a station outside the outline');
}

function draw4gLife(rand: Rand): Life {
  const r = rand();
  if (r < 0.02) {
    const commissionedOn = randomDate(rand, '2012-01-01', '2020-12-31');
    const decommissionedOn = randomDate(rand, toIso(toDay(commissionedOn) + 365), LAST_ON_AIR);
    return { status: 'decommissioned', commissionedOn, decommissionedOn };
  }
  if (r < 0.03) return { status: 'planned', commissionedOn: rand() < 0.5 ? null : randomDate(rand, '2027-01-01', '2027-12-31'), decommissionedOn: null };
  const commissionedOn = rand() < 0.88 ? randomDate(rand, '2012-01-01', '2023-12-31') : randomDate(rand, '2024-01-01', LAST_ON_AIR);
  return { status: 'on_air', commissionedOn, decommissionedOn: null };
}

/** 5G goes on air at least 30 days after the 4G it upgrades, if any. */
function draw5gLife(rand: Rand, host: Site | null): Life {
  if (rand() < 0.04) return { status: 'planned', commissionedOn: rand() < 0.3 ? null : randomDate(rand, '2027-01-01', '2027-06-30'), decommissionedOn: null };
  const hostDay = host?.life.commissionedOn ? toDay(host.life.commissionedOn) + 30 : 0;
  const from = toIso(Math.max(toDay('2024-01-01'), hostDay));
  return { status: 'on_air', commissionedOn: randomDate(rand, from, LAST_ON_AIR), decommissionedOn: null };
}

/** A point 0–19 m from the host (under the 20 m promise after rounding), still inside the cell. */
function placeNear(rand: Rand, host: Site, cell: Cell): Position {
  for (let attempt = 0; attempt < 50; attempt++) {
    const km = 0.019 * rand(), theta = 2 * Math.PI * rand();
    const point = [round6(host.lon + (km * Math.cos(theta)) / kmPerDegLon(host.lat)), round6(host.lat + (km * Math.sin(theta)) / KM_PER_DEG_LAT)];
    if (turf.booleanPointInPolygon(point, cell.geometry, { ignoreBoundary: true })) return point;
  }
  return [host.lon, host.lat];
}

/** The 5G sites of one district: most upgrade a distinct on-air 4G site of the same operator. */
function build5gSites(rand: Rand, cell: Cell, sites4g: readonly Site[], count: number, nextName: () => string): Site[] {
  const hosts = sites4g.filter((s) => s.life.status === 'on_air' && s.life.commissionedOn! <= '2026-06-30');
  const out: Site[] = [];
  for (let k = 0; k < count; k++) {
    if (rand() < CO_LOCATED_SHARE && hosts.length > 0) {
      const i = Math.floor(rand() * hosts.length);
      const host = hosts[i]!;
      hosts[i] = hosts[hosts.length - 1]!; // swap-remove: each 4G site gets at most one 5G
      hosts.pop();
      const [lon, lat] = placeNear(rand, host, cell) as [number, number];
      out.push({ operator: host.operator, name: host.name, lon, lat, life: draw5gLife(rand, host) });
    } else {
      const [lon, lat] = samplePointInCell(rand, cell) as [number, number];
      out.push({ operator: drawOperator(rand), name: nextName(), lon, lat, life: draw5gLife(rand, null) });
    }
  }
  return out;
}

/** Numbers codes per operator and technology in generation order: VTL-AG-04001, VTL-AG-05001… */
function toStations(sites: readonly Site[], technology: '4G' | '5G'): DemoStation[] {
  const next = new Map<Operator, number>();
  return sites.map((s) => {
    const n = (next.get(s.operator) ?? 0) + 1;
    next.set(s.operator, n);
    const prefix = OPERATORS.find((o) => o.operator === s.operator)!.prefix;
    const code = `${prefix}-AG-0${technology[0]}${String(n).padStart(3, '0')}`;
    return { operator: s.operator, code, technology, name: s.name, lon: s.lon, lat: s.lat, ...s.life };
  });
}

/**
 * Generates the demo data set: 11 approximate An Giang districts (Voronoi cells of the
 * district seats, clipped to a hand-drawn outline) and synthetic 4G/5G stations.
 * Pure and deterministic: the same options always give the same (deep-equal) output.
 *
 * @param options.seed PRNG seed (any 32-bit integer), default 20251126
 * @param options.stationScale multiplies the station counts (≈2,000 4G and ≈440 5G at 1), default 1
 * @returns boundary set metadata, areas (lon/lat degrees, 6 decimals) and stations
 * @example
 * const { areas, stations } = generateDemoData({ seed: 7, stationScale: 0.5 });
 */
export function generateDemoData(options: { seed?: number; stationScale?: number } = {}): DemoData {
  const { seed = 20251126, stationScale = 1 } = options;
  if (!Number.isFinite(stationScale) || stationScale < 0) throw new Error('stationScale must be a finite number ≥ 0');
  const rand = createRandom(seed);
  const outline = rewindCcw(turf.polygon([AN_GIANG_OUTLINE.map(([lon, lat]) => [lon, lat])]));
  const cells = buildCells(outline);

  const total4g = Math.round(BASE_4G_COUNT * stationScale);
  const outside = Math.round(total4g * OUTSIDE_SHARE);
  const counts = allocate(total4g - outside, AN_GIANG_DISTRICTS.map((d) => d.population2009));
  const sites4g: Site[] = [], sites5g: Site[] = [];
  cells.forEach((cell, i) => {
    let siteNumber = 0;
    const nextName = (): string => `Trạm ${cell.fact.name} ${++siteNumber}`;
    const district4g = Array.from({ length: counts[i]! }, (): Site => {
      const [lon, lat] = samplePointInCell(rand, cell) as [number, number];
      return { operator: drawOperator(rand), name: nextName(), lon, lat, life: draw4gLife(rand) };
    });
    sites4g.push(...district4g);
    const count5g = Math.round(counts[i]! * FIVE_G_PER_4G[cell.fact.gsoCode]!);
    sites5g.push(...build5gSites(rand, cell, district4g, count5g, nextName));
  });
  for (let k = 0; k < outside; k++) {
    const [lon, lat] = samplePointOutside(rand, outline) as [number, number];
    sites4g.push({ operator: drawOperator(rand), name: null, lon, lat, life: draw4gLife(rand) });
  }

  const areas = cells.map(({ fact, geometry }): DemoArea => ({
    code: fact.gsoCode, name: fact.name, parentCode: '89', population: fact.population2009,
    properties: {
      unit_type: fact.unitType, area_km2_published: fact.publishedAreaKm2, seat_name: fact.seatName,
      population_year: 2009, population_source: POPULATION_2009_SOURCE, approximate: true,
    },
    geometry,
  }));
  return {
    set: {
      name: 'An Giang districts 2019 (demo, approximate)',
      level: 'district',
      source: 'Generated demo data: the polygons are approximate Voronoi cells around the district seats, clipped to a hand-drawn province outline, not official boundaries. Import official boundaries with `npm run cli -- boundaries import`. Stations are synthetic.',
      licence: 'CC0-1.0 (synthetic data generated by seeds/demo-data.ts)',
      // Approximate cells have no legal period of validity.
      validFrom: null,
      validTo: null,
    },
    areas,
    stations: [...toStations(sites4g, '4G'), ...toStations(sites5g, '5G')],
  };
}
