import type { AreaFeature, Coverage, Pick } from './report-api.js';
import { svg } from './report-dom.js';

const WIDTH = 1000;

type Ring = [number, number][];

function polygonsOf(g: { type: string; coordinates: any }): Ring[][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** Equirectangular at the middle latitude: straight enough for a district or a province. */
function makeProjection(bbox: [number, number, number, number]) {
  const [w, s, e, n] = bbox;
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const scale = WIDTH / Math.max((e - w) * k, 1e-9);
  const height = Math.max(200, Math.min(1400, (n - s) * scale));
  const fit = Math.min(scale, height / Math.max(n - s, 1e-9));
  return { height, at: ([lon, lat]: [number, number]) => [((lon - w) * k * fit).toFixed(1), ((n - lat) * fit).toFixed(1)] as const };
}

const pathOf = (polys: Ring[][], at: (p: [number, number]) => readonly [string, string]) =>
  polys.map((rings) => rings.map((ring) => 'M' + ring.map((p) => at(p).join(',')).join('L') + 'Z').join('')).join('');

/** The ratio against the target: red far behind, amber close, green met (the map's colour idea). */
export function colourFor(ratio: number | null, targetBp: number): string {
  if (ratio === null) return '#d9d9d9';
  const x = (ratio * 10000) / targetBp;
  if (x >= 1) return '#1a9850';
  if (x >= 0.75) return '#fee08b';
  if (x >= 0.5) return '#fc8d59';
  return '#d73027';
}

/** A static SVG map (no tiles, so it prints): areas by progress, modelled 5G coverage, numbered picks. */
export function renderMap(areas: AreaFeature[], coverage: Coverage, picks: Pick[], targetBp: number): SVGSVGElement {
  const bbox = areas.reduce<[number, number, number, number]>((b, a) => [Math.min(b[0], a.bbox[0]), Math.min(b[1], a.bbox[1]), Math.max(b[2], a.bbox[2]), Math.max(b[3], a.bbox[3])], [180, 90, -180, -90]);
  const { height, at } = makeProjection(bbox);
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${Math.round(height)}`, class: 'map', role: 'img' });
  for (const a of areas) {
    root.append(svg('path', { d: pathOf(polygonsOf(a.geometry), at), fill: colourFor(a.properties.ratio, targetBp), stroke: '#444', 'stroke-width': 1, 'fill-opacity': 0.55 },
      svg('title', {}, `${a.properties.name} (${a.id})`)));
  }
  for (const f of coverage.coverage.features) {
    root.append(svg('path', { d: pathOf(polygonsOf(f.geometry), at), fill: '#2c7bb6', 'fill-opacity': 0.35, stroke: 'none' }));
  }
  for (const a of areas) {
    const [x, y] = at([(a.bbox[0] + a.bbox[2]) / 2, (a.bbox[1] + a.bbox[3]) / 2]);
    root.append(svg('text', { x, y, class: 'area-label', 'text-anchor': 'middle' }, a.properties.name));
  }
  const labelled = picks.length <= 250;
  for (const p of picks) {
    const [x, y] = at([p.lon, p.lat]);
    root.append(svg('circle', { cx: x, cy: y, r: labelled ? 7 : 3, class: 'pick' }, svg('title', {}, `${p.rank}. ${p.operator} ${p.code}`)));
    if (labelled) root.append(svg('text', { x, y: (Number(y) + 3).toFixed(1), class: 'pick-label', 'text-anchor': 'middle' }, p.rank));
  }
  return root;
}
