import { getJson, postJson, withQuery } from '../api.js';
import type { WhatIfFigures } from '../figures.js';
import type { Coverage, Pace, Pick, Recommendations, Timeline } from '../report/report-api.js';

/** The planner's calls to the API (server/planner/planner.schemas.ts has the shapes). */
export type { Coverage, Pace, Pick, Recommendations, Timeline };

/** The scope every planner read shares: the query parameters of /api/planner/*. */
export interface PlanQuery { set?: string | undefined; asOf?: string | undefined; target?: string | undefined; operator?: string | undefined; area?: string | undefined }

export interface CoverageBody extends Coverage {
  modelled: true;
  radiiKm: Recommendations['radiiKm'];
  areas: (Coverage['areas'][number] & { name: string })[];
  coverage: { type: 'FeatureCollection'; features: { type: 'Feature'; id: string; properties: { code: string; radiusKm: number }; geometry: { type: string; coordinates: any } }[] };
}

export interface Gap { n4g: number; n5g: number; ratio: number | null; required: number; needed: number; status: string }
export interface WhatIfRequest {
  set?: string; asOf?: string; target?: string;
  /** The view's operators, comma-separated: the figures count those (summed). */
  operator?: string;
  /** The view's selected areas, comma-separated: the answer adds their total (not saved with a scenario). */
  area?: string;
  upgrades: { operator: string; topN: number }[];
}
/** POST /api/planner/what-if, or a scenario reopened (server/planner/planner.schemas.ts whatIfResponse). */
export interface WhatIfResult extends WhatIfFigures {
  saved: false;
  target: { bp: number; label: string };
  upgrades: { operator: string; topN: number; applied: number }[];
  areas: (WhatIfFigures['areas'][number] & { before: Gap })[];
  totals: { before: Gap & { neededAllAreas: number }; after: WhatIfFigures['totals']['after'] };
  picks: Pick[];
}
export interface Scenario { id: number; name: string; parameters: unknown; createdAt: string }

export const plannerApi = {
  recommendations: (q: PlanQuery) => getJson<Recommendations>('/api/planner/recommendations', { ...q }),
  coverage: (q: PlanQuery, geometry: boolean) =>
    getJson<CoverageBody>('/api/planner/coverage', { ...q, technology: '5G', geometry: String(geometry) }),
  timeline: (q: PlanQuery) => getJson<Timeline>('/api/planner/timeline', { ...q }),
  workListUrl: (q: PlanQuery, format: 'csv' | 'xlsx') => withQuery('/api/planner/recommendations', { ...q, format }),
  whatIf: (body: WhatIfRequest) => postJson<WhatIfResult>('/api/planner/what-if', body),
  scenarios: () => getJson<{ scenarios: Scenario[] }>('/api/planner/scenarios').then((b) => b.scenarios),
  saveScenario: (name: string, parameters: WhatIfRequest) => postJson<Scenario>('/api/planner/scenarios', { name, parameters }),
  openScenario: (id: number, area?: string) => getJson<{ scenario: Scenario; result: WhatIfResult }>(`/api/planner/scenarios/${id}`, { area }),
};
