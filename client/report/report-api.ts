/** The report page's only calls to the API (GETs; errors carry the API's own message). */

export interface Scope {
  set: { id: number; name: string; isDemo: boolean };
  asOf: string; baseline: string | null; operator: string | null; demo: boolean;
  target: { bp: number; label: string; name: string | null; dueOn: string | null; milestones: { dueOn: string; bp: number }[] };
}
export interface Gap { n4g: number; n5g: number; ratio: number | null; required: number; needed: number; status: string }
export interface StatsRow extends Gap { code: string; name: string; population: number | null; areaKm2: number }
export interface Stats extends Scope { rows: StatsRow[]; totals: Gap & { neededAllAreas: number }; unassigned: { n4g: number; n5g: number } }
export interface AreaFeature { id: string; bbox: [number, number, number, number]; geometry: { type: string; coordinates: any }; properties: StatsRow }
export interface Areas extends Scope { features: AreaFeature[] }
export interface Radii { urban: number; suburban: number; rural: number }
export interface Pick {
  rank: number; operator: string; code: string; name: string | null; lon: number; lat: number; area: string; areaName: string;
  gainKm2: number; nearest5gKm: number | null; reason: { en: string; vi: string };
}
export interface Recommendations extends Scope {
  radiiKm: { '4G': Radii; '5G': Radii }; method: { en: string; vi: string };
  areas: { code: string; environment: string; needed: number; picks: number; newSitesToBuild: number }[];
  picks: Pick[]; totals: { needed: number; picks: number; newSitesToBuild: number };
}
export interface CoverageArea { code: string; environment: string; radiusKm: number; share: number; coveredKm2: number; areaKm2: number }
export interface Coverage extends Scope {
  areas: CoverageArea[]; totals: { share: number; coveredKm2: number; areaKm2: number };
  coverage: { features: { id: string; geometry: { type: string; coordinates: any } }[] };
}
export interface Pace { n4g: number; n5g: number; ratio: number | null; needed: number; added5g: number; perDay: number; projectedOn: string | null; status: string }
export interface Timeline extends Scope {
  series: { date: string; ratio: number | null; milestoneBp: number | null }[];
  milestones: { dueOn: string; bp: number; label: string }[];
  pace: Pace; areas: (Pace & { code: string; name: string })[]; operators: (Pace & { operator: string })[];
}

export interface ReportQuery { set?: string; area?: string; asOf?: string; target?: string; operator?: string; baseline?: string }

async function getJson<T>(path: string, q: Record<string, string | undefined>): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  const res = await fetch(`${path}?${params}`, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

/** Everything one report shows, fetched at once. */
export async function loadReport(q: ReportQuery) {
  const { area, ...scope } = q;
  const [stats, areas, rec, coverage, timeline] = await Promise.all([
    getJson<Stats>('/api/stats', scope),
    getJson<Areas>('/api/areas', scope),
    getJson<Recommendations>('/api/planner/recommendations', { ...scope, area }),
    getJson<Coverage>('/api/planner/coverage', { ...scope, area, technology: '5G' }),
    getJson<Timeline>('/api/planner/timeline', { ...scope, area }),
  ]);
  return { stats, areas, rec, coverage, timeline, area };
}
export type ReportData = Awaited<ReturnType<typeof loadReport>>;
