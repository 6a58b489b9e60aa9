import type { MultiPolygon, Polygon } from 'geojson';

export interface UpgradeCandidate { code: string; operator: string; lon: number; lat: number }
/** A 5G station near the area. `onAir: false` (planned) still blocks its co-located 4G, but covers nothing yet. */
export interface FiveGSite { operator: string; lon: number; lat: number; onAir?: boolean }

export interface UpgradePick extends UpgradeCandidate {
  /** 1 = upgrade first. */
  rank: number;
  /** Modelled ground this upgrade covers that no existing or earlier-picked 5G covers, km². */
  gainKm2: number;
  /** gainKm2 × density, when a density was given. */
  gainPeople: number | null;
  /** Distance to the nearest on-air or earlier-picked 5G when it was picked, km; null when there is none. */
  nearest5gKm: number | null;
}

export interface RankUpgradesResult {
  picks: UpgradePick[];
  /** Candidates left after removing those with a co-located 5G of the same operator. */
  candidates: number;
  excludedColocated: number;
  /** count − picks: new sites to build because there are too few candidates. */
  shortfall: number;
  /** The raster cell size used, metres. */
  cellMeters: number;
}

export interface RankUpgradesOptions {
  /** How many upgrades to pick (the area's `needed`). */
  count: number;
  /** Modelled 5G disc radius, metres. */
  radiusMeters: number;
  /** A 4G with a 5G of the same operator this close (metres) is already upgraded. Default 50. */
  colocationMeters?: number;
  /** Raster cell side, metres. Default radiusMeters / 10. */
  cellMeters?: number;
  /** Only ground inside this polygon counts (the area); default: all ground. */
  within?: Polygon | MultiPolygon;
  /** People per km² (uniform over the area), to report people covered; null: unknown. */
  density?: number | null;
  /** Centre of the local projection [lon, lat]; default the middle of the candidates' bbox. */
  origin?: [number, number];
}

const EARTH_RADIUS_M = 6_371_008.8;
// Math.hypot is variadic and several times slower; this runs millions of times per set.
const dist = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);
const RAD = Math.PI / 180;

/**
 * Ranks 4G stations for an upgrade to 5G, greedily: each pick is the candidate whose 5G disc
 * adds the most modelled ground that no existing on-air 5G and no earlier pick covers, so two
 * neighbours never both get credit for the same ground. Ties: the farther from any 5G first,
 * then by code, then by operator (code-point order), then west and south first, so the same input in any order gives the
 * same list; distances are compared to the metre. Candidates with a 5G of the same operator within `colocationMeters` are dropped.
 *
 * Geometry: an equirectangular projection around `origin` (metres; error under 0.1 % over a
 * district-sized area), rasterised on a square grid of `cellMeters` cells. A disc is the set
 * of cells whose centre lies within the radius of the cell holding the station (positions
 * snapped by at most cellMeters/√2), so every disc has exactly the same cell count and ties
 * are real ties. With the default cell (radius/10) a disc has 317 cells: 317/(100π) = +0.9 %
 * against πr²; a gain is accurate to about ±2 % of a full disc. Ground inside `within` is
 * decided by each cell's centre (scanline, even-odd rule). Population is uniform over the
 * area, so weighting by it scales every gain alike and never changes the order.
 * Lazy greedy (CELF): gains and distances only shrink as picks are added, so a stale key is
 * an upper bound and only the top of the heap is recomputed.
 *
 * @param candidates on-air 4G stations of the area (lon/lat degrees)
 * @param fiveG 5G stations near the area (within radius + colocation of it)
 * @param options see RankUpgradesOptions; count and radiusMeters are required
 * @returns the picks in order, with the shortfall when candidates run out
 * @example
 * rankUpgrades([{ code: 'A', operator: 'VNPT', lon: 105.1, lat: 10.4 }], [], { count: 1, radiusMeters: 1200 })
 * // { picks: [{ code: 'A', rank: 1, gainKm2: 4.56…, nearest5gKm: null, … }], shortfall: 0, … }
 */
