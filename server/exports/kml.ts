import type { Geometry } from 'geojson';
import { bandColour, NO_BASELINE_COLOUR, PROGRESS_BANDS, progressBand, TECHNOLOGY_COLOURS, type BandKey } from '../../geo/colour-scale.js';
import type { StationRow } from '../stations/stations.repository.js';
import { EXPORT_WORDS, type ExportLang } from './export-words.js';

/**
 * KML 2.2 for Google Earth and anything that reads it: areas filled with the map's progress
 * colours, figures in each placemark's description (what Google Earth shows on a click) and
 * in ExtendedData (what GDAL and QGIS read as fields). Every text is XML-escaped: names come
 * from uploaded files.
 */

export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** `#rrggbb` → KML's `aabbggrr`. */
function kmlColour(hex: string, alpha: number): string {
  const a = Math.round(alpha * 255).toString(16).padStart(2, '0');
  return `${a}${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`.toLowerCase();
}

const header = (title: string, styles: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n<name>${escapeXml(title)}</name>\n${styles}`;
export const KML_FOOTER = '</Document>\n</kml>\n';

type Value = string | number | boolean | null;

/** A description Google Earth renders as a small table; escaped once as HTML, once more as XML text. */
function description(rows: [string, Value][]): string {
  const html = `<table>${rows.map(([k, v]) => `<tr><th align="left">${escapeXml(k)}</th><td>${escapeXml(v === null ? '—' : String(v))}</td></tr>`).join('')}</table>`;
  return `<description>${escapeXml(html)}</description>`;
}

function extendedData(values: Record<string, Value>): string {
  const data = Object.entries(values).map(([k, v]) => `<Data name="${k}"><value>${v === null ? '' : escapeXml(String(v))}</value></Data>`);
  return `<ExtendedData>${data.join('')}</ExtendedData>`;
}

const ring = (coords: number[][]) => `<LinearRing><coordinates>${coords.map(([x, y]) => `${x},${y}`).join(' ')}</coordinates></LinearRing>`;
const polygon = (rings: number[][][]) =>
  `<Polygon><outerBoundaryIs>${ring(rings[0]!)}</outerBoundaryIs>${rings.slice(1).map((r) => `<innerBoundaryIs>${ring(r)}</innerBoundaryIs>`).join('')}</Polygon>`;

function polygonal(g: Geometry): string {
  if (g.type === 'Polygon') return polygon(g.coordinates);
  if (g.type === 'MultiPolygon') return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
  throw new Error(`an area's geometry is ${g.type}, not a polygon`);
}

const BANDS: BandKey[] = [...PROGRESS_BANDS.map((b) => b.key), 'bandNone'];

/** The map's fill (0.78 opaque, white borders) for each progress class. */
const areaStyles = () =>
  BANDS.map((band) => `<Style id="${band}"><LineStyle><color>ffffffff</color><width>1.2</width></LineStyle>` +
    `<PolyStyle><color>${kmlColour(band === 'bandNone' ? NO_BASELINE_COLOUR : bandColour(band), 0.78)}</color></PolyStyle></Style>\n`).join('');

export interface AreaForKml {
  code: string;
  name: string;
  geometry: Geometry;
  n4g: number; n5g: number; ratio: number | null; required: number; needed: number;
  status: 'met' | 'behind' | 'no_baseline';
  areaKm2: number; population: number | null;
}

const percent = (r: number | null) => (r === null ? null : `${Math.round(r * 1000) / 10} %`);

/** A boundary set's areas on one date and target, as one KML document. */
export function writeAreasKml(areas: readonly AreaForKml[], scope: { title: string; asOf: string; target: string; bp: number }, lang: ExportLang): string {
  const w = EXPORT_WORDS[lang];
  const placemarks = areas.map((a) => {
    const rows: [string, Value][] = [
      [w.code, a.code], ['4G', a.n4g], ['5G', a.n5g], [w.ratio, percent(a.ratio)], [w.required, a.required], [w.needed, a.needed],
      [w.status, w[a.status]], [w.target, scope.target], [w.asOf, scope.asOf],
    ];
    return `<Placemark id="area-${escapeXml(a.code)}"><name>${escapeXml(a.name)}</name>${description(rows)}<styleUrl>#${progressBand(a.n4g, a.n5g, scope.bp)}</styleUrl>` +
      extendedData({ code: a.code, name: a.name, n4g: a.n4g, n5g: a.n5g, ratio: a.ratio, required: a.required, needed: a.needed, status: a.status,
        area_km2: Math.round(a.areaKm2 * 100) / 100, population: a.population, as_of: scope.asOf, target: scope.target }) +
      `${polygonal(a.geometry)}</Placemark>\n`;
  });
  return header(scope.title, areaStyles()) + placemarks.join('') + KML_FOOTER;
}

const stationStyles = () =>
  (['4G', '5G'] as const).map((t) => `<Style id="g${t[0]}"><IconStyle><color>${kmlColour(TECHNOLOGY_COLOURS[t], 1)}</color><scale>0.6</scale>` +
    '<Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle></Style>\n').join('');

export const stationsKmlHeader = (title: string) => header(title, stationStyles());

/** One station; the document is streamed a page at a time (stations.routes.ts). */
export function stationPlacemark(r: StationRow, lang: ExportLang): string {
  const w = EXPORT_WORDS[lang];
  const rows: [string, Value][] = [
    [w.operator, r.operatorName], [w.stationCode, r.code], [w.technology, r.technology], [w.stationName, r.name],
    [w.stationStatus, w[r.status]], [w.commissionedOn, r.commissionedOn], [w.decommissionedOn, r.decommissionedOn],
    [w.area, r.areaName], [w.colocated, r.colocated ? w.yes : w.no],
  ];
  return `<Placemark><name>${escapeXml(r.code)}</name>${description(rows)}<styleUrl>#g${r.technology[0]}</styleUrl>` +
    extendedData({ operator: r.operator, station_code: r.code, technology: r.technology, name: r.name, status: r.status,
      commissioned_on: r.commissionedOn, decommissioned_on: r.decommissionedOn, area_code: r.areaCode, area_name: r.areaName, colocated: r.colocated }) +
    `<Point><coordinates>${r.lon},${r.lat}</coordinates></Point></Placemark>\n`;
}
