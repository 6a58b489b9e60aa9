import type { Lang } from './i18n.js';

export type Technology = '4G' | '5G';
export type StationStatus = 'planned' | 'on_air' | 'decommissioned';
export type SortKey = 'name' | 'n4g' | 'n5g' | 'ratio' | 'required' | 'needed' | 'status';
export type SortDir = 'asc' | 'desc';

/** Everything the view shows; all of it lives in the URL, so a link reproduces the view. */
export interface ViewState {
  lang: Lang;
  set: string | null;
  areas: string[];
  operators: string[];
  technology: Technology | null;
  statuses: StationStatus[];
  /** null: today (the server's date in Vietnam), and stations of any date on the map. */
  asOf: string | null;
  /** What-if target as typed, in percent ("57.5"); null: the stored target. */
  target: string | null;
  layers: { g4: boolean; g5: boolean };
  sort: { key: SortKey; dir: SortDir };
  selected: string | null;
  map: { zoom: number; lat: number; lon: number } | null;
  /** The planner: its panel tab open (plan=1), numbered picks (picks=1) and modelled coverage (cov=1) on the map. */
  planner: { plan: boolean; picks: boolean; cov: boolean };
}

export const DEFAULT_STATE: ViewState = Object.freeze({
  lang: 'vi',
  set: null,
  areas: [],
  operators: [],
  technology: null,
  statuses: [],
  asOf: null,
  target: null,
  layers: { g4: true, g5: true },
  sort: { key: 'needed', dir: 'desc' },
  selected: null,
  map: null,
  planner: { plan: false, picks: false, cov: false },
}) as ViewState;

const SORT_KEYS: readonly SortKey[] = ['name', 'n4g', 'n5g', 'ratio', 'required', 'needed', 'status'];
const STATUSES: readonly StationStatus[] = ['planned', 'on_air', 'decommissioned'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const list = (v: string | null) => (v ? [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))] : []);

function parseMap(v: string | null): ViewState['map'] {
  const m = v && /^(\d{1,2})\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(v);
  if (!m) return null;
  const zoom = Number(m[1]), lat = Number(m[2]), lon = Number(m[3]);
  return zoom <= 22 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { zoom, lat, lon } : null;
}

/** Reads the view from a query string; anything unknown or malformed falls back to the default. */
export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const tech = p.get('tech')?.toUpperCase();
  const layers = p.get('layers');
  const [sortKey, sortDir] = (p.get('sort') ?? '').split('-');
  const asOf = p.get('asOf');
  const target = p.get('target')?.trim().replace(/%$/, '');
  return {
    lang: p.get('lang') === 'en' ? 'en' : 'vi',
    set: p.get('set') || null,
    areas: list(p.get('area')),
    operators: list(p.get('operator')).map((o) => o.toUpperCase()),
    technology: tech === '4G' || tech === '5G' ? tech : null,
    statuses: list(p.get('status')).filter((x): x is StationStatus => (STATUSES as string[]).includes(x)),
    asOf: asOf && ISO_DATE.test(asOf) ? asOf : null,
    target: target && /^\d{1,6}(\.\d{1,2})?$/.test(target) ? target : null,
    layers: layers === null ? { ...DEFAULT_STATE.layers } : { g4: layers.split(',').includes('4g'), g5: layers.split(',').includes('5g') },
    sort: (SORT_KEYS as string[]).includes(sortKey ?? '')
      ? { key: sortKey as SortKey, dir: sortDir === 'asc' ? 'asc' : 'desc' }
      : { ...DEFAULT_STATE.sort },
    selected: p.get('sel') || null,
    map: parseMap(p.get('map')),
    planner: { plan: p.get('plan') === '1', picks: p.get('picks') === '1', cov: p.get('cov') === '1' },
  };
}

/** Writes the view as a query string, leaving out what equals the default (short links). */
export function serializeState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.lang !== 'vi') p.set('lang', s.lang);
  if (s.set) p.set('set', s.set);
  if (s.areas.length) p.set('area', s.areas.join(','));
  if (s.operators.length) p.set('operator', s.operators.join(','));
  if (s.technology) p.set('tech', s.technology);
  if (s.statuses.length) p.set('status', s.statuses.join(','));
  if (s.asOf) p.set('asOf', s.asOf);
  if (s.target) p.set('target', s.target);
  if (!s.layers.g4 || !s.layers.g5) p.set('layers', [s.layers.g4 && '4g', s.layers.g5 && '5g'].filter(Boolean).join(',') || 'none');
  if (s.sort.key !== DEFAULT_STATE.sort.key || s.sort.dir !== DEFAULT_STATE.sort.dir) p.set('sort', `${s.sort.key}-${s.sort.dir}`);
  if (s.selected) p.set('sel', s.selected);
  if (s.planner.plan) p.set('plan', '1');
  if (s.planner.picks) p.set('picks', '1');
  if (s.planner.cov) p.set('cov', '1');
  if (s.map) p.set('map', `${s.map.zoom}/${s.map.lat.toFixed(5)}/${s.map.lon.toFixed(5)}`);
  return p.toString().replaceAll('%2C', ',').replaceAll('%2F', '/');
}

/** The parts of the state each data load depends on: a load reruns only when its key changes. */
export const figuresKey = (s: ViewState) => JSON.stringify([s.set, s.asOf, [...s.operators].sort()]);
export const stationsKey = (s: ViewState) =>
  JSON.stringify([s.set, s.asOf, [...s.operators].sort(), s.technology, [...s.statuses].sort(), [...s.areas].sort()]);