export function rankUpgrades(candidates: readonly UpgradeCandidate[], fiveG: readonly FiveGSite[], options: RankUpgradesOptions): RankUpgradesResult {
  const { count, radiusMeters, colocationMeters = 50, density = null } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error('count must be a non-negative integer');
  if (!(radiusMeters > 0)) throw new Error('radiusMeters is required and must be positive');
  const cell = options.cellMeters ?? radiusMeters / 10;
  if (!(cell > 0)) throw new Error('cellMeters must be positive');

  const origin = options.origin ?? bboxMiddle(candidates);
  const project = makeProjection(origin);
  const sites5g = fiveG.map((s) => ({ ...s, p: project(s.lon, s.lat) }));
  const pool: { c: UpgradeCandidate; p: [number, number] }[] = [];
  for (const c of candidates) {
    const p = project(c.lon, c.lat);
    if (!isColocated(c.operator, p, sites5g, colocationMeters)) pool.push({ c, p });
  }
  const onAir = sites5g.filter((s) => s.onAir !== false).map((s) => s.p);

  const grid = createGrid(pool.map((x) => x.p), radiusMeters, cell);
  if (options.within) grid.maskOutside(options.within, project);
  for (const p of onAir) grid.cover(p);

  const nearest = pool.map(({ p }) => nearestDistance(p, onAir, 0));
  // Distances tie at the metre: a sub-metre difference says nothing about the ground.
  const picked: [number, number][] = [];
  // Two discs overlap only closer than 2r (plus the snapping of both to cells): a farther pick leaves the gain as it was.
  const reach = 2 * radiusMeters + 2 * cell;
  const keyOf = (i: number, old?: Key): Key => {
    const p = pool[i]!.p;
    const stale = !old || nearestDistance(p, picked, old.round) < reach;
    return { i, gain: stale ? grid.gain(p) : old.gain, far: Math.round(nearest[i]!), round: picked.length };
  };
  const heap = new KeyHeap((i) => pool[i]!.c);
  for (let i = 0; i < pool.length; i++) heap.push(keyOf(i));

  const picks: UpgradePick[] = [];
  const cellKm2 = (cell * cell) / 1e6;
  while (picks.length < count && heap.size > 0) {
    const top = heap.pop()!;
    if (top.round !== picks.length) {
      heap.push(keyOf(top.i, top));
      continue;
    }
    const { c, p } = pool[top.i]!;
    const gainKm2 = top.gain * cellKm2;
    picks.push({
      ...c, rank: picks.length + 1, gainKm2,
      gainPeople: density === null ? null : gainKm2 * density,
      nearest5gKm: Number.isFinite(nearest[top.i]!) ? nearest[top.i]! / 1000 : null,
    });
    grid.cover(p);
    picked.push(p);
    for (let j = 0; j < pool.length; j++) {
      const q = pool[j]!.p;
      nearest[j] = Math.min(nearest[j]!, dist(q[0] - p[0], q[1] - p[1]));
    }
  }
  return { picks, candidates: pool.length, excludedColocated: candidates.length - pool.length, shortfall: count - picks.length, cellMeters: cell };
}

function isColocated(operator: string, p: [number, number], sites: readonly { operator: string; p: [number, number] }[], meters: number): boolean {
  for (const s of sites) {
    if (dist(s.p[0] - p[0], s.p[1] - p[1]) <= meters && s.operator === operator) return true;
  }
  return false;
}

/** Distance from p to the nearest of points[from..], metres; Infinity when there is none. */
function nearestDistance(p: readonly [number, number], points: readonly (readonly [number, number])[], from: number): number {
  let best = Infinity;
  for (let k = from; k < points.length; k++) {
    const q = points[k]!;
    const d = dist(q[0] - p[0], q[1] - p[1]);
    if (d < best) best = d;
  }
  return best;
}

function bboxMiddle(points: readonly { lon: number; lat: number }[]): [number, number] {
  if (points.length === 0) return [0, 0];
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const p of points) { w = Math.min(w, p.lon); e = Math.max(e, p.lon); s = Math.min(s, p.lat); n = Math.max(n, p.lat); }
  return [(w + e) / 2, (s + n) / 2];
}

function makeProjection([lon0, lat0]: [number, number]) {
  const kx = EARTH_RADIUS_M * RAD * Math.cos(lat0 * RAD), ky = EARTH_RADIUS_M * RAD;
  return (lon: number, lat: number): [number, number] => [(lon - lon0) * kx, (lat - lat0) * ky];
}

interface Key { i: number; gain: number; far: number; round: number }

