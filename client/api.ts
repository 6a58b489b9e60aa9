import type { Geometry } from 'geojson';
import type { Counts, OperatorFigures, StatsBody } from './figures.js';
import type { StationStatus, Technology } from './state.js';

/** The only module that calls fetch. Errors carry the API's own message. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

export async function getJson<T>(path: string, params: Record<string, string | undefined> = {}, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await fetch(withQuery(path, params), { signal, headers: { accept: 'application/json' } }));
}

let csrf: Promise<string | null> | null = null;

/** POSTs a JSON body (the planner's what-if and scenarios); a signed-in session's write carries its CSRF token. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  csrf ??= fetch('/api/auth/me', { headers: { accept: 'application/json' } })
    .then((r) => r.json()).then((me: { csrfToken?: string | null }) => me.csrfToken ?? null).catch(() => null);
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  const token = await csrf;
  if (token) headers['x-csrf-token'] = token;
  return readJson<T>(await fetch(path, { method: 'POST', body: JSON.stringify(body), headers, credentials: 'same-origin' }));
}

async function readJson<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export interface ClientConfig { tileUrl: string; tileAttribution: string }
export interface BoundarySet { id: number; name: string; level: string; isDemo: boolean; areaCount: number; isDefault: boolean }
export interface Facets { operators: { code: string; name: string }[]; commissioned: { first: string | null; last: string | null } }
export interface AreaFeature {
  type: 'Feature'; id: string; bbox: [number, number, number, number]; geometry: Geometry; properties: StatsBody['rows'][number];
}
export interface AreasBody { set: StatsBody['set']; features: AreaFeature[] }
export interface AreaDetail { operators: OperatorFigures[]; area: { properties: { attributes: Record<string, unknown> } } }

export interface StationProps {
  id: number; operator: string; operatorName: string; code: string; technology: Technology; name: string | null;
  status: StationStatus; commissionedOn: string | null; decommissionedOn: string | null;
  areaCode: string | null; areaName: string | null; colocated: boolean;
}
export interface StationFeature { type: 'Feature'; id: string; geometry: { type: 'Point'; coordinates: [number, number] }; properties: StationProps }
export interface StationPage { features: StationFeature[]; nextCursor: string | null; set: { name: string } }
export interface GridCell { lon: number; lat: number; n4g: number; n5g: number }
export interface GridBody { cells: GridCell[]; total: Counts; cellDegrees: number }

/** Station filters as the API names them (/api/stations and /api/stations/grid share them). */
export interface StationQuery {
  set?: string | undefined; area?: string | undefined; operator?: string | undefined;
  technology?: string | undefined; status?: string | undefined; asOf?: string | undefined;
}

export const api = {
  config: () => getJson<ClientConfig>('/api/config'),
  boundarySets: () => getJson<{ sets: BoundarySet[] }>('/api/boundary-sets').then((b) => b.sets),
  facets: () => getJson<Facets>('/api/stations/facets'),
  areas: (set: string | undefined, signal?: AbortSignal) => getJson<AreasBody>('/api/areas', { set }, signal),
  /** The figures of a view: several operators comma-separated (summed by the server), `area` adds that selection's total. */
  stats: (p: StatsQuery, signal?: AbortSignal) => getJson<StatsBody>('/api/stats', { ...p }, signal),
  areaDetail: (code: string, p: { set?: string | undefined; asOf?: string | undefined; target?: string | undefined }) =>
    getJson<AreaDetail>(`/api/areas/${encodeURIComponent(code)}`, p),
  grid: (q: StationQuery & { bbox: string; zoom: string }, signal?: AbortSignal) => getJson<GridBody>('/api/stations/grid', { ...q }, signal),
  stationPage: (q: StationQuery & { bbox?: string; limit: string; cursor?: string | undefined }, signal?: AbortSignal) =>
    getJson<StationPage>('/api/stations', { ...q }, signal),
  stationsCsvUrl: (q: StationQuery) => withQuery('/api/stations', { ...q, format: 'csv' }),
  statsCsv: (p: StatsCsvQuery) => getFile('/api/stats', { ...p, format: 'csv' }),
};

/** The scope of /api/stats: set, date, operator codes and what-if target, and the area codes of a selection. */
export interface StatsQuery {
  set?: string | undefined; asOf?: string | undefined; operator?: string | undefined; target?: string | undefined; area?: string | undefined;
}
/** The scope of /api/stats?format=csv: as /api/stats. */
export type StatsCsvQuery = StatsQuery;

/** A file the API names itself (Content-Disposition), as text. */
async function getFile(path: string, params: Record<string, string | undefined>): Promise<{ text: string; fileName: string; type: string }> {
  const res = await fetch(withQuery(path, params));
  if (!res.ok) {
    const e = (await res.json().catch(() => null))?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`);
  }
  const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  return { text: await res.text(), fileName, type: res.headers.get('content-type') ?? 'application/octet-stream' };
}