/** Max-heap on (gain, distance to 5G, then smaller code, operator, lon, lat). */
class KeyHeap {
  private items: Key[] = [];
  constructor(private readonly of: (i: number) => UpgradeCandidate) {}
  get size() { return this.items.length; }
  private before(a: Key, b: Key): boolean {
    if (a.gain !== b.gain) return a.gain > b.gain;
    if (a.far !== b.far) return a.far > b.far;
    const ca = this.of(a.i), cb = this.of(b.i);
    if (ca.code !== cb.code) return ca.code < cb.code;
    if (ca.operator !== cb.operator) return ca.operator < cb.operator;
    return ca.lon !== cb.lon ? ca.lon < cb.lon : ca.lat < cb.lat;
  }
  push(k: Key) {
    const h = this.items;
    h.push(k);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }
  pop(): Key | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let best = i;
        if (l < h.length && this.before(h[l]!, h[best]!)) best = l;
        if (r < h.length && this.before(h[r]!, h[best]!)) best = r;
        if (best === i) break;
        [h[i], h[best]] = [h[best]!, h[i]!];
        i = best;
      }
    }
    return top;
  }
}

/** The raster: cells covering the candidates' discs, with an "inside the area" and a "covered" flag. */
function createGrid(points: readonly [number, number][], radius: number, cell: number) {
  const reach = Math.ceil(radius / cell);
  const stencil: [number, number][] = [];
  for (let dj = -reach; dj <= reach; dj++) {
    for (let di = -reach; di <= reach; di++) if ((di * di + dj * dj) * cell * cell <= radius * radius) stencil.push([di, dj]);
  }
  const idx = (v: number) => Math.floor(v / cell);
  let i0 = Infinity, j0 = Infinity, i1 = -Infinity, j1 = -Infinity;
  for (const [x, y] of points) { i0 = Math.min(i0, idx(x)); i1 = Math.max(i1, idx(x)); j0 = Math.min(j0, idx(y)); j1 = Math.max(j1, idx(y)); }
  if (points.length === 0) { i0 = j0 = 0; i1 = j1 = -1; }
  i0 -= reach; j0 -= reach; i1 += reach; j1 += reach;
  const width = Math.max(0, i1 - i0 + 1), height = Math.max(0, j1 - j0 + 1);
  const covered = new Uint8Array(width * height);
  const outside = new Uint8Array(width * height);
  const sx = Int32Array.from(stencil, (o) => o[0]), sy = Int32Array.from(stencil, (o) => o[1]);
  // Plain loops, no callbacks: this is the hot path (every gain and every cover).
  const walk = (p: readonly [number, number], mark: boolean): number => {
    const ci = idx(p[0]) - i0, cj = idx(p[1]) - j0;
    let n = 0;
    for (let s = 0; s < sx.length; s++) {
      const i = ci + sx[s]!, j = cj + sy[s]!;
      if (i < 0 || j < 0 || i >= width || j >= height) continue;
      const k = j * width + i;
      if (mark) covered[k] = 1;
      else if (covered[k] === 0 && outside[k] === 0) n++;
    }
    return n;
  };
  return {
    cover(p: readonly [number, number]) { walk(p, true); },
    gain(p: readonly [number, number]) { return walk(p, false); },
    /** Scanline fill at cell-centre rows; cells whose centre is outside every ring (even-odd) are masked. */
    maskOutside(area: Polygon | MultiPolygon, project: (lon: number, lat: number) => [number, number]) {
      const rings = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).flat().map((ring) => ring.map(([lon, lat]) => project(lon!, lat!)));
      outside.fill(1);
      for (let j = 0; j < height; j++) {
        const y = (j0 + j + 0.5) * cell;
        const xs: number[] = [];
        for (const ring of rings) {
          for (let k = 0; k + 1 < ring.length; k++) {
            const [xa, ya] = ring[k]!, [xb, yb] = ring[k + 1]!;
            if ((ya <= y) !== (yb <= y)) xs.push(xa + ((y - ya) / (yb - ya)) * (xb - xa));
          }
        }
        xs.sort((a, b) => a - b);
        for (let k = 0; k + 1 < xs.length; k += 2) {
          const from = Math.max(0, Math.ceil(xs[k]! / cell - 0.5) - i0), to = Math.min(width, Math.ceil(xs[k + 1]! / cell - 0.5) - i0);
          for (let i = from; i < to; i++) outside[j * width + i] = 0;
        }
      }
    },
  };
}
